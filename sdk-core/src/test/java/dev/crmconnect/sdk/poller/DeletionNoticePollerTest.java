package dev.crmconnect.sdk.poller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmconnect.model.DeletionNotice;
import dev.crmconnect.sdk.poller.PollSummary.Outcome;
import dev.crmconnect.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeletionNoticePollerTest {

    static final String TENANT = "urn:li:organization:1001";
    static final String OTHER_TENANT = "urn:li:organization:2002";
    static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    final MutableClock clock = new MutableClock(T0);
    final CheckpointStore store = CheckpointStore.inMemory();
    final RecordingListener listener = new RecordingListener();

    @AfterEach
    void closeStore() {
        store.close();
    }

    DeletionNoticePoller.Builder poller(NoticeHandler handler, NoticeFeed... feeds) {
        return DeletionNoticePoller.builder()
                .feeds(List.of(feeds))
                .handler(handler)
                .handlerId("test-handler-1.0")
                .checkpointStore(store)
                .listener(listener)
                .clock(clock)
                .handlerBackoff(Duration.ZERO, Duration.ZERO);
    }

    static Watermark position(DeletionNotice notice) {
        return new Watermark(notice.publishedAt(), notice.noticeId());
    }

    boolean settled(String tenant, String noticeId) {
        return store.decision(tenant, noticeId).isPresent()
                || store.parked(tenant).stream().anyMatch(p -> p.noticeId().equals(noticeId));
    }

    /**
     * The checkpoint never passes a notice that is neither decided nor parked: after a poll that
     * moved the watermark from {@code before}, every visible notice the poll's read covered up to
     * the new watermark is settled; after a completed poll, every visible notice is.
     */
    void assertCheckpointCoversOnlySettledNotices(FakeNoticeFeed feed, Watermark before, PollSummary summary,
                                                  String context) {
        Watermark after = store.watermark(feed.tenant()).orElse(null);
        Instant readFrom = before == null ? Instant.EPOCH : before.publishedAt().minus(Duration.ofMinutes(10));
        for (DeletionNotice notice : feed.visible()) {
            boolean passed = after != null && !position(notice).isAfter(after) && !after.equals(before)
                    && notice.publishedAt().isAfter(readFrom);
            if (passed || summary.outcome() == Outcome.COMPLETED) {
                assertTrue(settled(feed.tenant(), notice.noticeId()), context + ": " + summary.outcome()
                        + ", watermark " + before + " -> " + after + ": " + notice.noticeId() + " is not settled");
            }
        }
    }

    @Test
    void everyNoticeIsDecidedExactlyOnceAcrossManyPollsWithLagOverlapAndFeedFaults() {
        long seed = new Random().nextLong();
        String context = "seed " + seed;
        Random random = new Random(seed);
        FakeNoticeFeed feed = new FakeNoticeFeed(TENANT, clock).faults(seed, 0.1);
        CountingHandler handler = new CountingHandler();
        DeletionNoticePoller poller = poller(handler, feed).pageSize(7).build();

        for (int step = 0; step < 240; step++) {
            int count = random.nextInt(6);
            for (int i = 0; i < count; i++) {
                Instant publishedAt = clock.instant().minusMillis(random.nextInt(60_000));
                feed.publish(publishedAt, Duration.ofMillis(random.nextInt((int) FakeNoticeFeed.MAX_LAG.toMillis() + 1)));
            }
            if (step % 40 == 0) { // a burst at one instant, longer than a page
                Instant publishedAt = clock.instant().minusSeconds(30);
                for (int i = 0; i < 17; i++) {
                    feed.publish(publishedAt, Duration.ofMillis(random.nextInt(120_000)));
                }
            }
            Watermark before = store.watermark(TENANT).orElse(null);
            PollSummary summary = poller.pollOnce().get(0);
            assertCheckpointCoversOnlySettledNotices(feed, before, summary, context + ", step " + step);
            clock.advance(Duration.ofMinutes(1));
        }
        feed.faults(seed, 0);
        clock.advance(Duration.ofMinutes(6));
        assertEquals(Outcome.COMPLETED, poller.pollOnce().get(0).outcome(), context);

        List<DeletionNotice> published = feed.published();
        List<AuditRecord> audit = store.auditTrail(TENANT, Instant.EPOCH, Instant.MAX);
        assertEquals(published.size(), audit.size(), context);
        assertEquals(published.size(), audit.stream().map(AuditRecord::noticeId).distinct().count(), context);
        for (DeletionNotice notice : published) {
            assertEquals(1, handler.calls(notice.noticeId()), context + ": handler calls for " + notice.noticeId());
        }
        assertEquals(published.size(), listener.decidedIds().size(), context);
        assertEquals(published.size(), Set.copyOf(listener.decidedIds()).size(), context);
        assertTrue(listener.polls.stream().anyMatch(s -> s.outcome() == Outcome.FAILED), context + ": faults were injected");
        assertTrue(listener.polls.stream().anyMatch(s -> s.alreadyDecided() > 0), context + ": the overlap re-read decided notices");
        DeletionNotice last = feed.visible().get(feed.visible().size() - 1);
        assertEquals(position(last), store.watermark(TENANT).orElseThrow(), context);
    }

    @Test
    void aFailingHandlerIsRetriedThenParkedWithoutBlockingOthersAndDecidedOnALaterPoll() {
        FakeNoticeFeed feed = new FakeNoticeFeed(TENANT, clock);
        for (int i = 0; i < 20; i++) {
            feed.publish(T0.plusSeconds(i), Duration.ZERO);
        }
        clock.advance(Duration.ofMinutes(1));
        String failing = "dn-000005";
        CountingHandler handler = new CountingHandler().failFirst(failing, 4);
        DeletionNoticePoller poller = poller(handler, feed).handlerAttempts(3).pageSize(6).build();

        PollSummary first = poller.pollOnce().get(0);
        assertEquals(Outcome.COMPLETED, first.outcome());
        assertEquals(19, first.decided());
        assertEquals(1, first.parked());
        assertEquals(3, first.handlerFailures());
        assertEquals(3, handler.calls(failing));
        List<ParkedNotice> parked = store.parked(TENANT);
        assertEquals(1, parked.size());
        assertEquals(failing, parked.get(0).noticeId());
        assertEquals(3, parked.get(0).attempts());
        assertTrue(parked.get(0).lastError().contains("CRM unavailable, call 3"), parked.get(0).lastError());
        assertEquals(List.of(failing + "#1", failing + "#2", failing + "#3"), listener.handlerFailures);
        assertEquals(1, listener.parked.size());
        assertEquals("dn-000019", store.watermark(TENANT).orElseThrow().noticeId(), "the parked notice does not hold the watermark");
        assertCheckpointCoversOnlySettledNotices(feed, null, first, "after the first poll");

        PollSummary second = poller.pollOnce().get(0);
        assertEquals(4, handler.calls(failing), "one more call per poll, not one more per read");
        assertEquals(1, second.parked());
        assertEquals(4, store.parked(TENANT).get(0).attempts());
        assertEquals(failing + "#4", listener.handlerFailures.get(3));

        PollSummary third = poller.pollOnce().get(0);
        assertEquals(1, third.decided());
        assertEquals(5, handler.calls(failing));
        assertEquals(List.of(), store.parked(TENANT));
        assertTrue(store.decision(TENANT, failing).isPresent());
        assertEquals(20, store.auditTrail(TENANT, Instant.EPOCH, Instant.MAX).size());
        for (int i = 0; i < 20; i++) {
            String id = String.format("dn-%06d", i);
            if (!id.equals(failing)) {
                assertEquals(1, handler.calls(id), id);
            }
        }
    }

    @Test
    void aHandlerReturningNoDecisionCountsAsAFailure() {
        FakeNoticeFeed feed = new FakeNoticeFeed(TENANT, clock);
        feed.publishNow();
        clock.advance(Duration.ofSeconds(1));
        DeletionNoticePoller poller = poller(notice -> null, feed).handlerAttempts(2).build();

        PollSummary summary = poller.pollOnce().get(0);

        assertEquals(2, summary.handlerFailures());
        assertEquals(1, summary.parked());
        assertTrue(store.parked(TENANT).get(0).lastError().contains("no decision"));
    }

    @Test
    void aCloseDuringAPollLeavesTheCheckpointBeforeTheFirstNoticeNotHandedOver() {
        FakeNoticeFeed feed = new FakeNoticeFeed(TENANT, clock);
        for (int i = 0; i < 10; i++) {
            feed.publish(T0.plusSeconds(i), Duration.ZERO);
        }
        clock.advance(Duration.ofMinutes(1));
        DeletionNoticePoller[] self = new DeletionNoticePoller[1];
        CountingHandler handler = new CountingHandler() {
            @Override
            public Decision handle(DeletionNotice notice) throws Exception {
                if (notice.noticeId().equals("dn-000002")) {
                    self[0].close(); // from the polling thread: this notice finishes, no other starts
                }
                return super.handle(notice);
            }
        };
        self[0] = poller(handler, feed).build();

        PollSummary summary = self[0].pollOnce().get(0);

        assertEquals(Outcome.INCOMPLETE, summary.outcome());
        assertEquals(3, handler.totalCalls());
        assertEquals(3, store.auditTrail(TENANT, Instant.EPOCH, Instant.MAX).size());
        assertEquals("dn-000002", store.watermark(TENANT).orElseThrow().noticeId());
        Lease other = store.tryAcquireLease(TENANT, "someone-else", Duration.ofMinutes(1)).orElse(null);
        assertNotNull(other, "the lease was released as the poll ended");
        store.releaseLease(other);
        assertEquals(List.of(), store.parked(TENANT));
        assertCheckpointCoversOnlySettledNotices(feed, null, summary, "after close");

        DeletionNoticePoller restarted = poller(handler, feed).build();
        assertEquals(Outcome.COMPLETED, restarted.pollOnce().get(0).outcome());
        assertEquals(10, store.auditTrail(TENANT, Instant.EPOCH, Instant.MAX).size());
        for (int i = 0; i < 10; i++) {
            assertEquals(1, handler.calls(String.format("dn-%06d", i)));
        }
        restarted.close();
    }
}
