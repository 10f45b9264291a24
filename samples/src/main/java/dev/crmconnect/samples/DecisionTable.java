package dev.crmconnect.samples;

import dev.crmconnect.sdk.poller.AuditRecord;
import dev.crmconnect.sdk.poller.Decision;
import java.io.PrintStream;
import java.util.List;

/** Prints decisions as a table: one line per notice, then what was done or why, indented. */
final class DecisionTable {

    private static final String ROW = "  %-3s %-10s %-28s %-16s %s%n";

    private DecisionTable() {
    }

    /** Prints {@code decisions} to {@code out}; ids, decisions and reasons only, never a name. */
    static void print(List<AuditRecord> decisions, PrintStream out) {
        if (decisions.isEmpty()) {
            out.println("  (no new notices)");
            return;
        }
        out.printf(ROW, "#", "notice", "member", "decision", "reason");
        int n = 0;
        for (AuditRecord record : decisions) {
            Decision decision = record.decision();
            out.printf(ROW, ++n, shortId(record.noticeId()), record.member(), decision.kind(),
                    decision.reason() == null ? "-" : decision.reason());
            out.println("        " + decision.detail());
        }
        long deleted = count(decisions, Decision.Kind.DELETE);
        long retained = count(decisions, Decision.Kind.RETAIN);
        long flagged = count(decisions, Decision.Kind.FLAG_FOR_REVIEW);
        out.printf("  %d deleted, %d retained, %d flagged for review%n", deleted, retained, flagged);
    }

    private static long count(List<AuditRecord> decisions, Decision.Kind kind) {
        return decisions.stream().filter(r -> r.decision().kind() == kind).count();
    }

    /** The first 8 characters: enough to tell notices apart on screen; the audit log has the whole id. */
    private static String shortId(String noticeId) {
        return noticeId.length() <= 8 ? noticeId : noticeId.substring(0, 8);
    }
}
