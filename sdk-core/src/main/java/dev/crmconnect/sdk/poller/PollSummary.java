package dev.crmconnect.sdk.poller;

import dev.crmconnect.model.internal.Check;
import java.time.Duration;

/**
 * How one poll of one tenant went: its outcome, what it counted, where it left the watermark.
 * Made by the poller; {@link #builder} makes one to test a {@link PollerListener} with.
 */
public final class PollSummary {

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

    private final String tenant;
    private final Outcome outcome;
    private final int pages;
    private final int noticesRead;
    private final int decided;
    private final int alreadyDecided;
    private final int parked;
    private final int handlerFailures;
    private final Watermark watermark;
    private final Duration lag;
    private final Throwable failure;

    private PollSummary(Builder builder) {
        this.tenant = Check.required("tenant", builder.tenant);
        this.outcome = Check.required("outcome", builder.outcome);
        this.pages = builder.pages;
        this.noticesRead = builder.noticesRead;
        this.decided = builder.decided;
        this.alreadyDecided = builder.alreadyDecided;
        this.parked = builder.parked;
        this.handlerFailures = builder.handlerFailures;
        this.watermark = builder.watermark;
        this.lag = Check.required("lag", builder.lag);
        this.failure = builder.failure;
    }

    /**
     * A builder of a summary of the tenant's poll; every count starts at zero.
     *
     * @param tenant the tenant polled
     * @param outcome how the poll ended
     * @return a new builder
     */
    public static Builder builder(String tenant, Outcome outcome) {
        return new Builder(tenant, outcome);
    }

    /**
     * The tenant polled.
     *
     * @return the tenant, as its feed names it
     */
    public String tenant() {
        return tenant;
    }

    /**
     * How the poll ended.
     *
     * @return the outcome
     */
    public Outcome outcome() {
        return outcome;
    }

    /**
     * Feed pages read.
     *
     * @return the pages read by this poll
     */
    public int pages() {
        return pages;
    }

    /**
     * Distinct notices read from the feed, the overlap's re-read included.
     *
     * @return the notices read by this poll
     */
    public int noticesRead() {
        return noticesRead;
    }

    /**
     * Decisions recorded by this poll, parked notices' included.
     *
     * @return the decisions recorded now
     */
    public int decided() {
        return decided;
    }

    /**
     * Notices read that already had a decision, so were not handed over.
     *
     * @return the notices skipped as decided before
     */
    public int alreadyDecided() {
        return alreadyDecided;
    }

    /**
     * Notices parked, or parked again, by this poll.
     *
     * @return the notices parked now
     */
    public int parked() {
        return parked;
    }

    /**
     * Handler calls that threw.
     *
     * @return the failed handler calls of this poll
     */
    public int handlerFailures() {
        return handlerFailures;
    }

    /**
     * The tenant's watermark after the poll.
     *
     * @return the watermark; null if it was never advanced or the poll did not run
     */
    public Watermark watermark() {
        return watermark;
    }

    /**
     * The longest a notice decided by this poll waited between its publication and its decision.
     *
     * @return the lag; zero if no notice was decided
     */
    public Duration lag() {
        return lag;
    }

    /**
     * Why the poll failed, lost its lease or raised a compliance gap.
     *
     * @return the failure; null otherwise
     */
    public Throwable failure() {
        return failure;
    }

    /** The counts and the outcome; the failure's type only. */
    @Override
    public String toString() {
        return "PollSummary[tenant=" + tenant + ", outcome=" + outcome + ", pages=" + pages
                + ", noticesRead=" + noticesRead + ", decided=" + decided + ", alreadyDecided=" + alreadyDecided
                + ", parked=" + parked + ", handlerFailures=" + handlerFailures + ", watermark=" + watermark
                + ", lag=" + lag + (failure == null ? "" : ", failure=" + failure.getClass().getName()) + "]";
    }

    /** Builds a {@link PollSummary}; every count starts at zero, the lag at zero, the rest absent. */
    public static final class Builder {
        private final String tenant;
        private final Outcome outcome;
        private int pages;
        private int noticesRead;
        private int decided;
        private int alreadyDecided;
        private int parked;
        private int handlerFailures;
        private Watermark watermark;
        private Duration lag = Duration.ZERO;
        private Throwable failure;

        private Builder(String tenant, Outcome outcome) {
            this.tenant = tenant;
            this.outcome = outcome;
        }

        /**
         * Sets the feed pages read.
         *
         * @param pages the pages read
         * @return this builder
         */
        public Builder pages(int pages) {
            this.pages = pages;
            return this;
        }

        /**
         * Sets the distinct notices read.
         *
         * @param noticesRead the notices read
         * @return this builder
         */
        public Builder noticesRead(int noticesRead) {
            this.noticesRead = noticesRead;
            return this;
        }

        /**
         * Sets the decisions recorded.
         *
         * @param decided the decisions recorded by the poll
         * @return this builder
         */
        public Builder decided(int decided) {
            this.decided = decided;
            return this;
        }

        /**
         * Sets the notices read that already had a decision.
         *
         * @param alreadyDecided the notices decided before
         * @return this builder
         */
        public Builder alreadyDecided(int alreadyDecided) {
            this.alreadyDecided = alreadyDecided;
            return this;
        }

        /**
         * Sets the notices parked.
         *
         * @param parked the notices parked by the poll
         * @return this builder
         */
        public Builder parked(int parked) {
            this.parked = parked;
            return this;
        }

        /**
         * Sets the handler calls that threw.
         *
         * @param handlerFailures the failed handler calls
         * @return this builder
         */
        public Builder handlerFailures(int handlerFailures) {
            this.handlerFailures = handlerFailures;
            return this;
        }

        /**
         * Sets the watermark after the poll.
         *
         * @param watermark the watermark, or null if none
         * @return this builder
         */
        public Builder watermark(Watermark watermark) {
            this.watermark = watermark;
            return this;
        }

        /**
         * Sets the longest wait of a decided notice.
         *
         * @param lag the lag; not null
         * @return this builder
         */
        public Builder lag(Duration lag) {
            this.lag = lag;
            return this;
        }

        /**
         * Sets why the poll failed.
         *
         * @param failure the failure, or null if none
         * @return this builder
         */
        public Builder failure(Throwable failure) {
            this.failure = failure;
            return this;
        }

        /**
         * Builds the summary.
         *
         * @return a new summary
         * @throws IllegalArgumentException if the tenant, the outcome or the lag is missing
         */
        public PollSummary build() {
            return new PollSummary(this);
        }
    }
}
