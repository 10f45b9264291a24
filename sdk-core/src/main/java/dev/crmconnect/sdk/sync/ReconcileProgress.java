package dev.crmconnect.sdk.sync;

import java.time.Duration;
import java.util.Optional;

/**
 * How far a reconcile has got, for a progress bar. Counts are of records since the run started;
 * a record is counted as sent only once LinkedIn acknowledged it and the ledger recorded it.
 *
 * @param seen the records read from the input so far
 * @param unchanged the records skipped because LinkedIn already holds them as they are
 * @param sent the records sent and acknowledged
 * @param failed the records refused (by the SDK or LinkedIn) or whose batch failed
 * @param deleted the records deleted at LinkedIn because the full snapshot lacked them
 * @param estimatedTimeLeft the time the records still to send will take under the quota, when
 *     {@link ReconcileOptions.Builder#expectedRecords(long)} was given; empty otherwise
 */
public record ReconcileProgress(long seen, long unchanged, long sent, long failed, long deleted,
                                Optional<Duration> estimatedTimeLeft) {

    /**
     * Checks the values.
     *
     * @param seen the records read from the input so far
     * @param unchanged the records skipped because LinkedIn already holds them as they are
     * @param sent the records sent and acknowledged
     * @param failed the records refused or whose batch failed
     * @param deleted the records deleted at LinkedIn
     * @param estimatedTimeLeft the estimated time left under the quota, or empty
     * @throws NullPointerException if {@code estimatedTimeLeft} is null
     */
    public ReconcileProgress {
        java.util.Objects.requireNonNull(estimatedTimeLeft, "estimatedTimeLeft must not be null");
    }
}
