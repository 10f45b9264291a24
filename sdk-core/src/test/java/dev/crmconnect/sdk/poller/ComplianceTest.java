package dev.crmconnect.sdk.poller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmconnect.sdk.exception.ComplianceGapException;
import dev.crmconnect.sdk.poller.ComplianceStatus.Level;
import dev.crmconnect.sdk.poller.PollSummary.Outcome;
import dev.crmconnect.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Compliance gaps (410 from the feed) and the compliance clock, on a clock the test moves. */
class ComplianceTest {

    static final String TENANT = "urn:li:organization:1001";
    static final String OTHER_TENANT = "urn:li:organization:2002";
    static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    /** Where a read starts when it begins at the feed's edge: its retention, less a quarter hour. */
    static final Duration EDGE = FakeNoticeFeed.RETENTION.minusMinutes(15);

    final MutableClock clock = new MutableClock(T0);
    final CheckpointStore store = CheckpointStore.inMemory();
    final RecordingListener listener = new RecordingListener();
    final CountingHandler handler = new CountingHandler();
    final FakeNoticeFeed feed = new FakeNoticeFeed(TENANT, clock);
    final FakeNoticeFeed otherFeed = new FakeNoticeFeed(OTHER_TENANT, clock, "other-");

    @AfterEach
    void closeStore() {
        store.close();
    }

    DeletionNoticePoller poller() {
        return DeletionNoticePoller.builder()
                .feed(feed)
                .feed(otherFeed)
                .handler(handler)
                .handlerId("test-handler-1.0")
                .checkpointStore(store)
                .listener(listener)
                .clock(clock)
                .build();
    }

    static PollSummary of(List<PollSummary> summaries, String tenant) {
        return summaries.stream().filter(s -> s.tenant().equals(tenant)).findFirst().orElseThrow();
    }

    @Test
    void a410RaisesTheGapAndStopsThatTenantWhileOthersGoOnUntilAcknowledged() {
        DeletionNoticePoller poller = poller();
        feed.publishNow();
        otherFeed.publishNow();
        clock.advance(Duration.ofMinutes(1));
        poller.pollOnce();
        feed.gone(true);
        feed.publishNow();
        otherFeed.publishNow();
        clock.advance(Duration.ofMinutes(1));

        List<PollSummary> raised = poller.pollOnce();

        assertEquals(Outcome.COMPLIANCE_GAP_RAISED, of(raised, TENANT).outcome());
        assertTrue(of(raised, TENANT).failure() instanceof ComplianceGapException);
        assertEquals(Outcome.COMPLETED, of(raised, OTHER_TENANT).outcome());
        assertEquals(List.of(TENANT), listener.gaps);
        ComplianceGap gap = poller.complianceGap(TENANT).orElseThrow();
        assertFalse(gap.acknowledged());
        assertEquals(clock.instant(), gap.raisedAt());
        assertTrue(gap.detail().contains("410"), gap.detail());
        assertEquals(2, store.auditTrail(OTHER_TENANT, Instant.EPOCH, Instant.MAX).size());
        assertEquals(1, store.auditTrail(TENANT, Instant.EPOCH, Instant.MAX).size());

        feed.gone(false); // the tenant stays stopped though the feed answers again: an operator must look
        int fetches = feed.fetches();
        otherFeed.publishNow();
        clock.advance(Duration.ofMinutes(1));
        List<PollSummary> stopped = poller.pollOnce();
        assertEquals(Outcome.SKIPPED_COMPLIANCE_GAP, of(stopped, TENANT).outcome());
        assertEquals(fetches, feed.fetches(), "the stopped tenant's feed is not read");
        assertEquals(Outcome.COMPLETED, of(stopped, OTHER_TENANT).outcome());
        assertEquals(1, listener.gaps.size(), "raised once");
        assertEquals(1, store.auditTrail(TENANT, Instant.EPOCH, Instant.MAX).size());

        assertTrue(poller.acknowledgeComplianceGap(TENANT, "dpo@example.com"));
        assertFalse(poller.acknowledgeComplianceGap(TENANT, "dpo@example.com"));
        assertEquals("dpo@example.com", poller.complianceGap(TENANT).orElseThrow().acknowledgedBy());
        clock.advance(Duration.ofMinutes(1));
        List<PollSummary> resumed = poller.pollOnce();

        assertEquals(Outcome.COMPLETED, of(resumed, TENANT).outcome());
        assertEquals(T0.minus(Duration.ofMinutes(10)), feed.askedFrom().get(feed.askedFrom().size() - 1),
                "the feed still holds the watermark's overlap: the read starts there");
        assertEquals(2, store.auditTrail(TENANT, Instant.EPOCH, Instant.MAX).size());
        assertEquals(1, of(resumed, TENANT).alreadyDecided(), "the notice decided before the gap is not handed over again ");
        assertEquals(1, handler.calls("dn-000000"));
        assertEquals(1, listener.gaps.size());
    }

