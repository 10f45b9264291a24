package dev.crmconnect.sdk.poller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmconnect.model.DeletionNotice;
import dev.crmconnect.sdk.exception.CheckpointStoreException;
import dev.crmconnect.sdk.internal.poller.Fsyncs;
import dev.crmconnect.sdk.poller.PollSummary.Outcome;
import dev.crmconnect.sdk.testing.PostgresServer;
import dev.crmconnect.testsupport.MutableClock;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rounds over many tenants: polled at once up to the parallelism, never one tenant twice at once,
 * a slow tenant holding only its own slot; an idle round costing one write for all its tenants
 * (one fsync with the file store, one writing commit on PostgreSQL); the lease heartbeat keeping
 * leases through a round longer than their time. Counts only, never durations.
 */
class PollerRoundsTest {

    static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    final MutableClock clock = new MutableClock(T0);

    @TempDir
    Path temporary;

    /** An empty feed that lets a test watch, or hold up, each fetch. */
    static final class WatchedFeed implements NoticeFeed {
        final String tenant;
        final Consumer<String> onFetch;

        WatchedFeed(String tenant, Consumer<String> onFetch) {
            this.tenant = tenant;
            this.onFetch = onFetch;
        }

        @Override
        public String tenant() {
            return tenant;
        }

        @Override
        public List<DeletionNotice> fetch(Instant publishedAfter, int start, int count) {
            onFetch.accept(tenant);
            return List.of();
        }
    }

