package dev.crmconnect.sdk.poller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmconnect.sdk.exception.StaleLeaseException;
import dev.crmconnect.sdk.internal.poller.AuditJsonLines;
import dev.crmconnect.sdk.testing.PostgresServer;
import dev.crmconnect.testsupport.MutableClock;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/** The contract on a real PostgreSQL server, plus what only a shared database must do. */
class JdbcCheckpointStoreTest extends CheckpointStoreContractTest {

    static DataSource database;
    static int prefixes;
    String prefix;

    @BeforeAll
    static void startDatabase() {
        database = PostgresServer.shared().newDatabase();
    }

    @Override
    CheckpointStore open() {
        prefix = "t" + ++prefixes + "_"; // every test its own tables
        return CheckpointStore.jdbc(database, prefix);
    }

    @Override
    CheckpointStore reopen(CheckpointStore store) {
        store.close();
        return CheckpointStore.jdbc(database, prefix);
    }

    /** Another poller instance on the same database. */
    CheckpointStore anotherInstance() {
        return CheckpointStore.jdbc(database, prefix);
    }

    @Test
    void creatingTheSchemaAgainKeepsWhatIsThere() {
        Lease lease = lease(TENANT, "a");
        store.recordDecision(lease, deleted("n1", T0));
        try (CheckpointStore again = anotherInstance(); CheckpointStore third = anotherInstance()) {
            assertTrue(again.decision(TENANT, "n1").isPresent());
            assertTrue(third.tryAcquireLease(TENANT, "b", LONG_TTL).isEmpty(), "the lease is shared");
        }
    }

    @Test
    void aBadTablePrefixIsRefused() {
        assertMessage("tablePrefix: must be 1 to 40 lower-case letters, digits or underscores, starting with a letter",
                () -> CheckpointStore.jdbc(database, "x; DROP TABLE y"));
    }

    @Test
    void twoOwnersRacingForFiftyTenantsLeaveEachTenantWithExactlyOneHolder() throws Exception {
        long seed = new Random().nextLong();
        List<String> tenants = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            tenants.add("urn:li:organization:" + (5000 + i));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<CheckpointStore> instances = List.of(anotherInstance(), anotherInstance());
        try {
            List<Future<List<Lease>>> results = new ArrayList<>();
            for (int owner = 0; owner < 2; owner++) {
                CheckpointStore instance = instances.get(owner);
                String ownerId = "instance-" + owner;
                List<String> order = new ArrayList<>(tenants);
                Collections.shuffle(order, new Random(seed + owner));
                Callable<List<Lease>> racer = () -> {
                    start.await();
                    List<Lease> won = new ArrayList<>();
                    for (String tenant : order) {
                        instance.tryAcquireLease(tenant, ownerId, LONG_TTL).ifPresent(won::add);
                    }
                    return won;
                };
                results.add(threads.submit(racer));
            }
            start.countDown();
            Map<String, Lease> holders = new HashMap<>();
            for (Future<List<Lease>> result : results) {
                for (Lease lease : result.get(60, TimeUnit.SECONDS)) {
                    Lease earlier = holders.put(lease.tenant(), lease);
                    assertEquals(null, earlier, "two holders of " + lease.tenant() + ", seed " + seed);
                    assertEquals(1, lease.fencingToken(), "seed " + seed);
                }
            }
            assertEquals(new HashSet<>(tenants), holders.keySet(), "seed " + seed);
            for (Lease lease : holders.values()) {
                assertTrue(store.renewLease(lease, LONG_TTL).isPresent(), "each winner holds its lease, seed " + seed);
            }
        } finally {
            threads.shutdownNow();
            instances.forEach(CheckpointStore::close);
        }
    }