    @Test
    void aPollerDownLongerThanTheRetentionGetsAGapNotASilentSkip() {
        DeletionNoticePoller poller = poller();
        feed.publishNow();
        clock.advance(Duration.ofMinutes(1));
        assertEquals(Outcome.COMPLETED, of(poller.pollOnce(), TENANT).outcome());

        clock.advance(Duration.ofDays(31));
        List<PollSummary> summaries = poller.pollOnce();

        assertEquals(Outcome.COMPLIANCE_GAP_RAISED, of(summaries, TENANT).outcome());
        // Tenants are polled at once: the listener hears of them in either order.
        assertEquals(java.util.Set.of(TENANT, OTHER_TENANT), java.util.Set.copyOf(listener.gaps),
                "the other tenant had never found a notice, but was polled 31 days ago: a gap too");
    }

    @Test
    void afterAGapOfExpiredNoticesIsAcknowledgedTheReadStartsAtTheOldestNoticesTheFeedHolds() {
        DeletionNoticePoller poller = poller();
        feed.publishNow();
        clock.advance(Duration.ofMinutes(1));
        poller.pollOnce();
        clock.advance(Duration.ofDays(40));
        feed.publish(clock.instant().minus(Duration.ofDays(35)), Duration.ZERO); // expired unread: the gap
        feed.publish(clock.instant().minus(Duration.ofDays(25)), Duration.ZERO);
        feed.publishNow();
        clock.advance(Duration.ofMinutes(1));
        assertEquals(Outcome.COMPLIANCE_GAP_RAISED, of(poller.pollOnce(), TENANT).outcome());
        assertEquals(Outcome.SKIPPED_COMPLIANCE_GAP, of(poller.pollOnce(), TENANT).outcome());

        assertTrue(poller.acknowledgeComplianceGap(TENANT, "operator-7"));
        clock.advance(Duration.ofMinutes(1));
        PollSummary resumed = of(poller.pollOnce(), TENANT);

        assertEquals(Outcome.COMPLETED, resumed.outcome());
        assertEquals(clock.instant().minus(EDGE), feed.askedFrom().get(feed.askedFrom().size() - 1));
        assertEquals(2, resumed.decided(), "both notices the feed still holds");
        assertTrue(store.decision(TENANT, "dn-000002").isPresent());
        assertFalse(store.decision(TENANT, "dn-000001").isPresent(), "expired: what the acknowledged gap covers");

        clock.advance(Duration.ofMinutes(1));
        assertEquals(Outcome.COMPLETED, of(poller.pollOnce(), TENANT).outcome(), "no new gap");
        // Tenants are polled at once: the listener hears of their gaps in either order, once each.
        assertEquals(2, listener.gaps.size());
        assertEquals(java.util.Set.of(TENANT, OTHER_TENANT), java.util.Set.copyOf(listener.gaps));
    }

