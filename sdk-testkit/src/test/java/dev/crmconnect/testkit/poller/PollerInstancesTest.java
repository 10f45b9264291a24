package dev.crmconnect.testkit.poller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.crmconnect.sdk.CrmConnectClient;
import dev.crmconnect.sdk.poller.AuditRecord;
import dev.crmconnect.sdk.poller.CheckpointStore;
import dev.crmconnect.sdk.poller.Decision;
import dev.crmconnect.sdk.poller.DeletionNoticePoller;
import dev.crmconnect.sdk.poller.PollSummary;
import dev.crmconnect.sdk.poller.PollSummary.Outcome;
import dev.crmconnect.sdk.poller.PollerListener;
import dev.crmconnect.sdk.testing.PostgresServer;
import dev.crmconnect.testkit.FakeCrmConnect;
import dev.crmconnect.testkit.FakeTenant;
import dev.crmconnect.testkit.Quotas;
import dev.crmconnect.testsupport.TestDataSource;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two poller instances, each with its own clients and its own connection to one PostgreSQL
 * database, share 50 tenants of the fake through the store's leases: no notice is decided twice,
 * and when one instance dies without releasing its leases, the other takes its tenants once the
 * leases' time has passed. While alive, an instance keeps its leases by its heartbeat, not by its
 * rounds.
 */
class PollerInstancesTest {

    static final int TENANTS = 50;
    static final Duration LEASE_TTL = Duration.ofSeconds(2);
    static final Instant END_OF_TIME = Instant.parse("9999-12-31T23:59:59Z");

    /** One poller instance, as if on its own machine. */
    static final class Instance implements PollerListener {
        final String ownerId;
        final List<CrmConnectClient> clients = new ArrayList<>();
        final TestDataSource connection;
        final CheckpointStore store;
        final DeletionNoticePoller poller;
        final List<String> decided = Collections.synchronizedList(new ArrayList<>());
        volatile List<PollSummary> lastRound = List.of();
        Thread loop;
        final AtomicBoolean running = new AtomicBoolean();

        Instance(String ownerId, FakeCrmConnect fake, List<FakeTenant> tenants, DataSource database,
                 Map<String, List<String>> handledBy) {
            this.ownerId = ownerId;
            HttpClient http = HttpClient.newHttpClient(); // shared by this instance's clients
            for (FakeTenant tenant : tenants) {
                clients.add(CrmConnectClient.builder().baseUrl(fake.baseUrl()).tokenUrl(fake.tokenUrl())
                        .credentials(tenant.clientId(), tenant.clientSecret())
                        .integrationContext(tenant.integrationContext()).httpClient(http).build());
            }
            this.connection = TestDataSource.oneConnection(database);
            this.store = CheckpointStore.jdbc(connection);
            this.poller = DeletionNoticePoller.builder()
                    .clients(clients)
                    .handler(notice -> {
                        handledBy.computeIfAbsent(notice.noticeId(), id -> Collections.synchronizedList(
                                new ArrayList<>())).add(ownerId);
                        return Decision.delete("contact " + notice.noticeId().substring(0, 8));
                    })
                    .handlerId("instances-test-1")
                    .checkpointStore(store)
                    .ownerId(ownerId)
                    .leaseTtl(LEASE_TTL)
                    .listener(this)
                    .build();
        }

        @Override
        public void noticeDecided(AuditRecord record) {
            decided.add(record.noticeId());
        }