    @Test
    void twoThreadsDecidingTheSameNoticesRecordEachOnce() throws Exception {
        long seed = new Random().nextLong();
        int notices = 200;
        Lease lease = lease(TENANT, "a");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<CheckpointStore> instances = List.of(anotherInstance(), anotherInstance());
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int thread = 0; thread < 2; thread++) {
                CheckpointStore instance = instances.get(thread);
                List<Integer> order = new ArrayList<>();
                for (int i = 0; i < notices; i++) {
                    order.add(i);
                }
                Collections.shuffle(order, new Random(seed + thread));
                results.add(threads.submit(() -> {
                    start.await();
                    int recorded = 0;
                    for (int i : order) {
                        if (instance.recordDecision(lease, deleted("n" + i, T0.plusMillis(i)))) {
                            recorded++;
                        }
                    }
                    return recorded;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> result : results) {
                total += result.get(60, TimeUnit.SECONDS);
            }
            assertEquals(notices, total, "seed " + seed);
        } finally {
            threads.shutdownNow();
            instances.forEach(CheckpointStore::close);
        }
        assertEquals(notices, countRows("decisions"));
        assertEquals(notices, store.auditTrail(TENANT, Instant.EPOCH, AuditJsonLines.END_OF_TIME).size());
    }

    @Test
    void aStaleInstanceCannotOverwriteTheNewHoldersCheckpoint() throws Exception {
        try (CheckpointStore stale = anotherInstance(); CheckpointStore fresh = anotherInstance()) {
            Lease old = stale.tryAcquireLease(TENANT, "old", Duration.ofMillis(200)).orElseThrow();
            stale.advanceWatermark(old, new Watermark(T0, "n1"));
            Lease taken = awaitLease(TENANT, "new");
            fresh.recordDecision(taken, deleted("n5", T0));
            fresh.advanceWatermark(taken, new Watermark(T0.plusSeconds(5), "n5"));

            assertThrows(StaleLeaseException.class,
                    () -> stale.advanceWatermark(old, new Watermark(T0.plusSeconds(60), "n9")));
            assertThrows(StaleLeaseException.class,
                    () -> stale.recordDecision(old, deleted("n5", T0.plusSeconds(1))));
            assertEquals(Optional.of(new Watermark(T0.plusSeconds(5), "n5")), store.watermark(TENANT));
            assertEquals(T0, store.decision(TENANT, "n5").orElseThrow().decidedAt());
        }
    }

    @Test
    void leaseExpiryFollowsTheDatabaseClock() throws Exception {
        Instant before = databaseNow();
        Lease lease = store.tryAcquireLease(TENANT, "a", Duration.ofSeconds(30)).orElseThrow();
        Instant after = databaseNow();
        assertTrue(!lease.expiresAt().isBefore(before.plusSeconds(30)) && !lease.expiresAt().isAfter(after.plusSeconds(30)),
                lease + " between " + before + " and " + after);
    }

    @Test
    void decisionsAreUniquePerTenantAndNoticeInTheSchema() throws Exception {
        store.recordDecision(lease(TENANT, "a"), deleted("n1", T0));
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            java.sql.SQLException e = assertThrows(java.sql.SQLException.class, () -> statement.executeUpdate(
                    "INSERT INTO " + prefix + "decisions (tenant, notice_id, member, decision, detail, decided_at,"
                            + " handler_id) VALUES ('" + TENANT + "', 'n1', 'm', 'DELETE', 'x', CURRENT_TIMESTAMP, 'h')"));
            assertEquals("23505", e.getSQLState());
        }
    }

