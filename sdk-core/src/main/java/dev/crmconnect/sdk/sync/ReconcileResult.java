package dev.crmconnect.sdk.sync;

import dev.crmconnect.sdk.RecordResult;
import java.util.List;

/**
 * What a reconcile did.
 *
 * @param seen the records read from the input
 * @param unchanged the records not sent because LinkedIn already holds them as they are
 * @param sent the records sent and acknowledged
 * @param failed the records refused (by the SDK or LinkedIn), whose batch failed, or whose delete failed;
 *     sent again by the next run
 * @param skippedPrivate the private records, never sent; their entries leave the ledger
 * @param deleted the records deleted at LinkedIn because the full snapshot lacked them
 * @param missing for a full snapshot, the records LinkedIn holds that the snapshot lacks (before deleting);
 *     0 otherwise
 * @param deletionsHeldBack the deletions not made because they exceed the allowed share and were not
 *     confirmed (see {@link ReconcileOptions.Builder#confirmDeletions(long)}); 0 when none were held back
 * @param failures the first 100
 *     failures, each naming its crmId and why
 */
public record ReconcileResult(long seen, long unchanged, long sent, long failed, long skippedPrivate, long deleted,
                              long missing, long deletionsHeldBack, List<RecordResult> failures) {

    /**
     * Copies the failures.
     *
     * @param seen the records read from the input
     * @param unchanged the records not sent because LinkedIn already holds them
     * @param sent the records sent and acknowledged
     * @param failed the records that failed
     * @param skippedPrivate the private records
     * @param deleted the records deleted at LinkedIn
     * @param missing the records LinkedIn holds that a full snapshot lacks
     * @param deletionsHeldBack the deletions held back for confirmation
     * @param failures the first failures
     * @throws NullPointerException if {@code failures} is null
     */
    public ReconcileResult {
        failures = List.copyOf(failures);
    }

    /**
     * Whether every record reached LinkedIn or was already there, and no deletion was held back.
     *
     * @return true when nothing failed and nothing waits for a confirmation
     */
    public boolean complete() {
        return failed == 0 && deletionsHeldBack == 0;
    }
}
