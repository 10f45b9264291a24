package dev.crmconnect.sdk.poller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmconnect.sdk.exception.CheckpointStoreException;
import dev.crmconnect.sdk.internal.poller.AuditJsonLines;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileCheckpointStoreTest extends CheckpointStoreContractTest {

    @TempDir
    Path temporary;
    Path directory;
    int opened;

    @Override
    CheckpointStore open() {
        directory = temporary.resolve("store-" + ++opened);
        return CheckpointStore.file(directory);
    }

    @Override
    CheckpointStore reopen(CheckpointStore store) {
        store.close();
        return CheckpointStore.file(directory);
    }

    Path logFile() {
        return directory.resolve("decisions.jsonl");
    }

    Path stateFile() {
        return directory.resolve("state.json");
    }

    /** Decisions n0..n(count-1) and a watermark at the last; then the store is closed. */
    void recordAndClose(int count) {
        Lease lease = lease(TENANT, "a");
        for (int i = 0; i < count; i++) {
            store.recordDecision(lease, deleted("n" + i, T0.plusSeconds(i)));
        }
        store.advanceWatermark(lease, new Watermark(T0, "n" + (count - 1)));
        store.close();
    }

    CheckpointStoreException openFails() {
        return assertThrows(CheckpointStoreException.class, () -> store = CheckpointStore.file(directory));
    }

    @Test
    void aCorruptDecisionLineIsAnErrorNamingTheFileAndLineNotAReset() throws IOException {
        recordAndClose(4);
        List<String> lines = new ArrayList<>(Files.readAllLines(logFile()));
        lines.set(2, lines.get(2).substring(0, 30) + "#" + lines.get(2).substring(31)); // line 3: the 2nd decision
        Files.write(logFile(), lines);

        CheckpointStoreException e = openFails();
        assertTrue(e.getMessage().contains(logFile().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("line 3 does not match its checksum"), e.getMessage());
        assertFalse(e.getMessage().contains("urn:li:person"), "no content is echoed: " + e.getMessage());
        store = CheckpointStore.inMemory(); // for closeStore
    }

    @Test
    void aDecisionLineThatIsNotJsonIsAnErrorNamingTheLine() throws IOException {
        recordAndClose(2);
        Files.writeString(logFile(), checksummed("{\"tenant\":\"urn:li:person:secret\" oops}"), StandardOpenOption.APPEND);
        CheckpointStoreException e = openFails();
        assertTrue(e.getMessage().contains("line 4 is not a valid decision record"), e.getMessage());
        assertFalse(e.getMessage().contains("secret"), "no content is echoed: " + e.getMessage());
        store = CheckpointStore.inMemory();
    }

    /** A decision log line as the store writes it: CRC-32C of the JSON in hex, a space, the JSON. */
    static String checksummed(String json) {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(json.getBytes(StandardCharsets.UTF_8));
        return String.format("%08x %s%n", crc.getValue(), json);
    }

    @Test
    void aDecisionLineMissingAFieldIsAnErrorNamingTheField() throws IOException {
        recordAndClose(2);
        Files.writeString(logFile(), checksummed("{\"tenant\":\"t\",\"noticeId\":\"n9\",\"decision\":\"DELETE\","
                + "\"detail\":\"x\",\"decidedAt\":\"2024-05-01T10:00:00Z\",\"handlerId\":\"h\"}"), StandardOpenOption.APPEND);
        CheckpointStoreException e = openFails();
        assertTrue(e.getMessage().contains("line 4 ") && e.getMessage().contains("member: is required"), e.getMessage());
        store = CheckpointStore.inMemory();
    }

    @Test
    void aCorruptStateFileIsAnErrorNamingTheFileNotAReset() throws IOException {
        recordAndClose(2);
        String state = Files.readString(stateFile());
        Files.writeString(stateFile(), state.substring(0, state.length() / 2));
        CheckpointStoreException e = openFails();
        assertTrue(e.getMessage().contains(stateFile().toString()) && e.getMessage().contains("line "),
                e.getMessage());

        Files.writeString(stateFile(), "");
        assertTrue(openFails().getMessage().contains("is empty"));
        store = CheckpointStore.inMemory();
    }

    @Test
    void aMissingStateFileOrLogIsAnErrorNotAFreshStart() throws IOException {
        recordAndClose(2);
        Path saved = temporary.resolve("saved-state.json");
        Files.move(stateFile(), saved);
        assertTrue(openFails().getMessage().contains("lacks state.json"));

        Files.move(saved, stateFile());
        Files.delete(logFile());
        assertTrue(openFails().getMessage().contains("decision log is missing"));
        store = CheckpointStore.inMemory();
    }

    @Test
    void aCorruptStateJournalLineIsAnErrorNamingTheFileAndLineAndATornOneIsCutOff() throws IOException {
        recordAndClose(2);
        Path journal = directory.resolve("state.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(journal));
        assertEquals(2, lines.size(), "the header and the watermark's line: " + lines);
        Files.writeString(journal, lines.get(0) + "\n" + lines.get(1) + "\n" + "{\"tenant\":\"t\"", StandardCharsets.UTF_8);
        store = CheckpointStore.file(directory);
        assertEquals(Optional.of(new Watermark(T0, "n1")), store.watermark(TENANT), "the torn line was cut off");
        store.close();

        lines.set(1, lines.get(1).replace("n1", "n7"));
        Files.write(journal, lines);
        CheckpointStoreException e = openFails();
        assertTrue(e.getMessage().contains(journal.toString()) && e.getMessage().contains("line 2 does not match"
                + " its checksum"), e.getMessage());
        store = CheckpointStore.inMemory();
    }

    @Test
    void aLogFromANewerVersionIsRefused() throws IOException {
        recordAndClose(1);
        List<String> lines = new ArrayList<>(Files.readAllLines(logFile()));
        lines.set(0, lines.get(0).replace("\"version\":1", "\"version\":2"));
        Files.write(logFile(), lines);
        CheckpointStoreException e = openFails();
        assertTrue(e.getMessage().contains("line 1 declares version 2"), e.getMessage());
        store = CheckpointStore.inMemory();
    }

    /**
     * The documented rule: bytes after the last newline are a line whose write never finished, so
     * it was never acknowledged; opening cuts it off and keeps everything before it.
     */
    @Test
    void aTornLastLineIsCutOffAndEveryCompleteLineKept() throws IOException {
        recordAndClose(3);
        byte[] line = AuditJsonLines.toLine(deleted("n3", T0));
        Files.write(logFile(), java.util.Arrays.copyOf(line, line.length / 2), StandardOpenOption.APPEND);
        long tornSize = Files.size(logFile());

        store = CheckpointStore.file(directory);
        assertEquals(3, store.auditTrail(TENANT, Instant.EPOCH, AuditJsonLines.END_OF_TIME).size());
        assertEquals(Optional.empty(), store.decision(TENANT, "n3"));
        assertTrue(Files.size(logFile()) < tornSize);

        Lease lease = lease(TENANT, "a");
        assertTrue(store.recordDecision(lease, deleted("n3", T0)), "the torn decision was never recorded");
        store = reopen(store);
        assertEquals(4, store.auditTrail(TENANT, Instant.EPOCH, AuditJsonLines.END_OF_TIME).size());
        assertEquals(Optional.of(new Watermark(T0, "n2")), store.watermark(TENANT));
    }

    @Test
    void aTornHeaderOfANewLogIsStartedAgain() throws IOException {
        Files.createDirectories(temporary.resolve("torn"));
        directory = temporary.resolve("torn");
        Files.writeString(logFile(), "{\"format\":\"crmconnect-check");
        store.close();
        store = CheckpointStore.file(directory);
        assertTrue(store.recordDecision(lease(TENANT, "a"), deleted("n1", T0)));
        store = reopen(store);
        assertTrue(store.decision(TENANT, "n1").isPresent());
    }

    @Test
    void aStateWriteInterruptedBeforeItsMoveIsIgnored() throws IOException {
        recordAndClose(2);
        Files.writeString(directory.resolve("state.json.tmp"), "{\"format\":\"crmconnect-checkpoint-st");
        store = CheckpointStore.file(directory);
        assertEquals(Optional.of(new Watermark(T0, "n1")), store.watermark(TENANT));
        assertFalse(Files.exists(directory.resolve("state.json.tmp")));
    }

    @Test
    void aParkedNoticeDecidedJustBeforeACrashIsDroppedOnOpen() throws IOException {
        Lease lease = lease(TENANT, "a");
        store.park(lease, parkedNotice("n1", 3));
        String stateWithParked = Files.readString(stateFile());
        store.recordDecision(lease, deleted("n1", T0));
        store.close();
        Files.writeString(stateFile(), stateWithParked); // as if the crash came before the next state write

        store = CheckpointStore.file(directory);
        assertEquals(List.of(), store.parked(TENANT));
        assertTrue(store.decision(TENANT, "n1").isPresent());
    }

    @Test
    void aDirectoryIsOpenedByOneStoreAtATime() {
        CheckpointStoreException e = assertThrows(CheckpointStoreException.class, () -> CheckpointStore.file(directory));
        assertTrue(e.getMessage().contains("already open"), e.getMessage());
        store.close();
        store = CheckpointStore.file(directory);
        assertEquals(Optional.empty(), store.watermark(TENANT));
    }

    @Test
    void concurrentWritersFromTwoThreadsRecordEachNoticeOnce() throws Exception {
        long seed = new Random().nextLong();
        int notices = 400;
        Lease lease = lease(TENANT, "a");
        Lease otherLease = lease(OTHER_TENANT, "a");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int thread = 0; thread < 2; thread++) {
                Random random = new Random(seed + thread);
                List<Integer> order = new ArrayList<>();
                for (int i = 0; i < notices; i++) {
                    order.add(i);
                }
                Collections.shuffle(order, random);
                Callable<Integer> writer = () -> {
                    start.await();
                    int recorded = 0;
                    for (int i : order) {
                        if (store.recordDecision(lease, deleted("n" + i, T0.plusMillis(i)))) {
                            recorded++;
                        }
                        if (i % 10 == 0) {
                            store.recordDecision(otherLease, record(OTHER_TENANT, "m" + i, Decision.delete("x"), T0));
                            store.advanceWatermark(lease, new Watermark(T0.plusMillis(i), "n" + i));
                        }
                    }
                    return recorded;
                };
                results.add(threads.submit(writer));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> result : results) {
                total += result.get(60, TimeUnit.SECONDS);
            }
            assertEquals(notices, total, "seed " + seed);
        } finally {
            threads.shutdownNow();
        }
        store = reopen(store);
        assertEquals(notices, store.auditTrail(TENANT, Instant.EPOCH, AuditJsonLines.END_OF_TIME).size(), "seed " + seed);
        assertEquals(notices / 10, store.auditTrail(OTHER_TENANT, Instant.EPOCH, AuditJsonLines.END_OF_TIME).size());
        assertEquals(Optional.of(new Watermark(T0.plusMillis(390), "n390")), store.watermark(TENANT), "seed " + seed);
        assertEquals(1 + notices + notices / 10, Files.readAllLines(logFile(), StandardCharsets.UTF_8).size(),
                "header and one line per decision");
    }
}
