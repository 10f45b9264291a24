package dev.crmconnect.testkit.poller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crmconnect.sdk.poller.AuditRecord;
import dev.crmconnect.sdk.poller.CheckpointStore;
import dev.crmconnect.sdk.testing.PostgresServer;
import dev.crmconnect.testkit.FakeCrmConnect;
import dev.crmconnect.testkit.FakeTenant;
import dev.crmconnect.testkit.Faults;
import dev.crmconnect.testkit.JournalEntry;
import dev.crmconnect.testkit.Quotas;
import dev.crmconnect.testsupport.ExitWithParent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The poller's promise under crashes: a poller in a child JVM, reading the fake's feed through a
 * client as a standalone application does, is killed with SIGKILL at random points, 20 times,
 * over 10,000 notices published with a publication lag while the fake fails 10% of the calls.
 * A last run then polls to the end. Every notice must then have exactly one audit record; the
 * handler may have seen a notice more than once (at-least-once), but only the ones in flight
 * when a kill came.
 *
 * <p>Each round publishes its notices 11 minutes (on the fake's clock) after the previous round,
 * more than the poller's 10-minute overlap, as a feed spread over hours would be: a restart then
 * re-reads the last round, not the whole feed.
 */
class PollerCrashTest {

    static final String TENANT = "urn:li:organization:1001";
    static final String CLIENT_ID = "crash-client";
    static final String CLIENT_SECRET = "crash-secret";
    static final int NOTICES = 10_000;
    static final int KILLS = 20;
    static final int PER_ROUND = NOTICES / KILLS;
    static final Duration PUBLICATION_LAG = Duration.ofMillis(600);
    static final Duration ROUND_SPACING = Duration.ofMinutes(11);
    static final Instant END_OF_TIME = Instant.parse("9999-12-31T23:59:59Z");

    @TempDir
    Path temporary;

    @Test
    void everyNoticeHasExactlyOneAuditRecordAfterTwentyKillsWithTheFileStore() throws Exception {
        Path directory = temporary.resolve("store");
        crashTest("file", directory.toString(), () -> CheckpointStore.file(directory));
        assertEachNoticeOnceIn(rawLogNoticeIds(directory.resolve("decisions.jsonl")), "the file store's log");
    }

    @Test
    void everyNoticeHasExactlyOneAuditRecordAfterTwentyKillsWithPostgres() throws Exception {
        PGSimpleDataSource database = (PGSimpleDataSource) PostgresServer.shared().newDatabase();
        String url = database.getUrl() + (database.getUrl().contains("?") ? "&" : "?") + "user=" + database.getUser();
        crashTest("jdbc", url, () -> CheckpointStore.jdbc(database));
        assertEachNoticeOnceIn(tableNoticeIds(database), "the decisions table");
    }

    private Set<String> published;
    private String context;

    private void crashTest(String storeKind, String storeLocation, Supplier<CheckpointStore> openStore)
            throws Exception {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        context = storeKind + " store, seed " + seed;
        published = new LinkedHashSet<>();
        Path handled = temporary.resolve("handled.txt");
        try (FakeCrmConnect fake = FakeCrmConnect.builder()
                .tenant(new FakeTenant(CLIENT_ID, CLIENT_SECRET, TENANT))
                .seed(seed)
                .publicationLag(PUBLICATION_LAG)
                .quotas(Quotas.unlimited())
                .start()) {
            // Behind the system clock the whole test, so the poller's clock never sees the feed's future.
            fake.clock().set(Instant.now().minus(ROUND_SPACING.multipliedBy(KILLS + 10)));
            fake.faults(Faults.builder().seed(seed).errorRate(0.08, 500, 502, 503).resetRate(0.02).build());
            List<String> kills = new ArrayList<>();
            for (int round = 0; round < KILLS; round++) {
                fake.clock().advance(ROUND_SPACING);
                published.addAll(FakeNotices.publish(fake, TENANT, "r" + round + "-", PER_ROUND));
                int killAfterHandled = random.nextInt(PER_ROUND);
                int thenWaitMillis = random.nextInt(5);
                runAndKill(fake, storeKind, storeLocation, handled, seed + round, killAfterHandled, thenWaitMillis);
                kills.add(killAfterHandled + "+" + thenWaitMillis + "ms");
            }
            context += ", kills after handler calls " + kills;
            fake.clock().advance(PUBLICATION_LAG.plusSeconds(1)); // every notice visible
            drain(fake, storeKind, storeLocation, handled, seed + KILLS);
            long injected = fake.journal().stream().filter(PollerCrashTest::failedApiCall).count();
            assertTrue(injected > 0, "the fake injected no faults; " + context);
        }
        assertEquals(NOTICES, published.size(), context);

        try (CheckpointStore store = openStore.get()) {
            List<String> audited = new ArrayList<>();
            for (AuditRecord record : store.auditTrail(TENANT, Instant.EPOCH, END_OF_TIME)) {
                audited.add(record.noticeId());
            }
            assertEachNoticeOnceIn(audited, "the audit trail");
            StringWriter exported = new StringWriter();
            store.exportAuditTrail(TENANT, exported);
            List<String> exportedIds = new ArrayList<>();
            ObjectMapper json = new ObjectMapper();
            for (String line : exported.toString().split("\n")) {
                exportedIds.add(json.readTree(line).get("noticeId").asText());
            }
            assertEachNoticeOnceIn(exportedIds, "the exported audit trail");
            assertTrue(store.parked(TENANT).isEmpty(), context);
        }

        List<String> calls = Files.readAllLines(handled, StandardCharsets.US_ASCII);
        assertTrue(new LinkedHashSet<>(calls).containsAll(published), "a notice never reached the handler; " + context);
        int repeated = calls.size() - NOTICES;
        System.out.println(context + ": " + calls.size() + " handler calls, " + repeated + " repeated");
        // At-least-once, but only for what was in flight: at most one page per kill.
        assertTrue(repeated <= KILLS * PollerChild.PAGE_SIZE, repeated + " handler calls repeated; " + context);
    }

    private void assertEachNoticeOnceIn(List<String> noticeIds, String where) {
        Map<String, Integer> counts = new HashMap<>();
        noticeIds.forEach(id -> counts.merge(id, 1, Integer::sum));
        List<String> missing = published.stream().filter(id -> !counts.containsKey(id)).toList();
        List<String> twice = counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
        List<String> unknown = counts.keySet().stream().filter(id -> !published.contains(id)).toList();
        assertTrue(missing.isEmpty(), missing.size() + " notices missing from " + where + ", e.g. "
                + missing.subList(0, Math.min(3, missing.size())) + "; " + context);
        assertTrue(twice.isEmpty(), twice.size() + " notices more than once in " + where + ", e.g. "
                + twice.subList(0, Math.min(3, twice.size())) + "; " + context);
        assertTrue(unknown.isEmpty(), unknown.size() + " unknown notices in " + where + "; " + context);
        assertEquals(NOTICES, noticeIds.size(), where + "; " + context);
    }

    static boolean failedApiCall(JournalEntry entry) {
        return entry.path().startsWith("/v2/") && (entry.status() >= 500 || entry.status() == 0);
    }

    /** Starts a child and kills it once its handler was called {@code killAfterHandled} times, and a little later. */
    private void runAndKill(FakeCrmConnect fake, String storeKind, String storeLocation, Path handled, long seed,
                            int killAfterHandled, int thenWaitMillis) throws Exception {
        Path errors = Files.createTempFile(temporary, "child-", ".err");
        Process child = startChild(fake, storeKind, storeLocation, handled, "crash", seed, errors);
        CountDownLatch trigger = new CountDownLatch(1);
        Thread reader = read(child, line -> {
            if (line.equals("READY") && killAfterHandled == 0) {
                trigger.countDown();
            }
        }, killAfterHandled, trigger);
        try {
            if (!trigger.await(60, TimeUnit.SECONDS)) {
                fail("the child did not reach " + killAfterHandled + " handler calls; " + context + ": "
                        + Files.readString(errors));
            }
            Thread.sleep(thenWaitMillis);
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
            reader.join(30_000);
        }
        assertEquals(137, child.exitValue(), "the child was to die by SIGKILL; " + context + ": "
                + Files.readString(errors));
    }

    private void drain(FakeCrmConnect fake, String storeKind, String storeLocation, Path handled, long seed)
            throws Exception {
        Path errors = Files.createTempFile(temporary, "child-", ".err");
        Process child = startChild(fake, storeKind, storeLocation, handled, "drain", seed, errors);
        awaitDrained(child, errors, 60, context);
    }

    /** Waits for a child started in "drain" mode to read every feed to its end and exit cleanly. */
    static void awaitDrained(Process child, Path errors, int timeoutSeconds, String context) throws Exception {
        List<String> lines = new ArrayList<>();
        Thread reader = read(child, line -> {
            synchronized (lines) {
                lines.add(line);
            }
        }, Integer.MAX_VALUE, new CountDownLatch(1));
        try {
            if (!child.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                fail("the last run did not drain the feeds; " + context + ": " + Files.readString(errors));
            }
        } finally {
            child.destroyForcibly();
            reader.join(30_000);
        }
        assertEquals(0, child.exitValue(), context + ": " + Files.readString(errors));
        synchronized (lines) {
            assertTrue(lines.stream().anyMatch(line -> line.startsWith("DRAINED")), context + ": "
                    + Files.readString(errors));
        }
    }

    private Process startChild(FakeCrmConnect fake, String storeKind, String storeLocation, Path handled,
                               String mode, long seed, Path errors) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                ExitWithParent.parentPidOption(), "-cp", System.getProperty("java.class.path"),
                PollerChild.class.getName(),
                storeKind, storeLocation, fake.baseUrl(), fake.tokenUrl(), CLIENT_ID, CLIENT_SECRET, TENANT,
                handled.toString(), mode, Long.toString(seed))
                .redirectError(errors.toFile())
                .start();
    }

    /** Reads the child's lines; counts {@code HANDLED} lines and opens {@code trigger} at {@code handledTarget}. */
    static Thread read(Process child, Consumer<String> onLine, int handledTarget, CountDownLatch trigger) {
        Thread reader = new Thread(() -> {
            int handledCalls = 0;
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    onLine.accept(line);
                    if (line.equals("HANDLED") && ++handledCalls >= handledTarget) {
                        trigger.countDown();
                    }
                }
            } catch (IOException e) {
                // The child died; nothing more to read.
            }
        }, "poller-child-reader");
        reader.start();
        return reader;
    }

    /** The notice id of each record line of the file store's decision log (a checksum, a space, the JSON). */
    static List<String> rawLogNoticeIds(Path log) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> ids = new ArrayList<>();
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            JsonNode record = json.readTree(line.substring(line.indexOf(' ') + 1));
            ids.add(record.get("noticeId").asText());
        }
        return ids;
    }

    private static List<String> tableNoticeIds(DataSource database) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection connection = database.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT notice_id FROM crmconnect_decisions WHERE tenant = '"
                     + TENANT + "'")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }
}
