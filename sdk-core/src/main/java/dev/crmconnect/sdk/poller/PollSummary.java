package dev.crmconnect.sdk.poller;

import java.time.Duration;

/**
 * How one poll of one tenant went.
 *
 * @param tenant           the tenant
 * @param outcome          how the poll ended
 * @param pages            feed pages read
 * @param noticesRead      distinct notices read from the feed (the overlap's re-read included)
 * @param decided          decisions recorded by this poll, parked notices' included
 * @param alreadyDecided   notices read that already had a decision, so were not handed over
 * @param parked           notices parked, or parked again, by this poll
 * @param handlerFailures  handler calls that threw
 * @param watermark        the tenant's watermark after the poll; null if it was never advanced
 *                         or the poll did not run
 * @param lag              the longest a notice decided by this poll waited between its
 *                         publication and its decision; zero if none was decided
 * @param failure          why the poll failed, lost its lease or raised a compliance gap; null
 *                         otherwise
 */
public record PollSummary(String tenant, Outcome outcome, int pages, int noticesRead, int decided,
                          int alreadyDecided, int parked, int handlerFailures, Watermark watermark,
                          Duration lag, Throwable failure) {

    /** How a tenant's poll ended. */
    public enum Outcome {
        /** The feed was read to its end: the compliance clock was reset. */
        COMPLETED,
        /** Stopped early by {@link DeletionNoticePoller#close()} or the page limit; the next poll goes on. */
        INCOMPLETE,
        /** Another instance holds the tenant's lease; nothing was done. */
        SKIPPED_LEASE_HELD,
        /** An unacknowledged compliance gap stops the tenant; nothing was done. */
        SKIPPED_COMPLIANCE_GAP,
        /** The feed answered 410: a compliance gap was raised and the tenant stops. */
        COMPLIANCE_GAP_RAISED,
        /** Another instance took the tenant's lease during the poll; this instance let it go. */
        LEASE_LOST,
        /** The feed or the store failed; what was done before stays done, the next poll retries. */
        FAILED
    }

    /** The counts and the outcome; the failure's type only. */
    @Override
    public String toString() {
        return "PollSummary[tenant=" + tenant + ", outcome=" + outcome + ", pages=" + pages
                + ", noticesRead=" + noticesRead + ", decided=" + decided + ", alreadyDecided=" + alreadyDecided
                + ", parked=" + parked + ", handlerFailures=" + handlerFailures + ", watermark=" + watermark
                + ", lag=" + lag + (failure == null ? "" : ", failure=" + failure.getClass().getName()) + "]";
    }
}
