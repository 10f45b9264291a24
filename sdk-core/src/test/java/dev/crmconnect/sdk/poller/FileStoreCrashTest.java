package dev.crmconnect.sdk.poller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmconnect.sdk.internal.poller.AuditJsonLines;
import dev.crmconnect.testsupport.ExitWithParent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM with SIGKILL at random points while it writes to a file store, ten times,
 * and checks after each kill that the store opens cleanly and holds every acknowledged decision.
 */
class FileStoreCrashTest {

    static final int ROUNDS = 10;

    @TempDir
    Path temporary;

    @Test
    void everyAcknowledgedDecisionSurvivesKillMinusNine() throws Exception {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        Path directory = temporary.resolve("store");
        List<String> acknowledged = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            int delayMillis = random.nextInt(250);
            List<String> acked = runAndKill(directory, round, delayMillis, seed);
            acknowledged.addAll(acked);
            String context = "seed " + seed + ", round " + round + ", killed " + delayMillis + " ms after READY, "
                    + acked.size() + " acknowledged";
            try (CheckpointStore store = CheckpointStore.file(directory)) {
                for (String noticeId : acknowledged) {
                    assertTrue(store.decision(FileStoreAppender.TENANT, noticeId).isPresent(),
                            noticeId + " is missing; " + context);
                }
                Optional<Watermark> watermark = store.watermark(FileStoreAppender.TENANT);
                watermark.ifPresent(w -> assertTrue(store.decision(FileStoreAppender.TENANT, w.noticeId()).isPresent(),
                        "the watermark points past the log; " + context));
                for (ParkedNotice parked : store.parked(FileStoreAppender.TENANT)) {
                    assertFalse(store.decision(FileStoreAppender.TENANT, parked.noticeId()).isPresent(), context);
                }
                List<AuditRecord> audit = store.auditTrail(FileStoreAppender.TENANT, Instant.EPOCH, AuditJsonLines.END_OF_TIME);
                assertTrue(audit.size() >= acknowledged.size(), context);
                System.out.println(context + ", " + audit.size() + " in the store");
            }
        }
        assertTrue(acknowledged.size() > ROUNDS, "the child acknowledged too little to test anything; seed " + seed);
        String log = Files.readString(directory.resolve("decisions.jsonl"), StandardCharsets.UTF_8);
        assertTrue(log.endsWith("\n"), "the log was left ending with a complete line");
    }

    /** Starts the child, kills it {@code delayMillis} after it is ready, returns what it acknowledged. */
    private List<String> runAndKill(Path directory, int round, int delayMillis, long seed) throws Exception {
        Path errors = temporary.resolve("child-" + round + ".err");
        Process child = new ProcessBuilder(javaExecutable(), "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                ExitWithParent.parentPidOption(), "-cp", System.getProperty("java.class.path"),
                FileStoreAppender.class.getName(),
                directory.toString(), Integer.toString(round))
                .redirectError(errors.toFile())
                .start();
        List<String> acked = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch ready = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.equals("READY")) {
                        ready.countDown();
                    } else if (line.startsWith("ACK ")) {
                        acked.add(line.substring(4));
                    }
                }
            } catch (IOException e) {
                // The child died; what was read is what was acknowledged.
            }
        }, "crash-test-child-reader");
        reader.start();
        try {
            if (!ready.await(60, TimeUnit.SECONDS)) {
                throw new AssertionError("the child did not get ready; seed " + seed + ", round " + round + ": "
                        + Files.readString(errors));
            }
            Thread.sleep(delayMillis);
            assertTrue(child.isAlive(), "the child stopped by itself: " + Files.readString(errors));
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
            reader.join(30_000);
        }
        assertEquals(137, child.exitValue(), "killed by SIGKILL: " + Files.readString(errors));
        return new ArrayList<>(acked);
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
