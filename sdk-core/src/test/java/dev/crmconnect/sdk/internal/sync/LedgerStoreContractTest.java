package dev.crmconnect.sdk.internal.sync;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every ledger store does, run against each store. */
abstract class LedgerStoreContractTest {

    static final String A = "urn:li:organization:1";
    static final String B = "urn:li:organization:2";

    LedgerStore store;

    abstract LedgerStore open();

    @BeforeEach
    void create() {
        store = open();
    }

    @AfterEach
    void close() {
        store.close();
    }

    static Digest digest(int n) {
        return new Digest(n, -n);
    }

    static List<String> keys(int from, int to) {
        List<String> keys = new ArrayList<>();
        for (int i = from; i < to; i++) {
            keys.add("k" + i);
        }
        return keys;
    }

    static List<Digest> digests(int from, int to) {
        List<Digest> digests = new ArrayList<>();
        for (int i = from; i < to; i++) {
            digests.add(digest(i));
        }
        return digests;
    }

    @Test
    void recordsAreFoundByTenantScopeAndKeyOnly() {
        long run = store.startRun(A, "contacts");
        store.record(A, "contacts", keys(0, 300), digests(0, 300), run);
        Digest[] found = store.lookup(A, "contacts", List.of("k5", "k299", "absent"));
        assertEquals(digest(5), found[0]);
        assertEquals(digest(299), found[1]);
        assertNull(found[2]);
        assertNull(store.lookup(B, "contacts", List.of("k5"))[0], "another tenant's entry");
        assertNull(store.lookup(A, "notes", List.of("k5"))[0], "another scope's entry");
        assertEquals(300, store.count(A, "contacts"));
        assertEquals(0, store.count(B, "contacts"));

        store.record(A, "contacts", List.of("k5"), List.of(digest(1000)), run);
        assertEquals(digest(1000), store.lookup(A, "contacts", List.of("k5"))[0]);
        store.forget(A, "contacts", List.of("k5", "k6", "never"));
        assertEquals(298, store.count(A, "contacts"));
        assertNull(store.lookup(A, "contacts", List.of("k5"))[0]);
    }

    @Test
    void entriesNotSeenInARunAreStale() {
        long first = store.startRun(A, "contacts");
        store.record(A, "contacts", keys(0, 250), digests(0, 250), first);
        long second = store.startRun(A, "contacts");
        assertTrue(second > first);
        store.record(A, "contacts", keys(0, 100), digests(0, 100), second);
        assertEquals(150, store.countStale(A, "contacts", second));
        Set<String> stale = new HashSet<>();
        List<String> page = store.staleKeys(A, "contacts", second, 100);
        assertEquals(100, page.size());
        stale.addAll(page);
        store.forget(A, "contacts", page);
        stale.addAll(store.staleKeys(A, "contacts", second, 100));
        assertEquals(new HashSet<>(keys(100, 250)), stale);
        assertTrue(store.startRun(A, "contacts") > second);
    }

    @Test
    void theSaltIsRandomPerLedgerAndStable() {
        byte[] salt = store.salt();
        assertEquals(32, salt.length);
        assertArrayEquals(salt, store.salt());
    }
}
