package dev.crmconnect.sdk.poller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmconnect.model.DeletionNotice;
import dev.crmconnect.sdk.poller.PollSummary.Outcome;
import dev.crmconnect.testsupport.MutableClock;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Feeds that misbehave, failures that stay with their tenant, the builder's checks, the audit trail. */
class PollerGuardsTest {

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

    DeletionNoticePoller.Builder poller(NoticeFeed... feeds) {
        return DeletionNoticePoller.builder()
                .feeds(List.of(feeds))
                .handler(new CountingHandler())
                .handlerId("test-handler-1.0")
                .checkpointStore(store)
                .listener(listener)
                .clock(clock);
    }

    static DeletionNotice notice(int number) {
        return DeletionNotice.builder().noticeId(String.format("dn-%06d", number))
                .member("urn:li:person:m" + number).publishedAt(T0.plusMillis(number)).build();
    }

    /** A feed that answers with whatever {@code pages} makes of the call's number. */
    record ScriptedFeed(String tenant, IntFunction<List<DeletionNotice>> pages, int[] calls)
            implements NoticeFeed {
        ScriptedFeed(String tenant, IntFunction<List<DeletionNotice>> pages) {
            this(tenant, pages, new int[1]);
        }

        @Override
        public List<DeletionNotice> fetch(Instant publishedAfter, int start, int count) {
            return pages.apply(calls[0]++);
        }
    }

    @Test
    void aFeedThatRepeatsAFullPageForeverFailsThePollAfterOneRepeat() {
        List<DeletionNotice> page = List.of(notice(1), notice(2), notice(3));
        ScriptedFeed feed = new ScriptedFeed(TENANT, call -> page);
        PollSummary summary = poller(feed).pageSize(3).build().pollOnce().get(0);

        assertEquals(Outcome.FAILED, summary.outcome());
        assertTrue(summary.failure().getMessage().contains("no progress"), summary.failure().getMessage());
        assertEquals(2, summary.pages());
        assertEquals(3, summary.decided(), "the first page was decided before the repeat was seen");
        assertEquals("dn-000003", store.watermark(TENANT).orElseThrow().noticeId());
        assertTrue(store.lastSuccessfulPoll(TENANT).isEmpty(), "not read to its end");
        assertEquals(1, listener.pollFailures.size());
    }

    @Test
    void aFeedThatNeverEndsStopsAtThePageLimitAndTheNextPollGoesOn() {
        ScriptedFeed feed = new ScriptedFeed(TENANT, call -> List.of(notice(2 * call), notice(2 * call + 1)));
        DeletionNoticePoller poller = poller(feed).pageSize(2).maxPagesPerPoll(5).build();

        PollSummary first = poller.pollOnce().get(0);
        assertEquals(Outcome.INCOMPLETE, first.outcome());
        assertEquals(5, first.pages());
        assertEquals(10, first.decided());
        assertEquals("dn-000009", first.watermark().noticeId());
        assertTrue(store.lastSuccessfulPoll(TENANT).isEmpty());

        assertEquals(10, poller.pollOnce().get(0).decided());
        assertEquals("dn-000019", store.watermark(TENANT).orElseThrow().noticeId());
    }

    @Test
    void oneTenantsFailuresNeverStopTheOthers() {
        FakeNoticeFeed broken = new FakeNoticeFeed(TENANT, clock).faults(3, 1.0);
        FakeNoticeFeed healthy = new FakeNoticeFeed(OTHER_TENANT, clock, "ok-");
        broken.publishNow();
        healthy.publishNow();
        healthy.publishNow();
        clock.advance(Duration.ofSeconds(1));
        NoticeFeed nullPages = new ScriptedFeed("urn:li:organization:3003", call -> null);

        List<PollSummary> summaries = poller(broken, nullPages, healthy).build().pollOnce();

        assertEquals(List.of(Outcome.FAILED, Outcome.FAILED, Outcome.COMPLETED),
                summaries.stream().map(PollSummary::outcome).toList());
        assertEquals(2, summaries.get(2).decided());
        assertEquals(2, listener.pollFailures.size());
        assertEquals(3, listener.polls.size());
    }

    @Test
    void aListenerThatThrowsChangesNothing() {
        FakeNoticeFeed feed = new FakeNoticeFeed(TENANT, clock);
        feed.publishNow();
        feed.publishNow();
        clock.advance(Duration.ofSeconds(1));
        PollerListener throwing = new PollerListener() {
            @Override
            public void noticeDecided(AuditRecord record) {
                throw new IllegalStateException("metrics backend down");
            }

            @Override
            public void pollCompleted(PollSummary summary) {
                throw new IllegalStateException("metrics backend down");
            }
        };
        PollSummary summary = poller(feed).listener(throwing).build().pollOnce().get(0);

        assertEquals(Outcome.COMPLETED, summary.outcome());
        assertEquals(2, store.auditTrail(TENANT, Instant.EPOCH, Instant.MAX).size());
    }

