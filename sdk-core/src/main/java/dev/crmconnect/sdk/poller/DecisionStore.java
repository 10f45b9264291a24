package dev.crmconnect.sdk.poller;

import dev.crmconnect.model.internal.Check;
import dev.crmconnect.sdk.exception.CheckpointStoreException;
import dev.crmconnect.sdk.exception.StaleLeaseException;
import dev.crmconnect.sdk.internal.poller.AuditJsonLines;
import dev.crmconnect.sdk.internal.poller.StoreRules;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The decisions and their audit trail: one {@link AuditRecord} per tenant and notice, recorded
 * once and never changed. A role of {@link CheckpointStore}.
 *
 * <p>Thread-safe. Instants are kept to the millisecond. Failures of the disk or the database throw
 * {@link CheckpointStoreException}.
 */
public interface DecisionStore {

    /**
     * Records a decision and its audit record, atomically and durably (done when this returns),
     * and drops the notice from the parked notices. False, and nothing written, if the notice
     * already has a decision: read it with {@link #decision}.
     *
     * @param lease the caller's current lease on the tenant
     * @param record the decision and its audit record; its tenant must be the lease's
     * @return true if the decision was recorded now, false if the notice already had one
     * @throws IllegalArgumentException if {@code record} is null or belongs to another tenant
     * @throws StaleLeaseException if a newer lease on the tenant exists or {@code lease} was released; nothing is
     *     written
     */
    boolean recordDecision(Lease lease, AuditRecord record);

    /**
     * Records several decisions as {@link #recordDecision} does each, durable together when this
     * returns (cheaper than one by one). Returns the notice ids recorded now, in order; the others
     * already had a decision.
     *
     * @param lease the caller's current lease on the tenant
     * @param records the decisions and their audit records, each of the lease's tenant; a notice given twice is
     *     recorded once, the first time
     * @return the notice ids recorded now, in the order given
     * @throws IllegalArgumentException if {@code records} is null, or holds a null or another tenant's record
     * @throws StaleLeaseException if a newer lease on the tenant exists or {@code lease} was released; nothing is
     *     written
     */
    default Set<String> recordDecisions(Lease lease, List<AuditRecord> records) {
        Set<String> recorded = new LinkedHashSet<>();
        for (AuditRecord record : records) {
            if (recordDecision(lease, record)) {
                recorded.add(record.noticeId());
            }
        }
        return recorded;
    }

    /**
     * The recorded decision for a notice.
     *
     * @param tenant the tenant, for example its integration context; 1 to 255 characters
     * @param noticeId the notice's {@code noticeId}; 1 to 255 characters
     * @return its audit record; empty if it has no decision yet
     */
    Optional<AuditRecord> decision(String tenant, String noticeId);

    /**
     * The recorded decisions of several of the tenant's notices, by notice id; a notice without a
     * decision is absent. The poller asks once for each page it reads. This default asks
     * {@link #decision} for each notice; the JDBC store answers a page in one query.
     *
     * @param tenant the tenant, for example its integration context; 1 to 255 characters
     * @param noticeIds the notices' ids
     * @return the audit records found, by notice id; possibly empty, never null
     * @throws IllegalArgumentException if {@code tenant} or {@code noticeIds} is invalid
     */
    default Map<String, AuditRecord> decisions(String tenant, Collection<String> noticeIds) {
        Check.storedId("tenant", tenant);
        Check.required("noticeIds", noticeIds);
        Map<String, AuditRecord> found = new HashMap<>();
        for (String noticeId : noticeIds) {
            decision(tenant, noticeId).ifPresent(record -> found.put(noticeId, record));
        }
        return found;
    }

    /**
     * The tenant's audit records decided in {@code [from, to)}, ordered by {@code decidedAt} then
     * {@code noticeId}.
     *
     * @param tenant the tenant, for example its integration context; 1 to 255 characters
     * @param from the first instant of the range, inclusive
     * @param to the end of the range, exclusive
     * @return the audit records in the range, possibly none
     */
    List<AuditRecord> auditTrail(String tenant, Instant from, Instant to);

    /**
     * Writes the tenant's audit records decided in {@code [from, to)} to {@code out} as JSON
     * lines, one record per line, in {@link #auditTrail} order. Each line holds {@code tenant},
     * {@code noticeId}, {@code member}, {@code decision}, {@code reason} (when retained),
     * {@code detail}, {@code decidedAt} (ISO-8601) and {@code handlerId}. Does not close {@code out}.
     *
     * @param tenant the tenant, for example its integration context; 1 to 255 characters
     * @param from the first instant of the range, inclusive
     * @param to the end of the range, exclusive
     * @param out where to write the lines; flushed, not closed
     * @throws IOException if writing to {@code out} fails
     */
    default void exportAuditTrail(String tenant, Instant from, Instant to, Writer out) throws IOException {
        AuditJsonLines.write(auditTrail(tenant, from, to), out);
    }

    /**
     * Writes the tenant's whole audit trail to {@code out} as
     * {@link #exportAuditTrail(String, Instant, Instant, Writer)} does.
     *
     * @param tenant the tenant, for example its integration context; 1 to 255 characters
     * @param out where to write the lines; flushed, not closed
     * @throws IOException if writing to {@code out} fails
     */
    default void exportAuditTrail(String tenant, Writer out) throws IOException {
        exportAuditTrail(tenant, Instant.EPOCH, AuditJsonLines.END_OF_TIME, out);
    }
}