        void startLoop() {
            running.set(true);
            loop = new Thread(() -> {
                while (running.get()) {
                    lastRound = poller.pollOnce();
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "poller-" + ownerId);
            loop.start();
        }

        /** Stops polling as a crash would: between rounds, leases left as they are. */
        void stopLoop() throws InterruptedException {
            running.set(false);
            loop.join(60_000);
            assertFalse(loop.isAlive(), ownerId + " did not stop");
        }

        Set<String> tenantsPolled() {
            Set<String> polled = new HashSet<>();
            for (PollSummary summary : lastRound) {
                if (summary.outcome() == Outcome.COMPLETED) {
                    polled.add(summary.tenant());
                }
            }
            return polled;
        }

        void close() throws Exception {
            poller.close();
            store.close();
            connection.close();
            clients.forEach(CrmConnectClient::close);
        }
    }

    private final List<Instance> instances = new ArrayList<>();
    private FakeCrmConnect fake;

    @AfterEach
    void stop() throws Exception {
        for (Instance instance : instances) {
            instance.running.set(false);
            if (instance.loop != null) {
                instance.loop.join(60_000);
            }
            instance.close();
        }
        if (fake != null) {
            fake.close();
        }
    }

    @Test
    void twoInstancesDecideEachNoticeOnceAndOneTakesOverTheOthersTenantsAfterTheLeaseTime() throws Exception {
        long seed = new Random().nextLong();
        String context = "seed " + seed;
        List<FakeTenant> tenants = new ArrayList<>();
        for (int i = 0; i < TENANTS; i++) {
            tenants.add(new FakeTenant("client-" + i, "secret-" + i, "urn:li:organization:" + (5000 + i)));
        }
        FakeCrmConnect.Builder builder = FakeCrmConnect.builder().seed(seed).quotas(Quotas.unlimited())
                .publicationLag(Duration.ofMillis(200));
        tenants.forEach(builder::tenant);
        fake = builder.start();
        Set<String> published = new LinkedHashSet<>();
        publish(tenants, 10, "a", published);

        DataSource database = PostgresServer.shared().newDatabase();
        Map<String, List<String>> handledBy = new ConcurrentHashMap<>();
        List<FakeTenant> reversed = new ArrayList<>(tenants);
        Collections.reverse(reversed);
        // Opposite polling orders, so that the two instances meet in the middle of the tenants.
        Instance first = new Instance("instance-a", fake, tenants, database, handledBy);
        Instance second = new Instance("instance-b", fake, reversed, database, handledBy);
        instances.add(first);
        instances.add(second);
        first.startLoop();
        second.startLoop();
        publish(tenants, 5, "b", published);
        Thread.sleep(300);
        publish(tenants, 5, "c", published);
        awaitDecided(published, context);

        assertNoticesDecidedOnce(database, tenants, published, context);
        assertFalse(first.decided.isEmpty(), "the first instance decided nothing; " + context);
        assertFalse(second.decided.isEmpty(), "the second instance decided nothing; " + context);
        assertEquals(published.size(), first.decided.size() + second.decided.size(),
                "decisions recorded by the instances; " + context);
        Set<String> together = new HashSet<>(first.decided);
        together.retainAll(second.decided);
        assertTrue(together.isEmpty(), "decided by both instances: " + together + "; " + context);

        // The first instance dies between rounds, its leases kept: its rounds stop and its lease
        // heartbeat no longer reaches the database.
        first.stopLoop();
        second.stopLoop();
        Set<String> orphaned = first.tenantsPolled();
        assertFalse(orphaned.isEmpty(), "the first instance held no tenant when it stopped; " + context);
        // Alive without polling for longer than the lease time, it keeps its tenants.
        Thread.sleep(LEASE_TTL.plusMillis(300).toMillis());
        for (PollSummary summary : second.poller.pollOnce()) {
            if (orphaned.contains(summary.tenant())) {
                assertEquals(Outcome.SKIPPED_LEASE_HELD, summary.outcome(), "the heartbeat kept " + summary.tenant()
                        + "; " + context);
            }
        }
        first.connection.cutOff();
        List<FakeTenant> orphanedTenants = tenants.stream()
                .filter(t -> orphaned.contains(t.integrationContext())).toList();
        Set<String> afterDeath = new LinkedHashSet<>();
        publish(orphanedTenants, 2, "d", afterDeath);
        Thread.sleep(LEASE_TTL.plusMillis(300).toMillis()); // the dead instance's leases expire

        List<PollSummary> takeover = second.poller.pollOnce();
        for (PollSummary summary : takeover) {
            assertEquals(Outcome.COMPLETED, summary.outcome(), summary + "; " + context);
        }
        assertEquals(TENANTS, takeover.size(), context);
        assertTrue(second.decided.containsAll(afterDeath), "the second instance did not decide every notice of the"
                + " tenants it took over; " + context);
        published.addAll(afterDeath);
        assertNoticesDecidedOnce(database, tenants, published, context);
        long handledTwice = handledBy.values().stream().filter(owners -> owners.size() > 1).count();
        System.out.println(context + ": " + published.size() + " notices, first instance " + first.decided.size()
                + ", second " + second.decided.size() + ", taken over " + orphaned.size() + " tenants, handled twice "
                + handledTwice);
    }

    private void publish(List<FakeTenant> tenants, int perTenant, String batch, Set<String> into) {
        for (FakeTenant tenant : tenants) {
            String number = tenant.integrationContext().substring("urn:li:organization:".length());
            into.addAll(FakeNotices.publish(fake, tenant.integrationContext(), batch + number + "-", perTenant));
        }
    }

    private void awaitDecided(Set<String> published, String context) throws InterruptedException {
        for (int wait = 0; wait < 600; wait++) {
            int decided = instances.stream().mapToInt(i -> i.decided.size()).sum();
            if (decided >= published.size()) {
                return;
            }
            Thread.sleep(100);
        }
        fail("the instances did not decide every notice in a minute; " + context);
    }

    /** Exactly one audit record, and one row in the decisions table, per notice. */
    private static void assertNoticesDecidedOnce(DataSource database, List<FakeTenant> tenants, Set<String> published,
                                                 String context) throws Exception {
        Map<String, Integer> audited = new HashMap<>();
        try (CheckpointStore store = CheckpointStore.jdbc(database)) {
            for (FakeTenant tenant : tenants) {
                for (AuditRecord record : store.auditTrail(tenant.integrationContext(), Instant.EPOCH, END_OF_TIME)) {
                    audited.merge(record.noticeId(), 1, Integer::sum);
                }
            }
        }
        assertEquals(published, audited.keySet(), "audited notices; " + context);
        assertTrue(audited.values().stream().allMatch(count -> count == 1), "a notice audited twice; " + context);
        try (Connection connection = database.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT COUNT(*), COUNT(DISTINCT (tenant, notice_id)) FROM crmconnect_decisions")) {
            assertTrue(rows.next());
            assertEquals(published.size(), rows.getLong(1), "decision rows; " + context);
            assertEquals(published.size(), rows.getLong(2), "distinct decided notices; " + context);
        }
    }
}