    @Test
    void theAuditTrailHoldsOneRecordPerDecisionAndExportsAsJsonLines() throws Exception {
        FakeNoticeFeed feed = new FakeNoticeFeed(TENANT, clock);
        for (int i = 0; i < 3; i++) {
            feed.publishNow();
        }
        clock.advance(Duration.ofSeconds(1));
        NoticeHandler handler = notice -> notice.noticeId().endsWith("1")
                ? Decision.retain(RetentionReason.LEGAL_OBLIGATION, "open employment dispute")
                : Decision.delete("contact, 2 notes, 1 application");
        DeletionNoticePoller poller = poller(feed).handler(handler).handlerId("purge-job-2.3.1").build();
        poller.pollOnce();

        List<AuditRecord> trail = poller.auditTrail(TENANT, T0, clock.instant().plusMillis(1));
        assertEquals(3, trail.size());
        AuditRecord retained = trail.get(1);
        assertEquals("dn-000001", retained.noticeId());
        assertEquals("urn:li:person:m1", retained.member());
        assertEquals(RetentionReason.LEGAL_OBLIGATION, retained.decision().reason());
        assertEquals("purge-job-2.3.1", retained.handlerId());
        assertEquals(clock.instant(), retained.decidedAt());
        assertEquals(List.of(), poller.auditTrail(TENANT, T0, clock.instant()), "to is exclusive");

        StringWriter out = new StringWriter();
        poller.exportAuditTrail(TENANT, T0, clock.instant().plusMillis(1), out);
        List<String> lines = out.toString().lines().toList();
        assertEquals(3, lines.size());
        assertTrue(lines.get(1).contains("\"reason\":\"LEGAL_OBLIGATION\""), lines.get(1));
        assertTrue(lines.get(1).contains("\"handlerId\":\"purge-job-2.3.1\""), lines.get(1));
    }

    @Test
    void theBuilderNamesWhatIsMissingOrWrong() {
        FakeNoticeFeed feed = new FakeNoticeFeed(TENANT, clock);
        assertBuildFails(DeletionNoticePoller.builder().handler(n -> null).handlerId("h").checkpointStore(store),
                "feeds: must hold at least one feed");
        assertBuildFails(poller(feed).handler(null), "handler: is required");
        assertBuildFails(poller(feed).handlerId(" "), "handlerId: is required");
        assertBuildFails(poller(feed).checkpointStore(null), "checkpointStore: is required");
        assertBuildFails(poller(feed, new FakeNoticeFeed(TENANT, clock)), "feeds[1].tenant: must differ from every other feed's tenant");
        assertBuildFails(poller(feed).overlap(Duration.ofMinutes(5)), "overlap: must be longer than the feed's publication lag");
        assertBuildFails(poller(feed).pageSize(101), "pageSize: must be between 1 and 100");
        assertBuildFails(poller(feed).pageSize(0), "pageSize: must be between 1 and 100");
        assertBuildFails(poller(feed).handlerAttempts(0), "handlerAttempts: must be at least 1");
        assertBuildFails(poller(feed).handlerBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)),
                "handlerBackoff.max: must not be shorter");
        assertBuildFails(poller(feed).interval(Duration.ZERO), "interval: must be positive");
        assertBuildFails(poller(feed).leaseTtl(Duration.ofSeconds(-1)), "leaseTtl: must be positive");
        assertBuildFails(poller(feed).complianceThresholds(Duration.ofDays(7), Duration.ofDays(7)),
                "complianceThresholds.error: must be longer");
        assertBuildFails(poller(feed).maxPagesPerPoll(0), "maxPagesPerPoll: must be at least 1");
        assertBuildFails(poller(feed).ownerId(null), "ownerId: is required");
        assertEquals(List.of(TENANT), poller(feed).build().tenants());
    }

    @Test
    void theBuilderNamesEveryInvalidSettingAtOnce() {
        FakeNoticeFeed feed = new FakeNoticeFeed(TENANT, clock);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> poller(feed)
                .handlerId(null).pageSize(0).leaseTtl(Duration.ZERO).feedRetention(Duration.ofHours(1)).build());
        assertEquals("invalid DeletionNoticePoller configuration: handlerId: is required; pageSize: must be between"
                + " 1 and 100; leaseTtl: must be positive; feedRetention: must be at least 1 day", e.getMessage());
    }

    static void assertBuildFails(DeletionNoticePoller.Builder builder, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
        assertTrue(e.getMessage().startsWith("invalid DeletionNoticePoller configuration: " + message), e.getMessage());
    }
}
