package dev.crmconnect.sdk.poller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmconnect.model.DeletionNotice;
import dev.crmconnect.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** start() and close(): the scheduled rounds, and a graceful stop. */
class PollerLifecycleTest {

    static final String TENANT = "urn:li:organization:1001";
    static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    static final long WAIT_SECONDS = 10;

    final MutableClock clock = new MutableClock(T0);
    final CheckpointStore store = CheckpointStore.inMemory();
    final FakeNoticeFeed feed = new FakeNoticeFeed(TENANT, clock);

    @AfterEach
    void closeStore() {
        store.close();
    }

    DeletionNoticePoller.Builder poller(NoticeHandler handler) {
        return DeletionNoticePoller.builder()
                .feed(feed)
                .handler(handler)
                .handlerId("test-handler-1.0")
                .checkpointStore(store)
                .clock(clock)
                .interval(Duration.ofMillis(5));
    }

    /** Waits, boundedly, until {@code thread} blocks or ends. */
    static Thread.State awaitBlockedOrEnded(Thread thread) throws InterruptedException {
        for (int i = 0; i < WAIT_SECONDS * 1000; i++) {
            Thread.State state = thread.getState();
            if (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING
                    || state == Thread.State.TERMINATED) {
                return state;
            }
            Thread.sleep(1);
        }
        throw new AssertionError("the thread neither blocked nor ended");
    }

    @Test
    void closeLetsTheHandlerCallInFlightFinishAndNoCallFollows() throws Exception {
        for (int i = 0; i < 10; i++) {
            feed.publish(T0.plusSeconds(i), Duration.ZERO);
        }
        clock.advance(Duration.ofMinutes(1));
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Set<String> threadNames = ConcurrentHashMap.newKeySet();
        CountingHandler handler = new CountingHandler() {
            @Override
            public Decision handle(DeletionNotice notice) throws Exception {
                threadNames.add(Thread.currentThread().getName());
                if (notice.noticeId().equals("dn-000002")) {
                    entered.countDown();
                    assertTrue(release.await(WAIT_SECONDS, TimeUnit.SECONDS));
                }
                return super.handle(notice);
            }
        };
        DeletionNoticePoller poller = poller(handler).build();
        poller.start();
        assertThrows(IllegalStateException.class, poller::start);
        assertTrue(entered.await(WAIT_SECONDS, TimeUnit.SECONDS));

        Thread closer = new Thread(poller::close);
        closer.start();
        assertNotEquals(Thread.State.TERMINATED, awaitBlockedOrEnded(closer), "close waits for the call in flight");
        release.countDown();
        closer.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        assertFalse(closer.isAlive());

        assertEquals(3, handler.totalCalls());
        assertTrue(store.decision(TENANT, "dn-000002").isPresent(), "the call in flight was recorded");
        assertEquals("dn-000002", store.watermark(TENANT).orElseThrow().noticeId());
        assertEquals(Set.of("crmconnect-deletion-notice-poller"), threadNames);
        assertTrue(store.tryAcquireLease(TENANT, "next-instance", Duration.ofMinutes(1)).isPresent(),
                "close released the lease");
        Thread.sleep(50); // ten intervals: a round still scheduled would call the handler
        assertEquals(3, handler.totalCalls(), "no call after close");
        assertThrows(IllegalStateException.class, poller::pollOnce);
        assertThrows(IllegalStateException.class, poller::start);
        poller.close(); // idempotent
    }

    @Test
    void roundsRunOnAGivenSchedulerWhichCloseLeavesRunning() throws Exception {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                task -> new Thread(task, "application-scheduler"));
        try {
            CountDownLatch decided = new CountDownLatch(3);
            Set<String> threadNames = ConcurrentHashMap.newKeySet();
            DeletionNoticePoller poller = poller(notice -> {
                threadNames.add(Thread.currentThread().getName());
                return Decision.flagForReview("check the CRM's legal holds");
            }).scheduler(scheduler).listener(new PollerListener() {
                @Override
                public void noticeDecided(AuditRecord record) {
                    decided.countDown();
                }
            }).build();
            poller.start();
            for (int i = 0; i < 3; i++) { // published while rounds run
                feed.publishNow();
                clock.advance(Duration.ofSeconds(1));
            }
            assertTrue(decided.await(WAIT_SECONDS, TimeUnit.SECONDS));
            poller.close();

            assertEquals(Set.of("application-scheduler"), threadNames);
            assertFalse(scheduler.isShutdown());
            assertEquals(3, store.auditTrail(TENANT, Instant.EPOCH, Instant.MAX).size());
            assertEquals(Decision.Kind.FLAG_FOR_REVIEW,
                    store.auditTrail(TENANT, Instant.EPOCH, Instant.MAX).get(0).decision().kind());
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void aScheduledRoundThatFailsDoesNotEndTheSchedule() throws Exception {
        CountDownLatch polls = new CountDownLatch(5);
        feed.faults(7, 1.0);
        DeletionNoticePoller poller = poller(new CountingHandler()).listener(new PollerListener() {
            @Override
            public void pollCompleted(PollSummary summary) {
                polls.countDown();
                throw new IllegalStateException("a listener that throws");
            }
        }).build();
        poller.start();
        assertTrue(polls.await(WAIT_SECONDS, TimeUnit.SECONDS), "rounds go on after failures");
        poller.close();
    }

    @Test
    @Timeout(60) // guards against a hang only: without the stop cutting the pause, close would wait ten minutes
    void closeCutsAHandlerBackoffShortAndLeavesTheNoticeForTheNextRun() throws Exception {
        feed.publishNow();
        clock.advance(Duration.ofSeconds(1));
        CountDownLatch failed = new CountDownLatch(1);
        CountingHandler handler = new CountingHandler().failFirst("dn-000000", Integer.MAX_VALUE);
        DeletionNoticePoller poller = poller(handler)
                .handlerBackoff(Duration.ofMinutes(10), Duration.ofMinutes(10))
                .closeTimeout(Duration.ofMinutes(10))
                .listener(new PollerListener() {
                    @Override
                    public void handlerFailed(String tenant, String noticeId, int attempt, Throwable error) {
                        failed.countDown();
                    }
                }).build();
        poller.start();
        assertTrue(failed.await(WAIT_SECONDS, TimeUnit.SECONDS));

        poller.close();

        assertEquals(1, handler.totalCalls());
        assertEquals(List.of(), store.parked(TENANT), "abandoned, not parked: the next run starts it afresh");
        assertTrue(store.decision(TENANT, "dn-000000").isEmpty());
        assertTrue(store.watermark(TENANT).isEmpty());
    }

    @Test
    void closeBeforeStartReleasesNothingAndIsFine() {
        DeletionNoticePoller poller = poller(new CountingHandler()).build();
        poller.close();
        assertThrows(IllegalStateException.class, poller::start);
    }
}
