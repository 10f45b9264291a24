package dev.crmconnect.sdk.poller;

import dev.crmconnect.testsupport.ExitWithParent;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Run in a child JVM by {@link FileStoreCrashTest}: records decisions into a file store as fast
 * as it can and prints {@code ACK <noticeId>} once each is acknowledged, until it is killed.
 * Every few decisions it also parks a notice, advances the watermark and records a poll, so the
 * kill may land in any of the store's writes.
 *
 * <p>Arguments: the store's directory and the round number (which makes notice ids unique).
 */
final class FileStoreAppender {

    static final String TENANT = "urn:li:organization:1001";
    static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    static final int PER_ROUND = 1_000_000;

    private FileStoreAppender() {
    }

    /** Notice i of round r is published at T0 + r * PER_ROUND + i milliseconds. */
    static Instant publishedAt(int round, int i) {
        return T0.plusMillis((long) round * PER_ROUND + i);
    }

    static String noticeId(int round, int i) {
        return String.format("r%02d-%07d", round, i);
    }

    public static void main(String[] args) {
        ExitWithParent.watchParent();
        Path directory = Path.of(args[0]);
        int round = Integer.parseInt(args[1]);
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false);
        CheckpointStore store = CheckpointStore.file(directory);
        Lease lease = store.tryAcquireLease(TENANT, "child-" + round, Duration.ofHours(1)).orElseThrow();
        out.println("READY");
        out.flush();
        for (int i = 0; i < PER_ROUND; ) {
            if (i % 20 == 7) {
                List<AuditRecord> batch = new ArrayList<>();
                for (int j = i; j < i + 5; j++) {
                    batch.add(record(round, j));
                }
                store.recordDecisions(lease, batch);
                batch.forEach(record -> out.println("ACK " + record.noticeId()));
                i += 5;
            } else {
                store.recordDecision(lease, record(round, i));
                out.println("ACK " + noticeId(round, i));
                i++;
            }
            out.flush();
            if (i % 25 == 0) {
                store.park(lease, new ParkedNotice(CheckpointTypesTest.notice("p" + noticeId(round, i)), 3, "failed",
                        publishedAt(round, i)));
                store.advanceWatermark(lease, new Watermark(publishedAt(round, i - 1), noticeId(round, i - 1)));
                store.recordSuccessfulPoll(lease, publishedAt(round, i));
            }
        }
        store.close();
    }

    static AuditRecord record(int round, int i) {
        Decision decision = i % 3 == 0 ? Decision.delete("contact and notes")
                : i % 3 == 1 ? Decision.retain(RetentionReason.LEGAL_OBLIGATION, "open invoice") : Decision.flagForReview("unsure");
        return new AuditRecord(TENANT, noticeId(round, i), "urn:li:person:" + i, decision, publishedAt(round, i),
                "crash-test");
    }
}
