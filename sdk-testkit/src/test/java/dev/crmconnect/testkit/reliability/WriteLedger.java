package dev.crmconnect.testkit.reliability;

import dev.crmconnect.testkit.JournalEntry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How often the fake applied a BATCH_UPDATE to each record of one resource, read from its
 * journal, split by whether the client received that answer ({@code acknowledged}) or not
 * ({@code lost}: the attempt timed out or its connection broke after the fake had answered).
 */
final class WriteLedger {

    private final Map<String, Integer> acknowledged = new HashMap<>();
    private final Map<String, Integer> lost = new HashMap<>();
    private int lostAnswers;

    /** The ledger of {@code path} (for example {@code /v2/crmContacts}) in {@code journal}. */
    WriteLedger(List<JournalEntry> journal, String path, AttemptLog log) {
        for (JournalEntry entry : journal) {
            if (!"BATCH_UPDATE".equals(entry.restLiMethod()) || entry.status() != 200 || !entry.path().equals(path)) {
                continue;
            }
            boolean received = log.received(entry.requestId());
            if (!received) {
                lostAnswers++;
            }
            for (Object key : entry.keys()) {
                String crmId = (String) ((Map<?, ?>) key).get("crmId");
                (received ? acknowledged : lost).merge(crmId, 1, Integer::sum);
            }
        }
    }

    /** Answers for this record the client received. */
    int acknowledged(String crmId) {
        return acknowledged.getOrDefault(crmId, 0);
    }

    /** Answers for this record the client never received. */
    int lost(String crmId) {
        return lost.getOrDefault(crmId, 0);
    }

    /** Answered batch calls whose answer the client never received. */
    int lostAnswers() {
        return lostAnswers;
    }

    /** Records the fake applied more than once (each time the same full replace). */
    long appliedMoreThanOnce() {
        Map<String, Integer> applied = new HashMap<>(acknowledged);
        lost.forEach((k, v) -> applied.merge(k, v, Integer::sum));
        return applied.values().stream().filter(n -> n > 1).count();
    }
}
