package dev.crmconnect.sdk.privacy;

import dev.crmconnect.sdk.exception.CrmConnectException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one erase of a contact did: each record deleted (or found already absent) and each
 * failure. An erase with failures is partial; running it again completes it.
 *
 * @param contactCrmId the contact erased
 * @param deleted      the records deleted, notes first and the contact last
 * @param failures     what could not be listed or deleted
 */
public record ErasureReceipt(String contactCrmId, List<Deleted> deleted, List<Failure> failures) {

    /**
     * A record deleted.
     *
     * @param kind  what it was
     * @param crmId its crmId; for a {@link RecordKind#POOL_MEMBERSHIP}, the pool's crmId
     */
    public record Deleted(RecordKind kind, String crmId) {

        /**
         * Requires both.
         *
         * @param kind what it was
         * @param crmId its crmId; for a {@link RecordKind#POOL_MEMBERSHIP}, the pool's crmId
         * @throws NullPointerException if an argument is null
         */
        public Deleted {
            Objects.requireNonNull(kind, "kind must not be null");
            Objects.requireNonNull(crmId, "crmId must not be null");
        }
    }

    /**
     * A record that could not be deleted, or a listing that failed so that its records are unknown.
     *
     * @param kind    what kind of record
     * @param crmId   the record's crmId (a pool's for a membership); null when a listing failed
     * @param message why, naming the resource; never record values
     * @param cause   the failure of the call, when a call failed
     */
    public record Failure(RecordKind kind, String crmId, String message, CrmConnectException cause) {

        /**
         * Requires the kind and the message.
         *
         * @param kind what kind of record
         * @param crmId the record's crmId (a pool's for a membership); null when a listing failed
         * @param message why, naming the resource; never record values
         * @param cause the failure of the call, when a call failed; else null
         * @throws NullPointerException if {@code kind} or {@code message} is null
         */
        public Failure {
            Objects.requireNonNull(kind, "kind must not be null");
            Objects.requireNonNull(message, "message must not be null");
        }

        /**
         * The failure of the call, when a call failed.
         *
         * @return the call's exception, or empty when no call failed (for example a record listed without its
         *     crmId)
         */
        public Optional<CrmConnectException> failure() {
            return Optional.ofNullable(cause);
        }
    }

    /**
     * Copies the lists.
     *
     * @param contactCrmId the contact erased
     * @param deleted the records deleted, notes first and the contact last
     * @param failures what could not be listed or deleted
     * @throws NullPointerException if an argument is null
     */
    public ErasureReceipt {
        Objects.requireNonNull(contactCrmId, "contactCrmId must not be null");
        deleted = List.copyOf(deleted);
        failures = List.copyOf(failures);
    }

    /**
     * Whether nothing failed: the contact and everything of it are gone.
     *
     * @return true when there is no failure
     */
    public boolean complete() {
        return failures.isEmpty();
    }

    /**
     * The records of {@code kind} deleted.
     *
     * @param kind the kind of record
     * @return those records, in the order of {@link #deleted()}
     */
    public List<Deleted> deleted(RecordKind kind) {
        return deleted.stream().filter(d -> d.kind() == kind).toList();
    }

    /**
     * The failures about records of {@code kind}.
     *
     * @param kind the kind of record
     * @return those failures, in the order of {@link #failures()}
     */
    public List<Failure> failures(RecordKind kind) {
        return failures.stream().filter(f -> f.kind() == kind).toList();
    }

    /** The counts of deletions per kind and the failures' kinds and crmIds. */
    @Override
    public String toString() {
        Map<RecordKind, Integer> counts = new EnumMap<>(RecordKind.class);
        deleted.forEach(d -> counts.merge(d.kind(), 1, Integer::sum));
        return "ErasureReceipt[" + contactCrmId + ", deleted=" + counts + ", failures="
                + failures.stream().map(f -> f.kind() + (f.crmId() == null ? "" : " " + f.crmId())).toList() + "]";
    }
}
