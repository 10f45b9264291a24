package dev.crmconnect.sdk.internal.sync;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmconnect.sdk.exception.SyncLedgerException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file ledger: reopened, torn, corrupted, compacted, measured. */
class FileLedgerStoreTest extends LedgerStoreContractTest {

    @TempDir
    Path directory;

    @Override
    LedgerStore open() {
        return IndexedLedgerStore.file(directory);
    }

    private Path log() {
        return directory.resolve(LedgerLog.LOG_FILE);
    }

    @Test
    void reopeningReplaysEveryChange() {
        byte[] salt = store.salt();
        long run = store.startRun(A, "contacts");
        store.record(A, "contacts", keys(0, 100), digests(0, 100), run);
        store.record(B, "poolMembers/p1", List.of("c1"), List.of(digest(7)), run);
        store.forget(A, "contacts", List.of("k1"));
        store.close();

        store = open();
        assertArrayEquals(salt, store.salt());
        assertEquals(99, store.count(A, "contacts"));
        assertNull(store.lookup(A, "contacts", List.of("k1"))[0]);
        assertEquals(digest(7), store.lookup(B, "poolMembers/p1", List.of("c1"))[0]);
        assertTrue(store.startRun(A, "contacts") > run);
    }

    @Test
    void theDirectoryIsLockedWhileOpen() {
        SyncLedgerException e = assertThrows(SyncLedgerException.class, this::open);
        assertTrue(e.getMessage().contains("is open in another process"), e.getMessage());
    }

    @Test
    void aTornLastRecordIsDroppedAndTheRestKept() throws IOException {
        long run = store.startRun(A, "contacts");
        store.record(A, "contacts", keys(0, 10), digests(0, 10), run);
        store.close();
        long size = Files.size(log());
        for (int cut = 1; cut < 30; cut++) {
            // A kill during the append of one more record leaves a prefix of it.
            try (RandomAccessFile file = new RandomAccessFile(log().toFile(), "rw")) {
                file.setLength(size);
                file.seek(size);
                file.write(new byte[] {2, 30, 0, 3, 'k', '9', '9'}, 0, Math.min(7, cut));
            }
            store = open();
            assertEquals(10, store.count(A, "contacts"));
            store.close();
            assertEquals(size, Files.size(log()), "the torn record was cut off");
        }
        store = open();
    }

    @Test
    void aLogLongerThanTheReadBufferReplaysWholeAndDropsItsTornTail() throws IOException {
        int n = 50_000;
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            keys.add("key-" + i + "-" + "x".repeat(i % 50)); // records of many lengths: some cross the buffer's edge
        }
        long run = store.startRun(A, "contacts");
        for (int from = 0; from < n; from += 500) {
            store.record(A, "contacts", keys.subList(from, from + 500), digests(from, from + 500), run);
        }
        store.close();
        long size = Files.size(log());
        assertTrue(size > 2 << 20, size + " bytes");
        try (RandomAccessFile file = new RandomAccessFile(log().toFile(), "rw")) {
            file.seek(size);
            file.write(new byte[] {2, 40, 0, 9});
        }
        store = open();
        assertEquals(n, store.count(A, "contacts"));
        Digest[] found = store.lookup(A, "contacts", keys);
        for (int i = 0; i < n; i++) {
            assertEquals(digest(i), found[i], keys.get(i));
        }
        store.close();
        assertEquals(size, Files.size(log()), "the torn record was cut off");
        store = open();
    }

    @Test
    void corruptionBeforeTheTailIsAnErrorNamingTheFile() throws IOException {
        long run = store.startRun(A, "contacts");
        store.record(A, "contacts", keys(0, 1000), digests(0, 1000), run);
        store.close();
        try (RandomAccessFile file = new RandomAccessFile(log().toFile(), "rw")) {
            file.seek(200);
            file.write(file.read() ^ 0x55);
        }
        SyncLedgerException e = assertThrows(SyncLedgerException.class, this::open);
        assertTrue(e.getMessage().contains(log().toString()) && e.getMessage().contains("corrupt"), e.getMessage());
        Files.write(log(), new byte[0], StandardOpenOption.TRUNCATE_EXISTING);
        store = open(); // an empty file is one whose header never became durable: a new ledger
    }

    @Test
    void rewritesAreCompactedAndAShortKeyTakesAbout34Bytes() throws IOException {
        int n = 20_000;
        long run = store.startRun(A, "contacts");
        for (int round = 0; round < 4; round++) {
            for (int from = 0; from < n; from += 100) {
                store.record(A, "contacts", keys(from, from + 100), digests(from + round, from + round + 100), run);
            }
        }
        store.close();
        long bytes = Files.size(log());
        assertTrue(bytes < 2L * 34 * n, "compacted: " + bytes + " bytes for " + n + " entries");
        store = open();
        assertEquals(n, store.count(A, "contacts"));
        assertEquals(digest(3 + 17), store.lookup(A, "contacts", List.of("k17"))[0]);

        LedgerStore fresh = IndexedLedgerStore.file(directory.resolve("fresh"));
        fresh.record(A, "contacts", List.of("c0000001"), List.of(digest(1)), 1);
        long header = 40;
        long scope = Files.size(directory.resolve("fresh").resolve(LedgerLog.LOG_FILE)) - header - 34;
        fresh.close();
        assertTrue(scope > 0 && scope < 40, "one scope declaration, then 34 bytes per entry: " + scope);
    }
}
