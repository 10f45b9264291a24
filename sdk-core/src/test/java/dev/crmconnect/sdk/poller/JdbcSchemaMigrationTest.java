package dev.crmconnect.sdk.poller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmconnect.model.DeletionNotice;
import dev.crmconnect.sdk.exception.CheckpointStoreException;
import dev.crmconnect.sdk.testing.PostgresServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JDBC store's versioned schema on a real PostgreSQL server: forward migration, and refusal of a newer one. */
class JdbcSchemaMigrationTest {

    static final String TENANT = "urn:li:organization:1001";
    static final Instant T0 = Instant.parse("2024-06-01T12:00:00Z");
    static DataSource database;
    static int prefixes;

    @BeforeAll
    static void startDatabase() {
        database = PostgresServer.shared().newDatabase();
    }

    /** The tables as the SDK made them before the schema had versions, with its data. */
    static void createUnversionedTables(String p, boolean firstRelease) throws Exception {
        execute("CREATE TABLE IF NOT EXISTS " + p + "leases (tenant VARCHAR(255) NOT NULL PRIMARY KEY, "
                + "owner_id VARCHAR(255), fencing_token BIGINT NOT NULL, expires_at TIMESTAMP WITH TIME ZONE NOT NULL)",
                "CREATE TABLE IF NOT EXISTS " + p + "tenants (tenant VARCHAR(255) NOT NULL PRIMARY KEY, "
                + "watermark_published_at TIMESTAMP WITH TIME ZONE, watermark_notice_id VARCHAR(255), "
                + "last_successful_poll TIMESTAMP WITH TIME ZONE, gap_raised_at TIMESTAMP WITH TIME ZONE, "
                + "gap_detail VARCHAR(2000), gap_acknowledged_at TIMESTAMP WITH TIME ZONE, "
                + "gap_acknowledged_by VARCHAR(255))",
                "CREATE TABLE IF NOT EXISTS " + p + "decisions (tenant VARCHAR(255) NOT NULL, "
                + "notice_id VARCHAR(255) NOT NULL, member VARCHAR(255) NOT NULL, decision VARCHAR(32) NOT NULL, "
                + "reason VARCHAR(32), detail VARCHAR(2000) NOT NULL, decided_at TIMESTAMP WITH TIME ZONE NOT NULL, "
                + "handler_id VARCHAR(255) NOT NULL, PRIMARY KEY (tenant, notice_id))",
                firstRelease
                        ? "CREATE INDEX IF NOT EXISTS " + p + "decisions_by_time ON " + p + "decisions (tenant, decided_at)"
                        : "CREATE INDEX IF NOT EXISTS " + p + "decisions_by_decided_at ON " + p
                                + "decisions (decided_at, tenant)",
                "CREATE TABLE IF NOT EXISTS " + p + "parked (tenant VARCHAR(255) NOT NULL, "
                + "notice_id VARCHAR(255) NOT NULL, notice_json TEXT NOT NULL, attempts INTEGER NOT NULL, "
                + "last_error VARCHAR(2000), last_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL, "
                + "PRIMARY KEY (tenant, notice_id))",
                "INSERT INTO " + p + "leases VALUES ('" + TENANT + "', 'old-instance', 7, '2024-06-01T12:00:00Z')",
                "INSERT INTO " + p + "tenants (tenant, watermark_published_at, watermark_notice_id,"
                + " last_successful_poll) VALUES ('" + TENANT + "', '2024-06-01T11:00:00Z', 'n1', '2024-06-01T12:00:00Z')",
                "INSERT INTO " + p + "decisions VALUES ('" + TENANT + "', 'n1', 'urn:li:person:abc', 'DELETE', NULL,"
                + " 'contact and notes', '2024-06-01T11:30:00Z', 'purge-1.0')",
                // The parked notice as JSON text, as every earlier version kept it.
                "INSERT INTO " + p + "parked VALUES ('" + TENANT + "', 'n2', '{\"noticeId\":\"n2\","
                + "\"member\":\"urn:li:person:def\",\"exportRequestIds\":[\"r1\"],\"publishedAt\":1717241400000}',"
                + " 3, 'timed out', '2024-06-01T11:40:00Z')");
    }

