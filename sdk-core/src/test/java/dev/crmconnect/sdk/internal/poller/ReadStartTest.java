package dev.crmconnect.sdk.internal.poller;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crmconnect.model.DeletionNotice;
import dev.crmconnect.sdk.poller.CheckpointStore;
import dev.crmconnect.sdk.poller.ComplianceGap;
import dev.crmconnect.sdk.poller.Decision;
import dev.crmconnect.sdk.poller.NoticeFeed;
import dev.crmconnect.sdk.poller.Watermark;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadStartTest {

    static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");
    static final Duration OVERLAP = Duration.ofMinutes(10);
    static final Duration RETENTION = Duration.ofDays(30);
    static final Instant EDGE = NOW.minus(RETENTION).plus(ReadStart.RETENTION_MARGIN);

    static Instant start(Watermark watermark, Instant lastSuccessfulPoll, ComplianceGap gap) {
        return ReadStart.of(watermark, lastSuccessfulPoll, gap, NOW, OVERLAP, RETENTION);
    }

    static Watermark at(Instant publishedAt) {
        return new Watermark(publishedAt, "dn-1");
    }

    @Test
    void aRecentWatermarkIsReadFromTheOverlapBeforeIt() {
        Instant w = NOW.minus(Duration.ofHours(3));
        assertEquals(w.minus(OVERLAP), start(at(w), null, null));
        assertEquals(w.minus(OVERLAP), start(at(w), NOW.minus(Duration.ofDays(40)), null));
    }

    @Test
    void aTenantNeverReadStartsAtTheFeedsEdge() {
        assertEquals(EDGE, start(null, null, null));
    }

    @Test
    void anOldWatermarkOfAFeedReadRecentlyStartsAtTheEdge() {
        assertEquals(EDGE, start(at(NOW.minus(Duration.ofDays(45))), NOW.minus(Duration.ofMinutes(2)), null));
        assertEquals(EDGE, start(null, NOW.minus(Duration.ofMinutes(2)), null));
    }

    @Test
    void anOldWatermarkNotReadSinceAsksForTheOldPositionSoTheFeedAnswers410() {
        Instant w = NOW.minus(Duration.ofDays(45));
        assertEquals(w.minus(OVERLAP), start(at(w), NOW.minus(Duration.ofDays(31)), null));
        assertEquals(w.minus(OVERLAP), start(at(w), null, null));
        Instant lastRead = NOW.minus(Duration.ofDays(31));
        assertEquals(lastRead.minus(OVERLAP), start(null, lastRead, null));
    }

    @Test
    void anAcknowledgedGapResumesFromTheEdgeUntilAReadSucceeds() {
        Instant w = NOW.minus(Duration.ofDays(45));
        Instant lastRead = NOW.minus(Duration.ofDays(40));
        ComplianceGap acknowledged = ComplianceGap.raised(NOW.minus(Duration.ofDays(1)), "410")
                .acknowledge(NOW.minus(Duration.ofHours(1)), "operator");
        assertEquals(EDGE, start(at(w), lastRead, acknowledged));
        assertEquals(EDGE, start(at(w), null, acknowledged));
        ComplianceGap acknowledgedBeforeTheLastRead = ComplianceGap.raised(NOW.minus(Duration.ofDays(42)), "410")
                .acknowledge(NOW.minus(Duration.ofDays(41)), "operator");
        assertEquals(w.minus(OVERLAP), start(at(w), lastRead, acknowledgedBeforeTheLastRead),
                "an old acknowledgement does not excuse a new gap");
    }

    @Test
    void theHandlerBackoffDoublesUpToItsCap() {
        PollerSettings settings = PollerSettings.builder().feed(new EmptyFeed()).handler(notice -> Decision.delete("x"))
                .handlerId("h").store(CheckpointStore.inMemory())
                .handlerBackoff(Duration.ofMillis(100), Duration.ofMillis(500)).build();
        HandlerCalls calls = new HandlerCalls(settings, new StopSignal());
        assertEquals(Duration.ofMillis(100), calls.backoff(1));
        assertEquals(Duration.ofMillis(200), calls.backoff(2));
        assertEquals(Duration.ofMillis(400), calls.backoff(3));
        assertEquals(Duration.ofMillis(500), calls.backoff(4));
        assertEquals(Duration.ofMillis(500), calls.backoff(40));
    }

    /** A feed with no notices: the settings need one. */
    private static final class EmptyFeed implements NoticeFeed {
        @Override
        public String tenant() {
            return "urn:li:organization:1";
        }

        @Override
        public List<DeletionNotice> fetch(Instant publishedAfter, int start, int count) {
            return List.of();
        }
    }
}