    static List<NoticeFeed> feeds(int count, Consumer<String> onFetch) {
        List<NoticeFeed> feeds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            feeds.add(new WatchedFeed("urn:li:organization:" + (1000 + i), onFetch));
        }
        return feeds;
    }

    DeletionNoticePoller.Builder poller(CheckpointStore store, List<NoticeFeed> feeds) {
        return DeletionNoticePoller.builder()
                .feeds(feeds)
                .handler(notice -> Decision.delete("never called: the feeds are empty"))
                .handlerId("rounds-test-1")
                .checkpointStore(store)
                .clock(clock);
    }

    @Test
    void upToTheParallelismTenantsArePolledAtOnceAndNeverOneTenantTwice() throws Exception {
        int parallelism = 4;
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Map<String, AtomicInteger> perTenant = new ConcurrentHashMap<>();
        AtomicInteger overlaps = new AtomicInteger();
        CountDownLatch fourAtOnce = new CountDownLatch(parallelism);
        List<NoticeFeed> feeds = feeds(40, tenant -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            if (perTenant.computeIfAbsent(tenant, t -> new AtomicInteger()).incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            try {
                fourAtOnce.countDown();
                fourAtOnce.await(10, TimeUnit.SECONDS); // the first four wait for each other
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                perTenant.get(tenant).decrementAndGet();
                inFlight.decrementAndGet();
            }
        });
        try (CheckpointStore store = CheckpointStore.inMemory();
             DeletionNoticePoller poller = poller(store, feeds).parallelism(parallelism).build()) {
            for (int round = 0; round < 3; round++) {
                List<PollSummary> summaries = poller.pollOnce();
                assertEquals(40, summaries.size());
                for (int i = 0; i < 40; i++) {
                    assertEquals(feeds.get(i).tenant(), summaries.get(i).tenant(), "summaries in polling order");
                    assertEquals(Outcome.COMPLETED, summaries.get(i).outcome());
                }
            }
            assertEquals(0, fourAtOnce.getCount(), "four tenants were polled at once");
            assertEquals(parallelism, most.get(), "never more tenants at once than the parallelism");
            assertEquals(0, overlaps.get(), "one tenant polled twice at once");
        }
    }

    @Test
    void aSlowTenantHoldsOnlyItsOwnSlotAndAFailingOneFailsAlone() throws Exception {
        List<NoticeFeed> feeds = new ArrayList<>();
        CountDownLatch othersDone = new CountDownLatch(38);
        feeds.add(new WatchedFeed("urn:li:organization:slow", tenant -> {
            try {
                // Released only once every other tenant was polled: with two slots, the other
                // slot must have polled them all meanwhile.
                assertTrue(othersDone.await(30, TimeUnit.SECONDS), "the other tenants waited for the slow one");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        feeds.add(new WatchedFeed("urn:li:organization:failing", tenant -> {
            throw new IllegalStateException("the feed is down");
        }));
        feeds.addAll(feeds(38, tenant -> othersDone.countDown()));
        try (CheckpointStore store = CheckpointStore.inMemory();
             DeletionNoticePoller poller = poller(store, feeds).parallelism(2).build()) {
            List<PollSummary> summaries = poller.pollOnce();
            assertEquals(Outcome.COMPLETED, summaries.get(0).outcome());
            assertEquals(Outcome.FAILED, summaries.get(1).outcome());
            assertEquals(38, summaries.stream().skip(2).filter(s -> s.outcome() == Outcome.COMPLETED).count());
            assertTrue(store.lastSuccessfulPoll("urn:li:organization:failing").isEmpty());
            assertEquals(Instant.parse("2024-05-01T10:00:00Z"), store.lastSuccessfulPoll(feeds.get(2).tenant())
                    .orElseThrow());
        }
    }

    @Test
    void anIdleRoundWritesTheFileStoreOnceWithOneFsyncAndItsJournalStaysBounded() throws IOException {
        Path directory = temporary.resolve("store");
        List<NoticeFeed> feeds = feeds(300, tenant -> { });
        CheckpointStore store = CheckpointStore.file(directory);
        try (DeletionNoticePoller poller = poller(store, feeds).build()) {
            poller.pollOnce(); // leases taken, first clocks written
            for (int round = 1; round <= 20; round++) {
                clock.advance(Duration.ofMinutes(1));
                long before = Fsyncs.count();
                poller.pollOnce();
                long fsyncs = Fsyncs.count() - before;
                // One journal append for the 300 clocks; a compaction (snapshot, its directory, the
                // emptied journal) on the rounds that bring the journal past its bound.
                assertTrue(fsyncs == 1 || fsyncs == 4, "round " + round + ": " + fsyncs + " fsyncs");
            }
            long journalLines = Files.lines(directory.resolve("state.jsonl")).count();
            assertTrue(journalLines <= 1 + Math.max(1_000, 4 * 300) + 300, journalLines + " journal lines");
        }
        store.close();
        try (CheckpointStore reopened = CheckpointStore.file(directory)) {
            for (NoticeFeed feed : feeds) {
                assertEquals(T0.plus(Duration.ofMinutes(20)), reopened.lastSuccessfulPoll(feed.tenant()).orElseThrow());
            }
        }
    }

    @Test
    void anIdleRoundIsOneWritingCommitOnPostgres() {
        AtomicLong writingCommits = new AtomicLong();
        AtomicLong statements = new AtomicLong();
        DataSource counted = counting(PostgresServer.shared().newDatabase(), writingCommits, statements);
        List<NoticeFeed> feeds = feeds(50, tenant -> { });
        try (CheckpointStore store = CheckpointStore.jdbc(counted);
             DeletionNoticePoller poller = poller(store, feeds).parallelism(4).build()) {
            poller.pollOnce();
            clock.advance(Duration.ofMinutes(1));
            long commitsBefore = writingCommits.get();
            long statementsBefore = statements.get();
            List<PollSummary> summaries = poller.pollOnce();
            long commits = writingCommits.get() - commitsBefore;
            assertTrue(summaries.stream().allMatch(s -> s.outcome() == Outcome.COMPLETED));
            // The round's clocks, and at most a heartbeat that came meanwhile.
            assertTrue(commits >= 1 && commits <= 3, commits + " writing commits for an idle round of 50 tenants");
            long perTenant = (statements.get() - statementsBefore) / 50;
            assertTrue(perTenant <= 5, perTenant + " statements per idle tenant");
            for (NoticeFeed feed : feeds) {
                assertEquals(T0.plus(Duration.ofMinutes(1)), store.lastSuccessfulPoll(feed.tenant()).orElseThrow());
            }
        }
    }

    @Test
    void theHeartbeatKeepsTheLeasesThroughARoundLongerThanTheirTime() throws Exception {
        Duration ttl = Duration.ofMillis(300);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch inRound = new CountDownLatch(1);
        List<NoticeFeed> feeds = feeds(3, tenant -> {
            if (tenant.endsWith("1000")) {
                inRound.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        try (CheckpointStore store = CheckpointStore.inMemory()) {
            DeletionNoticePoller poller = poller(store, feeds).leaseTtl(ttl).parallelism(1).build();
            Thread round = new Thread(poller::pollOnce);
            round.start();
            assertTrue(inRound.await(30, TimeUnit.SECONDS));
            Thread.sleep(ttl.multipliedBy(4).toMillis()); // the round outlasts the lease time
            for (NoticeFeed feed : feeds.subList(0, 1)) {
                assertTrue(store.tryAcquireLease(feed.tenant(), "intruder", ttl).isEmpty(),
                        "the heartbeat kept the lease of the tenant in its poll");
            }
            release.countDown();
            round.join(30_000);
            Thread.sleep(ttl.multipliedBy(2).toMillis()); // between rounds too
            for (NoticeFeed feed : feeds) {
                assertTrue(store.tryAcquireLease(feed.tenant(), "intruder", ttl).isEmpty(), feed.tenant());
            }
            poller.close(); // releases them
            for (NoticeFeed feed : feeds) {
                assertTrue(store.tryAcquireLease(feed.tenant(), "intruder", ttl).isPresent(), feed.tenant());
            }
        }
    }

    @Test
    void aRoundWhoseClocksAreNotRecordedLeavesThemEarlierNeverLater() {
        List<NoticeFeed> feeds = feeds(5, tenant -> { });
        try (CheckpointStore real = CheckpointStore.inMemory()) {
            boolean[] failing = {false};
            CheckpointStore store = (CheckpointStore) Proxy.newProxyInstance(CheckpointStore.class.getClassLoader(),
                    new Class<?>[] {CheckpointStore.class}, (proxy, method, args) -> {
                        if (failing[0] && method.getName().equals("recordSuccessfulPolls")) {
                            throw new CheckpointStoreException("the disk is full"); // or a crash before the write
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            try (DeletionNoticePoller poller = poller(store, feeds).build()) {
                poller.pollOnce();
                failing[0] = true;
                clock.advance(Duration.ofDays(8));
                assertTrue(poller.pollOnce().stream().allMatch(s -> s.outcome() == Outcome.COMPLETED));
                for (NoticeFeed feed : feeds) {
                    ComplianceStatus status = poller.complianceStatus(feed.tenant());
                    assertEquals(T0, status.lastSuccessfulPoll(), "the earlier poll, not a later one");
                    assertEquals(ComplianceStatus.Level.WARNING, status.level(), "it warns sooner, never later");
                }
            }
        }
    }

    /** Counts statements executed, and commits of transactions that executed an update or a batch. */
    static DataSource counting(DataSource real, AtomicLong writingCommits, AtomicLong statements) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(method, real, args);
                    if (!(result instanceof Connection connection)) {
                        return result;
                    }
                    boolean[] wrote = {false};
                    return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                            (c, m, a) -> {
                                if (m.getName().equals("commit") && wrote[0]) {
                                    writingCommits.incrementAndGet();
                                }
                                if (m.getName().equals("commit") || m.getName().equals("rollback")) {
                                    wrote[0] = false;
                                }
                                Object r = invoke(m, connection, a);
                                if (!(r instanceof PreparedStatement statement)) {
                                    return r;
                                }
                                return Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                                        new Class<?>[] {PreparedStatement.class}, (s, sm, sa) -> {
                                            if (sm.getName().startsWith("execute")) {
                                                statements.incrementAndGet();
                                                wrote[0] |= !sm.getName().equals("executeQuery");
                                            }
                                            return invoke(sm, statement, sa);
                                        });
                            });
                });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
