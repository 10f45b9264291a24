package dev.crmconnect.sdk;

import dev.crmconnect.sdk.exception.CrmConnectException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What became of one record of a batch call: stored, deleted, skipped because it is private, or
 * failed with the server's per-record error or the whole batch's cause.
 *
 * @param crmId            the record's id in the CRM; null when the record had none
 * @param outcome          what became of it
 * @param status           the HTTP status for this record; 0 when it was never sent
 * @param message          why it failed, naming the field where known; null unless FAILED
 * @param serviceErrorCode the server's code for the failure; null when it gave none
 * @param cause            the exception that failed the record's whole batch, when that is why; else null
 */
public record RecordResult(String crmId, Outcome outcome, int status, String message, Integer serviceErrorCode,
                           CrmConnectException cause) {

    /** What became of a record. */
    public enum Outcome {
        /** Stored by a BATCH_UPDATE (or patched by a BATCH_PARTIAL_UPDATE). */
        STORED,
        /** Deleted by a BATCH_DELETE, or already absent. */
        DELETED,
        /** Private in the CRM, so never sent. */
        SKIPPED_PRIVATE,
        /** Refused before sending, refused by the server, or its batch failed. */
        FAILED
    }

    /**
     * Checks that a failure says why.
     *
     * @param crmId the record's id in the CRM; null when the record had none
     * @param outcome what became of it
     * @param status the HTTP status for this record; 0 when it was never sent
     * @param message why it failed, naming the field where known; null unless FAILED
     * @param serviceErrorCode the server's code for the failure; null when it gave none
     * @param cause the exception that failed the record's whole batch, when that is why; else null
     * @throws NullPointerException if {@code outcome} is null
     * @throws IllegalArgumentException if {@code outcome} is FAILED and {@code message} is null
     */
    public RecordResult {
        Objects.requireNonNull(outcome, "outcome must not be null");
        if (outcome == Outcome.FAILED && message == null) {
            throw new IllegalArgumentException("message: is required for a failed record");
        }
    }

    /**
     * Whether the record reached the outcome its call asked for (or was skipped as private).
     *
     * @return true unless the outcome is {@link Outcome#FAILED}
     */
    public boolean succeeded() {
        return outcome != Outcome.FAILED;
    }

    /**
     * The server's code for the failure.
     *
     * @return the {@code serviceErrorCode}, or empty when the server gave none
     */
    public OptionalInt serviceErrorCodeValue() {
        return serviceErrorCode == null ? OptionalInt.empty() : OptionalInt.of(serviceErrorCode);
    }

    /**
     * The exception that failed the record's whole batch.
     *
     * @return the batch's failure, or empty when the record failed alone or did not fail
     */
    public Optional<CrmConnectException> batchFailure() {
        return Optional.ofNullable(cause);
    }

    static RecordResult done(String crmId, Outcome outcome, int status) {
        return new RecordResult(crmId, outcome, status, null, null, null);
    }

    static RecordResult failed(String crmId, int status, String message, Integer serviceErrorCode) {
        return new RecordResult(crmId, Outcome.FAILED, status, message, serviceErrorCode, null);
    }

    static RecordResult failed(String crmId, CrmConnectException cause) {
        return new RecordResult(crmId, Outcome.FAILED, cause.status(), cause.getMessage(),
                cause.serviceErrorCode().isPresent() ? cause.serviceErrorCode().getAsInt() : null, cause);
    }

    /** The id, outcome and status; messages may name fields but never hold record values. */
    @Override
    public String toString() {
        return "RecordResult[" + crmId + " " + outcome + (status == 0 ? "" : " " + status)
                + (message == null ? "" : ": " + message) + "]";
    }
}
