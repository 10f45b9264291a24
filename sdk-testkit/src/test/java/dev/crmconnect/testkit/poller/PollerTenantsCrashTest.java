package dev.crmconnect.testkit.poller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.crmconnect.sdk.poller.AuditRecord;
import dev.crmconnect.sdk.poller.CheckpointStore;
import dev.crmconnect.sdk.poller.DeletionNoticePoller;
import dev.crmconnect.sdk.testing.PostgresServer;
import dev.crmconnect.testkit.Faults;
import dev.crmconnect.testkit.FakeCrmConnect;
import dev.crmconnect.testkit.FakeTenant;
import dev.crmconnect.testkit.Quotas;
import dev.crmconnect.testsupport.ExitWithParent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The crash promise with many tenants polled at once: a poller of 200 tenants in a child JVM,
 * polling 16 at a time with the lease heartbeat and the round's batched compliance clocks, is
 * killed with SIGKILL at random points, 8 times, over 4,800 notices (3 per tenant before each
 * run) while the fake fails some calls. A last run polls to the end.
 * Every notice must then have exactly one audit record, every tenant a watermark and a compliance
 * clock, and the handler may have repeated only what was in flight when a kill came.
 */
class PollerTenantsCrashTest {

    static final String FIRST_TENANT = "urn:li:organization:3000";
    static final String CLIENT_ID = "crash-client";
    static final String CLIENT_SECRET = "crash-secret";
    static final int TENANTS = 200;
    static final int KILLS = 8;
    static final int PER_TENANT_AND_ROUND = 3;
    static final Duration ROUND_SPACING = Duration.ofMinutes(11);

    @TempDir
    Path temporary;

    private Set<String> published;
    private String context;

    @Test
    void everyNoticeOfEveryTenantHasExactlyOneAuditRecordAfterKillsWithTheFileStore() throws Exception {
        Path directory = temporary.resolve("store");
        crashTest("file", directory.toString(), () -> CheckpointStore.file(directory));
        List<String> logged = PollerCrashTest.rawLogNoticeIds(directory.resolve("decisions.jsonl"));
        assertEachNoticeOnceIn(logged, "the file store's log");
    }

    @Test
    void everyNoticeOfEveryTenantHasExactlyOneAuditRecordAfterKillsWithPostgres() throws Exception {
        PGSimpleDataSource database = (PGSimpleDataSource) PostgresServer.shared().newDatabase();
        String url = database.getUrl() + (database.getUrl().contains("?") ? "&" : "?") + "user=" + database.getUser();
        crashTest("jdbc", url, () -> CheckpointStore.jdbc(database));
    }

    private static String tenant(int i) {
        return "urn:li:organization:" + (3000 + i);
    }