    @Test
    void aQuietFeedPolledRegularlyNeverRaisesAGapThoughItsWatermarkIsOld() {
        DeletionNoticePoller poller = poller();
        feed.publishNow();
        clock.advance(Duration.ofMinutes(1));
        for (int day = 0; day < 40; day++) {
            List<PollSummary> summaries = poller.pollOnce();
            assertEquals(Outcome.COMPLETED, of(summaries, TENANT).outcome(), "day " + day);
            assertEquals(Outcome.COMPLETED, of(summaries, OTHER_TENANT).outcome(), "day " + day);
            clock.advance(Duration.ofDays(1));
        }
        feed.publishNow();
        clock.advance(Duration.ofMinutes(1));
        assertEquals(1, of(poller.pollOnce(), TENANT).decided());
        assertEquals(List.of(), listener.gaps);
        assertEquals(2, store.auditTrail(TENANT, Instant.EPOCH, Instant.MAX).size());
    }

    @Test
    void aNewTenantReadsEverythingTheFeedStillHolds() {
        feed.publish(T0.minus(Duration.ofDays(20)), Duration.ZERO);
        feed.publish(T0.minus(Duration.ofDays(29)), Duration.ZERO);
        DeletionNoticePoller poller = poller();

        PollSummary summary = of(poller.pollOnce(), TENANT);

        assertEquals(Outcome.COMPLETED, summary.outcome());
        assertEquals(2, summary.decided());
        assertEquals(T0.minus(EDGE), feed.askedFrom().get(0));
    }

    @Test
    void theComplianceClockWarnsAfterSevenDaysAndErrsAfterThirty() {
        DeletionNoticePoller poller = poller();
        assertEquals(Level.WARNING, poller.complianceStatus(TENANT).level(), "never polled");
        assertNull(poller.complianceStatus(TENANT).lastSuccessfulPoll());

        poller.pollOnce();
        assertEquals(Level.OK, poller.complianceStatus(TENANT).level());
        assertEquals(T0, poller.complianceStatus(TENANT).lastSuccessfulPoll());
        assertEquals(List.of(), listener.warnings);

        feed.faults(1, 1.0); // every read fails from now on
        otherFeed.faults(2, 1.0);
        clock.advance(Duration.ofDays(7));
        poller.pollOnce();
        assertEquals(Level.OK, poller.complianceStatus(TENANT).level(), "exactly 7 days is not past the threshold");
        assertEquals(List.of(), listener.warnings);

        clock.advance(Duration.ofMinutes(1));
        poller.pollOnce();
        ComplianceStatus warning = poller.complianceStatus(TENANT);
        assertEquals(Level.WARNING, warning.level());
        assertEquals(Duration.ofDays(7).plusMinutes(1), warning.sinceLastSuccessfulPoll());
        assertEquals(2, listener.warnings.size(), "one per tenant on this tick");
        // Tenants are polled at once: the listener hears of them in either order.
        assertEquals(java.util.Set.of(TENANT, OTHER_TENANT),
                listener.warnings.stream().map(ComplianceStatus::tenant).collect(java.util.stream.Collectors.toSet()));
        clock.advance(Duration.ofDays(1));
        poller.pollOnce();
        assertEquals(4, listener.warnings.size(), "the warning is repeated on each tick");

        clock.advance(Duration.ofDays(22));
        poller.pollOnce();
        assertEquals(Level.ERROR, poller.complianceStatus(TENANT).level());
        assertEquals(2, listener.errors.size());
        assertEquals(4, listener.warnings.size(), "an error is not also a warning");
        // Tenants are polled at once: the listener hears of them in either order.
        assertEquals(java.util.Set.of(TENANT, OTHER_TENANT), java.util.Set.copyOf(listener.gaps), "past 30 days the feed answers 410");
    }

    @Test
    void theThresholdsCanBeSet() {
        DeletionNoticePoller poller = DeletionNoticePoller.builder().feed(feed).handler(handler).handlerId("h")
                .checkpointStore(store).clock(clock)
                .complianceThresholds(Duration.ofHours(1), Duration.ofHours(2)).build();
        poller.pollOnce();
        clock.advance(Duration.ofMinutes(61));
        assertEquals(Level.WARNING, poller.complianceStatus(TENANT).level());
        clock.advance(Duration.ofMinutes(60));
        assertEquals(Level.ERROR, poller.complianceStatus(TENANT).level());
    }
}
