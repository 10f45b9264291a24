package dev.crmconnect.sdk.internal.poller;

import dev.crmconnect.sdk.poller.ComplianceGap;
import dev.crmconnect.sdk.poller.Watermark;
import java.time.Duration;
import java.time.Instant;

/**
 * Where a tenant's read of the feed starts: the overlap before the watermark, unless that is older
 * than the oldest notice the feed still holds and the poller knows nothing can be missed there.
 * Otherwise the old position is asked for and the feed's 410 raises a compliance gap: never a
 * silent skip.
 */
final class ReadStart {

    /**
     * Kept from the feed's retention edge, so that clocks that disagree a little do not get a 410:
     * the oldest quarter hour the feed holds is not read when the poller starts from the edge.
     */
    static final Duration RETENTION_MARGIN = Duration.ofMinutes(15);

    private ReadStart() {
    }

    /**
     * The {@code publishedAfter} of the read's first page.
     *
     * @param watermark          the tenant's watermark; null if never advanced
     * @param lastSuccessfulPoll when its feed was last read to the end; null if never
     * @param gap                its latest compliance gap; null if none, never unacknowledged here
     */
    static Instant of(Watermark watermark, Instant lastSuccessfulPoll, ComplianceGap gap, Instant now,
                      Duration overlap, Duration retention) {
        Instant oldestAvailable = now.minus(retention).plus(RETENTION_MARGIN);
        if (watermark != null && !watermark.publishedAt().minus(overlap).isBefore(oldestAvailable)) {
            return watermark.publishedAt().minus(overlap);
        }
        // The watermark is absent or older than the feed's edge.
        boolean neverRead = watermark == null && lastSuccessfulPoll == null;
        // Read to its end recently: every notice after the watermark is newer than the edge.
        boolean readToEndRecently = lastSuccessfulPoll != null
                && !lastSuccessfulPoll.minus(overlap).isBefore(oldestAvailable);
        // An operator acknowledged the gap and no read has succeeded since: resume from the edge.
        boolean gapAccepted = gap != null && gap.acknowledged()
                && (lastSuccessfulPoll == null || lastSuccessfulPoll.isBefore(gap.acknowledgedAt()));
        if (neverRead || readToEndRecently || gapAccepted) {
            return oldestAvailable;
        }
        // Notices may have expired unread: ask for them, and the feed's 410 raises the gap.
        return watermark != null ? watermark.publishedAt().minus(overlap) : lastSuccessfulPoll.minus(overlap);
    }
}