    private void crashTest(String storeKind, String storeLocation, Supplier<CheckpointStore> openStore)
            throws Exception {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        context = storeKind + " store, " + TENANTS + " tenants, seed " + seed;
        published = new LinkedHashSet<>();
        Path handled = temporary.resolve("handled.txt");
        FakeCrmConnect.Builder builder = FakeCrmConnect.builder().seed(seed).quotas(Quotas.unlimited());
        for (int i = 0; i < TENANTS; i++) {
            builder.tenant(new FakeTenant(CLIENT_ID + "-" + i, CLIENT_SECRET + "-" + i, tenant(i)));
        }
        List<String> kills = new ArrayList<>();
        try (FakeCrmConnect fake = builder.start()) {
            fake.clock().set(Instant.now().minus(ROUND_SPACING.multipliedBy(KILLS + 10)));
            fake.faults(Faults.builder().seed(seed).errorRate(0.04, 500, 503).resetRate(0.01).build());
            for (int round = 0; round < KILLS; round++) {
                fake.clock().advance(ROUND_SPACING);
                for (int i = 0; i < TENANTS; i++) {
                    published.addAll(FakeNotices.publish(fake, tenant(i), "r" + round + "t" + i + "-",
                            PER_TENANT_AND_ROUND));
                }
                int killAfterHandled = random.nextInt(TENANTS * PER_TENANT_AND_ROUND);
                int thenWaitMillis = random.nextInt(20);
                runAndKill(fake, storeKind, storeLocation, handled, seed + round, killAfterHandled, thenWaitMillis);
                kills.add(killAfterHandled + "+" + thenWaitMillis + "ms");
            }
            context += ", kills after handler calls " + kills;
            fake.clock().advance(Duration.ofSeconds(1));
            drain(fake, storeKind, storeLocation, handled, seed + KILLS);
        }
        int notices = TENANTS * KILLS * PER_TENANT_AND_ROUND;
        assertEquals(notices, published.size(), context);

        try (CheckpointStore store = openStore.get()) {
            List<String> audited = new ArrayList<>();
            for (int i = 0; i < TENANTS; i++) {
                for (AuditRecord record : store.auditTrail(tenant(i), Instant.EPOCH, PollerCrashTest.END_OF_TIME)) {
                    audited.add(record.noticeId());
                }
                assertTrue(store.watermark(tenant(i)).isPresent(), tenant(i) + " has no watermark; " + context);
                assertTrue(store.lastSuccessfulPoll(tenant(i)).isPresent(), tenant(i) + " has no compliance clock; "
                        + context);
                assertTrue(store.parked(tenant(i)).isEmpty(), context);
            }
            assertEachNoticeOnceIn(audited, "the audit trails");
        }

        List<String> calls = Files.readAllLines(handled, StandardCharsets.US_ASCII);
        assertTrue(new LinkedHashSet<>(calls).containsAll(published), "a notice never reached the handler; " + context);
        int repeated = calls.size() - notices;
        System.out.println(context + ": " + calls.size() + " handler calls, " + repeated + " repeated");
        // At-least-once, but only for what was in flight: a page per tenant polled at once, per kill.
        assertTrue(repeated <= KILLS * DeletionNoticePoller.DEFAULT_PARALLELISM * PollerChild.PAGE_SIZE,
                repeated + " handler calls repeated; " + context);
    }

    private void assertEachNoticeOnceIn(List<String> noticeIds, String where) {
        Map<String, Integer> counts = new HashMap<>();
        noticeIds.forEach(id -> counts.merge(id, 1, Integer::sum));
        long missing = published.stream().filter(id -> !counts.containsKey(id)).count();
        long twice = counts.values().stream().filter(count -> count > 1).count();
        long unknown = counts.keySet().stream().filter(id -> !published.contains(id)).count();
        assertEquals(0, missing, "notices missing from " + where + "; " + context);
        assertEquals(0, twice, "notices more than once in " + where + "; " + context);
        assertEquals(0, unknown, "unknown notices in " + where + "; " + context);
        assertEquals(published.size(), noticeIds.size(), where + "; " + context);
    }

    private void runAndKill(FakeCrmConnect fake, String storeKind, String storeLocation, Path handled, long seed,
                            int killAfterHandled, int thenWaitMillis) throws Exception {
        Path errors = Files.createTempFile(temporary, "child-", ".err");
        Process child = startChild(fake, storeKind, storeLocation, handled, "crash", seed, errors);
        CountDownLatch trigger = new CountDownLatch(1);
        Thread reader = PollerCrashTest.read(child, line -> {
            if (line.equals("READY") && killAfterHandled == 0) {
                trigger.countDown();
            }
        }, killAfterHandled, trigger);
        try {
            if (!trigger.await(120, TimeUnit.SECONDS)) {
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
        PollerCrashTest.awaitDrained(child, errors, 180, context);
    }

    private Process startChild(FakeCrmConnect fake, String storeKind, String storeLocation, Path handled,
                               String mode, long seed, Path errors) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                ExitWithParent.parentPidOption(), "-cp", System.getProperty("java.class.path"),
                PollerChild.class.getName(),
                storeKind, storeLocation, fake.baseUrl(), fake.tokenUrl(), CLIENT_ID, CLIENT_SECRET, FIRST_TENANT,
                handled.toString(), mode, Long.toString(seed), Integer.toString(TENANTS))
                .redirectError(errors.toFile())
                .start();
    }
}