    @Test
    void twoInstancesRecordingOverlappingBatchesRecordEachNoticeOnce() throws Exception {
        long seed = new Random().nextLong();
        int notices = 300;
        Lease lease = lease(TENANT, "a");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<CheckpointStore> instances = List.of(anotherInstance(), anotherInstance());
        List<String> recorded = new ArrayList<>();
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int thread = 0; thread < 2; thread++) {
                CheckpointStore instance = instances.get(thread);
                List<AuditRecord> order = new ArrayList<>();
                for (int i = 0; i < notices; i++) {
                    order.add(deleted("n" + i, T0.plusMillis(i)));
                }
                Collections.shuffle(order, new Random(seed + thread));
                results.add(threads.submit(() -> {
                    start.await();
                    List<String> mine = new ArrayList<>();
                    for (int from = 0; from < notices; from += 25) {
                        mine.addAll(instance.recordDecisions(lease, order.subList(from, from + 25)));
                    }
                    return mine;
                }));
            }
            start.countDown();
            for (Future<List<String>> result : results) {
                recorded.addAll(result.get(60, TimeUnit.SECONDS));
            }
        } finally {
            threads.shutdownNow();
            instances.forEach(CheckpointStore::close);
        }
        assertEquals(notices, recorded.size(), "each notice recorded by exactly one batch, seed " + seed);
        assertEquals(notices, new HashSet<>(recorded).size(), "seed " + seed);
        assertEquals(notices, countRows("decisions"));
    }

    @Test
    void aPollRereadingPagesPartlyDecidedBeforeHandsOverOnlyTheRestAndRecordsEachOnce() throws Exception {
        MutableClock clock = new MutableClock(T0);
        FakeNoticeFeed feed = new FakeNoticeFeed(TENANT, clock);
        List<String> noticeIds = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            noticeIds.add(feed.publish(T0.plusMillis(10L * i), Duration.ZERO).noticeId());
        }
        clock.advance(Duration.ofMinutes(1));
        // A poll that recorded these and stopped before moving the watermark, as after a crash.
        Lease crashed = lease(TENANT, "crashed");
        Map<String, AuditRecord> earlier = new HashMap<>();
        for (int i = 3; i < noticeIds.size(); i += 7) {
            earlier.put(noticeIds.get(i), deleted(noticeIds.get(i), T0));
        }
        store.recordDecisions(crashed, new ArrayList<>(earlier.values()));
        store.releaseLease(crashed);

        CountingHandler handler = new CountingHandler();
        PollSummary summary;
        try (DeletionNoticePoller poller = PollerRestartAndLeaseTest.poller(store, handler, clock, List.of(feed))
                .pageSize(100).build()) {
            summary = poller.pollOnce().get(0);
        }
        assertEquals(PollSummary.Outcome.COMPLETED, summary.outcome(), String.valueOf(summary.failure()));
        assertEquals(250 - earlier.size(), summary.decided());
        assertEquals(earlier.size(), summary.alreadyDecided());
        for (String noticeId : noticeIds) {
            assertEquals(earlier.containsKey(noticeId) ? 0 : 1, handler.calls(noticeId), noticeId);
        }
        assertEquals(250, countRows("decisions"));
        assertEquals(250, store.decisions(TENANT, noticeIds).size());
        assertEquals(earlier, store.decisions(TENANT, earlier.keySet()), "earlier decisions are kept as they were");
    }

    /**
     * The driver keeps a server-side prepared statement's plan on the connection, and PostgreSQL
     * may keep a generic plan made while the table was empty. Here every plan is generic and made
     * at the statement's first use, on an empty table; 2,000 decisions later, a page's lookup
     * must still read about one index entry per notice, not the tenant's whole history.
     */
    @Test
    void aPageIsLookedUpByThePrimaryKeyWhateverTheTableHeldWhenItWasPlanned() throws Exception {
        try (Connection connection = database.getConnection()) {
            connection.unwrap(PGConnection.class).setPrepareThreshold(1);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET plan_cache_mode = force_generic_plan");
            }
            try (CheckpointStore pinned = CheckpointStore.jdbc(onConnection(connection), prefix)) {
                Lease lease = pinned.tryAcquireLease(TENANT, "a", LONG_TTL).orElseThrow();
                assertEquals(Map.of(), pinned.decisions(TENANT, List.of("n0", "n1")));
                for (int page = 0; page < 20; page++) {
                    List<AuditRecord> records = new ArrayList<>();
                    for (int i = 0; i < 100; i++) {
                        records.add(deleted("n" + (page * 100 + i), T0.plusSeconds(page)));
                    }
                    assertEquals(100, pinned.recordDecisions(lease, records).size());
                }
                List<String> page = new ArrayList<>();
                for (int i = 1950; i < 2050; i++) {
                    page.add("n" + i);
                }
                long before = entriesRead(connection);
                assertEquals(50, pinned.decisions(TENANT, page).size());
                long read = entriesRead(connection) - before;
                assertTrue(read <= 100, read + " rows and index entries read to look up a page of 100 notices");
            }
        }
    }

    /** The decisions table's rows and index entries read so far, this connection's reads included. */
    private long entriesRead(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_stat_force_next_flush()");
        }
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT t.seq_tup_read + (SELECT sum(i.idx_tup_read)"
                     + " FROM pg_stat_user_indexes i WHERE i.relid = t.relid) FROM pg_stat_user_tables t"
                     + " WHERE t.relname = '" + prefix + "decisions'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** A data source whose every connection is {@code connection}, left open. */
    private static DataSource onConnection(Connection connection) {
        Connection kept = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, arguments) ->
                        method.getName().equals("close") ? null : invoke(method, connection, arguments));
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, arguments) ->
                        method.getName().equals("getConnection") ? kept : invoke(method, database, arguments));
    }

    private static Object invoke(Method method, Object target, Object[] arguments) throws Throwable {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private Instant databaseNow() throws Exception {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT CURRENT_TIMESTAMP")) {
            rows.next();
            return rows.getObject(1, java.time.OffsetDateTime.class).toInstant();
        }
    }

    private int countRows(String table) throws Exception {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + prefix + table)) {
            rows.next();
            return rows.getInt(1);
        }
    }

}