    @Test
    void tablesWithoutAVersionAreMigratedOnceAndKeepTheirData() throws Exception {
        String p = "legacy" + ++prefixes + "_";
        createUnversionedTables(p, false);
        try (CheckpointStore store = CheckpointStore.jdbc(database, p);
             CheckpointStore second = CheckpointStore.jdbc(database, p)) {
            assertData(store);
            assertData(second);
        }
        assertEquals(List.of("1 checkpoint store", "2 audit index by decision time", "3 sync ledger"), versions(p),
                "each step recorded once, though two stores opened the tables");
        assertEquals(List.of(p + "decisions_by_decided_at", p + "decisions_pkey"), indexes(p + "decisions"));
    }

    @Test
    void tablesOfTheFirstReleaseLoseTheirTimeIndexLedByTheTenant() throws Exception {
        String p = "first" + ++prefixes + "_";
        createUnversionedTables(p, true);
        try (CheckpointStore store = CheckpointStore.jdbc(database, p)) {
            assertData(store);
        }
        assertEquals(List.of(p + "decisions_by_decided_at", p + "decisions_pkey"), indexes(p + "decisions"));
        assertEquals(3, versions(p).size());
    }

    @Test
    void instancesStartingTogetherApplyEachStepOnce() throws Exception {
        String p = "race" + ++prefixes + "_";
        ExecutorService threads = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<CheckpointStore>> opened = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                opened.add(threads.submit(() -> {
                    start.await();
                    return CheckpointStore.jdbc(database, p);
                }));
            }
            start.countDown();
            for (Future<CheckpointStore> store : opened) {
                store.get(60, TimeUnit.SECONDS).close();
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(List.of("1 checkpoint store", "2 audit index by decision time", "3 sync ledger"), versions(p));
    }

    @Test
    void tablesOfANewerVersionAreRefused() throws Exception {
        String p = "newer" + ++prefixes + "_";
        CheckpointStore.jdbc(database, p).close();
        execute("INSERT INTO " + p + "schema_version VALUES (4, 'from a later SDK', CURRENT_TIMESTAMP)");
        CheckpointStoreException e = assertThrows(CheckpointStoreException.class, () -> CheckpointStore.jdbc(database, p));
        assertEquals("the tables " + p + "* are at schema version 4, newer than the version 3 this SDK"
                + " knows: upgrade the SDK, or give it tables of its own with another table prefix", e.getMessage());
        assertEquals(4, versions(p).size(), "nothing was changed");
    }

    private static void assertData(CheckpointStore store) {
        assertEquals(Optional.of(new Watermark(Instant.parse("2024-06-01T11:00:00Z"), "n1")), store.watermark(TENANT));
        assertEquals(Optional.of(T0), store.lastSuccessfulPoll(TENANT));
        AuditRecord decided = store.decision(TENANT, "n1").orElseThrow();
        assertEquals("purge-1.0", decided.handlerId());
        assertEquals(Decision.delete("contact and notes"), decided.decision());
        DeletionNotice parked = DeletionNotice.builder().noticeId("n2").member("urn:li:person:def")
                .exportRequestIds("r1").publishedAt(Instant.parse("2024-06-01T11:30:00Z")).build();
        assertEquals(List.of(new ParkedNotice(parked, 3, "timed out", Instant.parse("2024-06-01T11:40:00Z"))),
                store.parked(TENANT));
        Lease taken = store.tryAcquireLease(TENANT, "new-instance", Duration.ofMinutes(1)).orElseThrow();
        assertTrue(taken.fencingToken() > 7, "the expired lease's token is kept and passed");
        store.releaseLease(taken);
    }

    private static List<String> versions(String p) throws Exception {
        List<String> found = new ArrayList<>();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT version, description, applied_at FROM " + p
                     + "schema_version ORDER BY version")) {
            while (rows.next()) {
                assertTrue(rows.getObject(3) != null, "applied_at is recorded");
                found.add(rows.getInt(1) + " " + rows.getString(2));
            }
        }
        return found;
    }

    private static List<String> indexes(String table) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT indexname FROM pg_indexes WHERE tablename = '" + table
                     + "' ORDER BY indexname")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private static void execute(String... statements) throws Exception {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
