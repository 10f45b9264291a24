package dev.crmconnect.sdk.poller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmconnect.model.DeletionNotice;
import dev.crmconnect.sdk.exception.CheckpointStoreException;
import dev.crmconnect.sdk.exception.StaleLeaseException;
import dev.crmconnect.sdk.poller.PollSummary.Outcome;
import dev.crmconnect.testsupport.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Restarts on a durable store, and several instances sharing tenants through leases. */
class PollerRestartAndLeaseTest {

    static final String TENANT = "urn:li:organization:1001";
    static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    final MutableClock clock = new MutableClock(T0);

    static DeletionNoticePoller.Builder poller(CheckpointStore store, NoticeHandler handler, MutableClock clock,
                                               List<? extends NoticeFeed> feeds) {
        return DeletionNoticePoller.builder()
                .feeds(feeds)
                .handler(handler)
                .handlerId("test-handler-1.0")
                .checkpointStore(store)
                .clock(clock)
                .handlerBackoff(Duration.ZERO, Duration.ZERO);
    }

    static String id(int number) {
        return String.format("dn-%06d", number);
    }

    @Test
    void aNewPollerOnTheSameFileStoreResumesWithoutDecidingAnythingTwice(@TempDir Path directory) {
        FakeNoticeFeed feed = new FakeNoticeFeed(TENANT, clock);
        for (int i = 0; i < 30; i++) {
            feed.publish(T0.plusSeconds(i), Duration.ZERO);
        }
        clock.advance(Duration.ofMinutes(1));
        DeletionNoticePoller[] first = new DeletionNoticePoller[1];
        CountingHandler firstHandler = new CountingHandler() {
            @Override
            public Decision handle(DeletionNotice notice) throws Exception {
                if (notice.noticeId().equals(id(20))) {
                    first[0].close(); // stops after this notice, as a shutdown would
                }
                return super.handle(notice);
            }
        }.failFirst(id(5), Integer.MAX_VALUE);
        try (CheckpointStore store = CheckpointStore.file(directory)) {
            first[0] = poller(store, firstHandler, clock, List.of(feed)).pageSize(8).handlerAttempts(2).build();
            assertEquals(Outcome.INCOMPLETE, first[0].pollOnce().get(0).outcome());
        }
        assertEquals(21, firstHandler.calls.size());
        for (int i = 31; i < 36; i++) {
            feed.publish(T0.plusSeconds(i), Duration.ZERO);
        }

        CountingHandler secondHandler = new CountingHandler();
        try (CheckpointStore store = CheckpointStore.file(directory)) {
            assertEquals(id(20), store.watermark(TENANT).orElseThrow().noticeId());
            assertEquals(List.of(id(5)), store.parked(TENANT).stream().map(ParkedNotice::noticeId).toList());
            DeletionNoticePoller second = poller(store, secondHandler, clock, List.of(feed)).pageSize(8).build();
            PollSummary summary = second.pollOnce().get(0);
            second.close();

            assertEquals(Outcome.COMPLETED, summary.outcome());
            Set<String> expected = new HashSet<>(List.of(id(5)));
            for (int i = 21; i < 35; i++) {
                expected.add(id(i));
            }
            assertEquals(expected, secondHandler.calls.keySet(), "only the parked notice and those never decided");
            List<AuditRecord> audit = store.auditTrail(TENANT, Instant.EPOCH, Instant.MAX);
            assertEquals(35, audit.size());
            assertEquals(35, audit.stream().map(AuditRecord::noticeId).distinct().count());
            assertEquals(List.of(), store.parked(TENANT));
            assertEquals(id(34), store.watermark(TENANT).orElseThrow().noticeId());
        }
    }

