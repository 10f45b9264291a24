package dev.crmconnect.samples;

import dev.crmconnect.sdk.CrmConnectClient;
import dev.crmconnect.sdk.SdkVersion;
import dev.crmconnect.sdk.poller.AuditRecord;
import dev.crmconnect.sdk.poller.CheckpointStore;
import dev.crmconnect.sdk.poller.ComplianceStatus;
import dev.crmconnect.sdk.poller.DeletionNoticePoller;
import dev.crmconnect.sdk.poller.PollSummary;
import dev.crmconnect.sdk.poller.PollerListener;
import dev.crmconnect.sdk.poller.Watermark;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The deletion-notice poller sample, the SDK's main job: reads a tenant's deletion notices,
 * decides each one with {@link SamplePolicy}, records the decisions in a file checkpoint, and
 * prints them with where the audit log is. Run again, it resumes from its checkpoint.
 *
 * <p>It polls the endpoint that {@code CRMCONNECT_CLIENT_ID}, {@code CRMCONNECT_CLIENT_SECRET} and
 * {@code CRMCONNECT_INTEGRATION_CONTEXT} (and optionally {@code CRMCONNECT_BASE_URL} and
 * {@code CRMCONNECT_TOKEN_URL}), or the matching flags, name; knowing nothing of your CRM
 * ({@link CrmRecords#unknown()}), it then flags every notice for review. The demo on the embedded
 * fake server is {@code NoticePollerDemo} in the module's tests, which calls {@link #poll} with its
 * own CRM records: this class does not need the testkit.
 */
public final class NoticePollerSample {

    /** The flags that take a value, without their dashes. */
    static final Set<String> VALUE_FLAGS = Set.of("work-dir", "acknowledge-gap", "base-url", "token-url",
            "client-id", "client-secret", "integration-context");
    /** The flags that take none. */
    static final Set<String> SWITCHES = Set.of("help");
    /** Polls per run at most; each reads up to 1,000 pages, so this only stops a feed that never ends. */
    private static final int MAX_POLLS = 100;
    private static final Instant FAR_FUTURE = Instant.parse("3000-01-01T00:00:00Z");

    private NoticePollerSample() {
    }

    /**
     * What one run did.
     *
     * @param resumedFrom    the checkpoint's watermark when the run started; null on a first run
     * @param decidedBefore  decisions recorded by earlier runs
     * @param decided        the decisions of this run, in order
     * @param alreadyDecided notices read again that already had a decision, so were not handed over
     * @param outcome        how the last poll ended
     * @param auditLog       the audit trail, as JSON lines
     */
    record Result(Watermark resumedFrom, int decidedBefore, List<AuditRecord> decided, int alreadyDecided,
                  PollSummary.Outcome outcome, Path auditLog) {
    }

    /**
     * Runs the sample against the endpoint the settings name; flags are listed by {@code --help}.
     *
     * @param args command-line flags
     */
    public static void main(String[] args) {
        SampleArgs parsed = SampleArgs.fromMain(args, VALUE_FLAGS, SWITCHES, usage());
        if (parsed == null) {
            return; // --help
        }
        Result result = SampleArgs.exitOnInvalidSetting(() -> run(parsed, System.out));
        if (result.outcome() != PollSummary.Outcome.COMPLETED) {
            System.exit(1);
        }
    }

    /**
     * Polls the endpoint {@code args} name, printing to {@code out}; the checkpoint and audit log go
     * to the work directory's {@code notice-poller-live/<organization>}.
     *
     * @throws IllegalArgumentException when no endpoint is given, or a required setting is missing
     */
    static Result run(SampleArgs args, PrintStream out) {
        Endpoint endpoint = Endpoint.require(args);
        out.println(title());
        Path directory = args.workDir("notice-poller-live")
                .resolve(endpoint.integrationContext().replaceAll("[^0-9A-Za-z-]", "_"));
        out.println("Endpoint: " + endpoint.describe());
        try (CrmConnectClient client = endpoint.clientBuilder().build()) {
            return poll(client, CrmRecords.unknown(), directory, args.flag("acknowledge-gap", null), out);
        }
    }

    /** The first line a run prints. */
    static String title() {
        return "CRM Connect deletion-notice poller sample (crmconnect-java " + SdkVersion.version() + ")";
    }

    /** Polls the client's tenant until its feed is read to the end, deciding each notice with the sample policy. */
    static Result poll(CrmConnectClient client, CrmRecords crm, Path directory, String acknowledgeGapAs,
                       PrintStream out) {
        String tenant = client.integrationContext();
        Path checkpoint = directory.resolve("checkpoint");
        try (CheckpointStore store = CheckpointStore.file(checkpoint)) {
            Watermark resumedFrom = store.watermark(tenant).orElse(null);
            int decidedBefore = store.auditTrail(tenant, Instant.EPOCH, FAR_FUTURE).size();
            out.println();
            if (resumedFrom == null) {
                out.println("Checkpoint: " + checkpoint + " (new: reading the whole feed)");
            } else {
                out.println("Checkpoint: " + checkpoint);
                out.println("Resumed from checkpoint " + resumedFrom.publishedAt() + " / " + resumedFrom.noticeId()
                        + " (" + decidedBefore + " notices decided by earlier runs)");
            }

            List<AuditRecord> decided = new ArrayList<>();
            DeletionNoticePoller poller = DeletionNoticePoller.builder()
                    .feed(client.deletionNotices().feed())
                    .handler(new SamplePolicy(client, crm))
                    .handlerId("notice-poller-sample-" + SdkVersion.version())
                    .checkpointStore(store)
                    .listener(new PollerListener() {
                        @Override
                        public void noticeDecided(AuditRecord record) {
                            decided.add(record);
                        }
                    })
                    .build();
            List<PollSummary> polls = new ArrayList<>();
            try {
                if (acknowledgeGapAs != null && poller.acknowledgeComplianceGap(tenant, acknowledgeGapAs)) {
                    out.println("Compliance gap acknowledged by " + acknowledgeGapAs + ": reading from the oldest"
                            + " notices the feed still holds");
                }
                // A service calls poller.start() and keeps it running; this program polls until caught up.
                PollSummary last;
                do {
                    last = poller.pollOnce().get(0);
                    polls.add(last);
                } while (last.outcome() == PollSummary.Outcome.INCOMPLETE && polls.size() < MAX_POLLS);

                int read = polls.stream().mapToInt(PollSummary::noticesRead).sum();
                int alreadyDecided = polls.stream().mapToInt(PollSummary::alreadyDecided).sum();
                int parked = polls.stream().mapToInt(PollSummary::parked).sum();
                out.printf("Feed: %d notices read; %d new notices decided; %d already decided earlier (not handed"
                        + " over again); %d parked%n", read, decided.size(), alreadyDecided, parked);
                out.println();
                DecisionTable.print(decided, out);
                reportOutcome(poller, tenant, last, out);

                Path auditLog = directory.resolve("audit.jsonl");
                int audited = exportAuditTrail(store, tenant, auditLog);
                out.println();
                out.println("Audit log: " + auditLog + " (" + audited + " decisions, JSON lines)");
                return new Result(resumedFrom, decidedBefore, List.copyOf(decided), alreadyDecided, last.outcome(),
                        auditLog);
            } finally {
                poller.close();
            }
        }
    }

    private static void reportOutcome(DeletionNoticePoller poller, String tenant, PollSummary last, PrintStream out) {
        switch (last.outcome()) {
            case COMPLETED -> {
                ComplianceStatus clock = poller.complianceStatus(tenant);
                out.println("Feed read to the end; watermark " + (last.watermark() == null ? "none yet"
                        : last.watermark().publishedAt() + " / " + last.watermark().noticeId())
                        + "; compliance clock " + clock.level());
            }
            case COMPLIANCE_GAP_RAISED, SKIPPED_COMPLIANCE_GAP -> {
                out.println("COMPLIANCE GAP: " + poller.complianceGap(tenant).map(g -> g.detail()).orElse("raised"));
                out.println("The feed no longer holds notices from the checkpoint on: some may have been missed."
                        + " Check with LinkedIn, then acknowledge it with --acknowledge-gap <your name>"
                        + " (with Maven: -Dexec.args=\"--acknowledge-gap <your name>\").");
            }
            default -> out.println("The poll ended " + last.outcome() + (last.failure() == null ? ""
                    : ": " + last.failure().getClass().getSimpleName() + ": " + last.failure().getMessage())
                    + "; what was decided stays decided, the next run goes on from there.");
        }
    }

    private static int exportAuditTrail(CheckpointStore store, String tenant, Path auditLog) {
        try (Writer writer = Files.newBufferedWriter(auditLog, StandardCharsets.UTF_8)) {
            store.exportAuditTrail(tenant, writer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + auditLog, e);
        }
        try (var lines = Files.lines(auditLog, StandardCharsets.UTF_8)) {
            return (int) lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + auditLog, e);
        }
    }

    /** The flags of this class's {@link #main}. */
    static String usage() {
        return """
                usage: NoticePollerSample [flags]
                  polls the endpoint the CRMCONNECT_* variables or these flags name
                  --work-dir DIR               where the checkpoint and audit log go (default samples/work)
                  --acknowledge-gap NAME       acknowledge the tenant's compliance gap as NAME, then poll
                  --base-url URL               or CRMCONNECT_BASE_URL (default LinkedIn's)
                  --token-url URL              or CRMCONNECT_TOKEN_URL (default LinkedIn's)
                  --client-id ID               or CRMCONNECT_CLIENT_ID
                  --client-secret SECRET       or CRMCONNECT_CLIENT_SECRET (prefer the variable)
                  --integration-context URN    or CRMCONNECT_INTEGRATION_CONTEXT
                  --help""";
    }
}
