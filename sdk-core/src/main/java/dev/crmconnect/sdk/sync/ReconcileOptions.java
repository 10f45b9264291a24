package dev.crmconnect.sdk.sync;

import dev.crmconnect.model.internal.Check;
import dev.crmconnect.sdk.CrmConnectClient;
import dev.crmconnect.sdk.RequestOptions;
import dev.crmconnect.sdk.Throttle;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How a reconcile runs: whether the input is a full snapshot and whether to delete what it
 * lacks, the cap on deletions, batching, and where progress goes. Immutable.
 */
public final class ReconcileOptions {

    /** The default largest share of a resource's entries a run deletes without confirmation: 2%. */
    public static final double DEFAULT_MAX_DELETED_SHARE = 0.02;

    private static final ReconcileOptions DEFAULTS = builder().build();

    private final boolean fullSnapshot;
    private final boolean deleteMissing;
    private final double maxDeletedShare;
    private final long confirmedDeletions;
    private final long expectedRecords;
    private final int recordsPerMinute;
    private final int batchSize;
    private final int batchesInFlight;
    private final Consumer<ReconcileProgress> onProgress;
    private final RequestOptions requestOptions;

    private ReconcileOptions(Builder b) {
        this.fullSnapshot = b.fullSnapshot;
        this.deleteMissing = b.deleteMissing;
        this.maxDeletedShare = b.maxDeletedShare;
        this.confirmedDeletions = b.confirmedDeletions;
        this.expectedRecords = b.expectedRecords;
        this.recordsPerMinute = b.recordsPerMinute;
        this.batchSize = b.batchSize;
        this.batchesInFlight = b.batchesInFlight;
        this.onProgress = b.onProgress;
        this.requestOptions = b.requestOptions;
    }

    /**
     * Send new and changed records, skip unchanged ones, delete nothing.
     *
     * @return the shared default options
     */
    public static ReconcileOptions defaults() {
        return DEFAULTS;
    }

    /**
     * A builder with the defaults set.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    boolean fullSnapshot() {
        return fullSnapshot;
    }

    boolean deleteMissing() {
        return deleteMissing;
    }

    double maxDeletedShare() {
        return maxDeletedShare;
    }

    long confirmedDeletions() {
        return confirmedDeletions;
    }

    long expectedRecords() {
        return expectedRecords;
    }

    int recordsPerMinute() {
        return recordsPerMinute;
    }

    int batchSize() {
        return batchSize;
    }

    int batchesInFlight() {
        return batchesInFlight;
    }

    Consumer<ReconcileProgress> onProgress() {
        return onProgress;
    }

    RequestOptions requestOptions() {
        return requestOptions;
    }

    @Override
    public String toString() {
        return "ReconcileOptions[fullSnapshot=" + fullSnapshot + ", deleteMissing=" + deleteMissing
                + ", maxDeletedShare=" + maxDeletedShare + ", confirmedDeletions=" + confirmedDeletions
                + ", batchSize=" + batchSize + ", batchesInFlight=" + batchesInFlight + "]";
    }

    /** Builds {@link ReconcileOptions}; every setting is checked when it is set. */
    public static final class Builder {

        private boolean fullSnapshot;
        private boolean deleteMissing;
        private double maxDeletedShare = DEFAULT_MAX_DELETED_SHARE;
        private long confirmedDeletions = -1;
        private long expectedRecords;
        private int recordsPerMinute = Throttle.DEFAULT_RECORDS_PER_MINUTE;
        private int batchSize = CrmConnectClient.MAX_BATCH_SIZE;
        private int batchesInFlight = CrmConnectClient.DEFAULT_BATCHES_IN_FLIGHT;
        private Consumer<ReconcileProgress> onProgress = progress -> { };
        private RequestOptions requestOptions = RequestOptions.defaults();

        private Builder() {
        }

        /**
         * Whether the input is every record the CRM holds for the resource. A full snapshot reports
         * in {@link ReconcileResult#missing()} the records LinkedIn holds that it lacks; it deletes
         * them only with {@link #deleteMissing(boolean)}. Default false.
         *
         * @param fullSnapshot true when the input is complete
         * @return this builder
         */
        public Builder fullSnapshot(boolean fullSnapshot) {
            this.fullSnapshot = fullSnapshot;
            if (!fullSnapshot) {
                deleteMissing = false;
            }
            return this;
        }

        /**
         * Opts in to deleting at LinkedIn the records a full snapshot lacks (and the private records
         * it holds), at most {@link #maxDeletedShare(double)} of the resource's entries unless
         * confirmed with {@link #confirmDeletions(long)}. Default false.
         *
         * @param deleteMissing true to delete
         * @return this builder
         * @throws IllegalStateException if {@code deleteMissing} is true and {@link #fullSnapshot(boolean)} was not
         *     set: only a full snapshot tells what the CRM no longer holds
         */
        public Builder deleteMissing(boolean deleteMissing) {
            if (deleteMissing && !fullSnapshot) {
                throw new IllegalStateException("deleteMissing: requires fullSnapshot(true), since only a full"
                        + " snapshot tells which records the CRM no longer holds");
            }
            this.deleteMissing = deleteMissing;
            return this;
        }