    @Test
    void twoPollersSharingTenantsThroughLeasesHandEachNoticeOverOnce() throws Exception {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        List<FakeNoticeFeed> feeds = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            feeds.add(new FakeNoticeFeed("urn:li:organization:" + (100 + t), clock, "t" + t + "-"));
        }
        CountingHandler handler = new CountingHandler();
        RecordingListener listener = new RecordingListener();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (CheckpointStore store = CheckpointStore.inMemory()) {
            DeletionNoticePoller a = poller(store, handler, clock, feeds).ownerId("a").listener(listener).pageSize(5).build();
            DeletionNoticePoller b = poller(store, handler, clock, feeds).ownerId("b").listener(listener).pageSize(5).build();
            for (int round = 0; round < 20; round++) {
                for (FakeNoticeFeed feed : feeds) {
                    for (int i = random.nextInt(8); i > 0; i--) {
                        feed.publish(clock.instant().minusMillis(random.nextInt(30_000)),
                                Duration.ofMillis(random.nextInt(300_000)));
                    }
                }
                if (round == 10) {
                    a.close(); // its tenants go to b at once; a's successor finds them held
                    a = poller(store, handler, clock, feeds).ownerId("a2").listener(listener).pageSize(5).build();
                }
                DeletionNoticePoller first = a;
                DeletionNoticePoller second = b;
                Future<?> fa = threads.submit(first::pollOnce);
                Future<?> fb = threads.submit(second::pollOnce);
                fa.get(10, TimeUnit.SECONDS);
                fb.get(10, TimeUnit.SECONDS);
                clock.advance(Duration.ofMinutes(1));
            }
            clock.advance(Duration.ofMinutes(6));
            a.pollOnce();
            b.pollOnce();

            int published = 0;
            for (FakeNoticeFeed feed : feeds) {
                for (DeletionNotice notice : feed.published()) {
                    published++;
                    assertEquals(1, handler.calls(notice.noticeId()), "seed " + seed + ": calls for " + notice.noticeId());
                }
                List<AuditRecord> audit = store.auditTrail(feed.tenant(), Instant.EPOCH, Instant.MAX);
                assertEquals(feed.published().size(), audit.size(), "seed " + seed + ", " + feed.tenant());
            }
            assertEquals(published, Set.copyOf(listener.decidedIds()).size(), "seed " + seed);
            assertEquals(published, listener.decidedIds().size(), "seed " + seed + ": each notice decided once");
            Set<Outcome> outcomes = listener.polls.stream().map(PollSummary::outcome).collect(Collectors.toSet());
            assertTrue(outcomes.contains(Outcome.SKIPPED_LEASE_HELD), "seed " + seed + ": " + outcomes);
            a.close();
            b.close();
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void instancesTakingLeasesFromEachOtherMidPollNeverRecordANoticeTwice() throws Exception {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        List<FakeNoticeFeed> feeds = List.of(new FakeNoticeFeed("urn:li:organization:100", clock, "t0-"),
                new FakeNoticeFeed("urn:li:organization:101", clock, "t1-"));
        for (FakeNoticeFeed feed : feeds) {
            for (int i = 0; i < 300; i++) {
                feed.publish(T0.plusMillis(random.nextInt(600_000)), Duration.ZERO);
            }
        }
        clock.advance(Duration.ofMinutes(11));
        CountingHandler handler = new CountingHandler() {
            @Override
            public Decision handle(DeletionNotice notice) throws Exception {
                if (notice.noticeId().endsWith("7")) {
                    Thread.sleep(1); // long enough for the lease to run out and the other instance to take it
                }
                return super.handle(notice);
            }
        };
        RecordingListener listener = new RecordingListener();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (CheckpointStore store = CheckpointStore.inMemory()) {
            // A lease of a millisecond: the instances take tenants from each other all the time.
            DeletionNoticePoller a = poller(store, handler, clock, feeds).ownerId("a").listener(listener)
                    .pageSize(3).leaseTtl(Duration.ofMillis(1)).build();
            DeletionNoticePoller b = poller(store, handler, clock, feeds).ownerId("b").listener(listener)
                    .pageSize(3).leaseTtl(Duration.ofMillis(1)).build();
            List<Future<?>> runs = new ArrayList<>();
            for (DeletionNoticePoller poller : List.of(a, b)) {
                runs.add(threads.submit(() -> {
                    for (int i = 0; i < 30; i++) {
                        poller.pollOnce();
                    }
                }));
            }
            for (Future<?> run : runs) {
                run.get(20, TimeUnit.SECONDS);
            }
            DeletionNoticePoller last = poller(store, handler, clock, feeds).ownerId("c").listener(listener).build();
            last.pollOnce();

            for (FakeNoticeFeed feed : feeds) {
                List<AuditRecord> audit = store.auditTrail(feed.tenant(), Instant.EPOCH, Instant.MAX);
                assertEquals(300, audit.size(), "seed " + seed);
                assertEquals(300, audit.stream().map(AuditRecord::noticeId).distinct().count(), "seed " + seed);
            }
            assertEquals(600, listener.decidedIds().size(), "seed " + seed + ": each notice decided once");
            assertEquals(600, Set.copyOf(listener.decidedIds()).size(), "seed " + seed);
            a.close();
            b.close();
            last.close();
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aPollerWhoseLeaseIsTakenMidPollWritesNothingMoreAndTheNewHolderDecidesTheRest() {
        FakeNoticeFeed feed = new FakeNoticeFeed(TENANT, clock);
        for (int i = 0; i < 10; i++) {
            feed.publish(T0.plusSeconds(i), Duration.ZERO);
        }
        clock.advance(Duration.ofMinutes(1));
        RecordingListener listener = new RecordingListener();
        try (CheckpointStore real = CheckpointStore.inMemory()) {
            // The lease heartbeat fails (its batch times out, say), so the lease runs out unless the
            // poll renews it itself, as it does when the heartbeat has not for half the lease time.
            CheckpointStore store = (CheckpointStore) java.lang.reflect.Proxy.newProxyInstance(
                    CheckpointStore.class.getClassLoader(), new Class<?>[] {CheckpointStore.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("renewLeases")) {
                            throw new CheckpointStoreException("the heartbeat's batch timed out");
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            Lease[] intruder = new Lease[1];
            CountingHandler handler = new CountingHandler() {
                @Override
                public Decision handle(DeletionNotice notice) throws Exception {
                    if (notice.noticeId().equals(id(3)) && intruder[0] == null) {
                        Thread.sleep(20); // the poller's lease of a millisecond runs out
                        intruder[0] = store.tryAcquireLease(TENANT, "intruder", Duration.ofMinutes(1)).orElseThrow();
                    }
                    return super.handle(notice);
                }
            };
            DeletionNoticePoller poller = poller(store, handler, clock, List.of(feed)).listener(listener)
                    .leaseTtl(Duration.ofMillis(1)).build();

            PollSummary lost = poller.pollOnce().get(0);

            assertEquals(Outcome.LEASE_LOST, lost.outcome());
            assertTrue(lost.failure() instanceof StaleLeaseException, String.valueOf(lost.failure()));
            assertEquals(List.of(), store.auditTrail(TENANT, Instant.EPOCH, Instant.MAX), "the page's decisions were refused");
            assertTrue(store.watermark(TENANT).isEmpty());
            assertEquals(1, listener.pollFailures.size());
            assertEquals(Outcome.SKIPPED_LEASE_HELD, poller.pollOnce().get(0).outcome());

            store.releaseLease(intruder[0]);
            assertEquals(Outcome.COMPLETED, poller.pollOnce().get(0).outcome());
            assertEquals(10, store.auditTrail(TENANT, Instant.EPOCH, Instant.MAX).size());
            assertEquals(2, handler.calls(id(0)), "at least once to the handler: the refused decision is made again");
            assertEquals(1, handler.calls(id(9)));
            poller.close();
        }
    }
}