        /**
         * The largest share of the resource's entries a run deletes without confirmation; beyond it
         * the run deletes nothing and reports {@link ReconcileResult#deletionsHeldBack()}. Default
         * {@value #DEFAULT_MAX_DELETED_SHARE}.
         *
         * @param share from 0 (every deletion needs confirmation) to 1 (none does)
         * @return this builder
         * @throws IllegalArgumentException if {@code share} is not within 0 to 1
         */
        public Builder maxDeletedShare(double share) {
            if (!(share >= 0 && share <= 1)) {
                throw Check.invalid("maxDeletedShare", "must be from 0 to 1");
            }
            this.maxDeletedShare = share;
            return this;
        }

        /**
         * The second confirmation of a large deletion: lets the run delete up to {@code count}
         * records beyond the allowed share, typically the {@link ReconcileResult#deletionsHeldBack()}
         * a previous run reported. A run that would delete more still deletes nothing.
         *
         * @param count the most records the run may delete; not negative
         * @return this builder
         * @throws IllegalArgumentException if {@code count} is negative
         */
        public Builder confirmDeletions(long count) {
            this.confirmedDeletions = Check.nonNegative("confirmDeletions", count);
            return this;
        }

        /**
         * The number of records the input holds, when known, for
         * {@link ReconcileProgress#estimatedTimeLeft()}. Default unknown.
         *
         * @param count the expected number of records; positive
         * @return this builder
         * @throws IllegalArgumentException if {@code count} is not positive
         */
        public Builder expectedRecords(long count) {
            if (count <= 0) {
                throw Check.invalid("expectedRecords", "must be positive");
            }
            this.expectedRecords = count;
            return this;
        }

        /**
         * The quota the time estimate assumes. Default {@value Throttle#DEFAULT_RECORDS_PER_MINUTE}.
         *
         * @param recordsPerMinute records per minute; at least {@value Throttle#MIN_RECORDS_PER_MINUTE}
         * @return this builder
         * @throws IllegalArgumentException if {@code recordsPerMinute} is below the minimum
         */
        public Builder recordsPerMinute(int recordsPerMinute) {
            if (recordsPerMinute < Throttle.MIN_RECORDS_PER_MINUTE) {
                throw Check.invalid("recordsPerMinute", "must be at least " + Throttle.MIN_RECORDS_PER_MINUTE);
            }
            this.recordsPerMinute = recordsPerMinute;
            return this;
        }

        /**
         * Records per request. A crash loses no acknowledged batch; at most the batches in flight are
         * sent again. Default {@value CrmConnectClient#MAX_BATCH_SIZE}.
         *
         * @param batchSize 1 to {@value CrmConnectClient#MAX_BATCH_SIZE}
         * @return this builder
         * @throws IllegalArgumentException if {@code batchSize} is out of range
         */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1 || batchSize > CrmConnectClient.MAX_BATCH_SIZE) {
                throw Check.invalid("batchSize", "must be 1 to " + CrmConnectClient.MAX_BATCH_SIZE);
            }
            this.batchSize = batchSize;
            return this;
        }

        /**
         * Batches sent at once. Default {@value CrmConnectClient#DEFAULT_BATCHES_IN_FLIGHT}.
         *
         * @param batchesInFlight 1 to 16
         * @return this builder
         * @throws IllegalArgumentException if {@code batchesInFlight} is out of range
         */
        public Builder batchesInFlight(int batchesInFlight) {
            if (batchesInFlight < 1 || batchesInFlight > 16) {
                throw Check.invalid("batchesInFlight", "must be 1 to 16");
            }
            this.batchesInFlight = batchesInFlight;
            return this;
        }

        /**
         * Where progress goes: called after each chunk of the input is compared and after each
         * batch is acknowledged and recorded, one call at a time, from the reconciling thread or the
         * client's executor. It must return quickly; what it throws is ignored.
         *
         * @param onProgress the receiver of progress
         * @return this builder
         * @throws NullPointerException if {@code onProgress} is null
         */
        public Builder onProgress(Consumer<ReconcileProgress> onProgress) {
            this.onProgress = Objects.requireNonNull(onProgress, "onProgress must not be null");
            return this;
        }

        /**
         * The options of every request the run sends; the run marks them
         * {@link RequestOptions.Builder#background(boolean) background}, so that interactive calls
         * through the same client go before its batches under the throttle.
         *
         * @param requestOptions the per-call options
         * @return this builder
         * @throws NullPointerException if {@code requestOptions} is null
         */
        public Builder requestOptions(RequestOptions requestOptions) {
            this.requestOptions = Objects.requireNonNull(requestOptions, "requestOptions must not be null");
            return this;
        }

        /**
         * The options set so far.
         *
         * @return new, immutable options
         */
        public ReconcileOptions build() {
            return new ReconcileOptions(this);
        }
    }
}
