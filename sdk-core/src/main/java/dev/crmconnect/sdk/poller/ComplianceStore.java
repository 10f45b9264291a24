package dev.crmconnect.sdk.poller;

import dev.crmconnect.model.internal.Check;
import dev.crmconnect.sdk.exception.CheckpointStoreException;
import dev.crmconnect.sdk.exception.StaleLeaseException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The compliance clock (when each tenant's feed was last read to its end) and the compliance gaps
 * that stop a tenant until an operator acknowledges them. A role of {@link CheckpointStore}.
 *
 * <p>Thread-safe. Instants are kept to the millisecond. Failures of the disk or the database throw
 * {@link CheckpointStoreException}.
 */
public interface ComplianceStore {

    /**
     * When the tenant's feed was last read to its end without failure: the compliance clock.
     *
     * @param tenant the tenant, for example its integration context; 1 to 255 characters
     * @return the time of the last successful poll; empty if there never was one
     */
    Optional<Instant> lastSuccessfulPoll(String tenant);

    /**
     * Sets the compliance clock to {@code at}, unless it already shows a later time.
     *
     * @param lease the caller's current lease on the tenant
     * @param at when the poll that read the feed to its end started
     * @throws StaleLeaseException if a newer lease on the tenant exists or {@code lease} was released; nothing is
     *     written
     */
    void recordSuccessfulPoll(Lease lease, Instant at);

    /**
     * Sets several tenants' compliance clocks as {@link #recordSuccessfulPoll} does each, durable
     * together when this returns: the poller records a whole round's successful polls in one call.
     * A tenant whose lease is no longer current is skipped, since the instance that holds it now
     * keeps its clock. This default records them one by one; the file store writes them with one
     * fsync, the JDBC store in one transaction of batched statements.
     *
     * @param polls each tenant's lease and when its poll that read the feed to its end started
     * @throws IllegalArgumentException if {@code polls} is null or holds a null
     */
    default void recordSuccessfulPolls(Map<Lease, Instant> polls) {
        Check.required("polls", polls);
        polls.forEach((lease, at) -> {
            try {
                recordSuccessfulPoll(Check.required("lease", lease), at);
            } catch (StaleLeaseException e) {
                // Another instance holds the tenant now and keeps its clock.
            }
        });
    }

    /**
     * The tenant's latest compliance gap, acknowledged or not.
     *
     * @param tenant the tenant, for example its integration context; 1 to 255 characters
     * @return the latest gap; empty if none was ever raised
     */
    Optional<ComplianceGap> complianceGap(String tenant);

    /**
     * Raises a compliance gap for the lease's tenant, which stops its polling until an operator
     * acknowledges it. If an unacknowledged gap is already raised, it is kept as it is.
     *
     * @param lease the caller's current lease on the tenant
     * @param raisedAt when the gap was found
     * @param detail what happened, for the operator; at most 2,000 characters
     * @throws IllegalArgumentException if {@code raisedAt} or {@code detail} is missing, or {@code detail} is too
     *     long
     * @throws StaleLeaseException if a newer lease on the tenant exists or {@code lease} was released; nothing is
     *     written
     */
    void raiseComplianceGap(Lease lease, Instant raisedAt, String detail);

    /**
     * An operator acknowledges the tenant's gap, so polling may resume. True if an unacknowledged
     * gap was acknowledged now. Needs no lease: operators are not pollers.
     *
     * @param tenant the tenant, for example its integration context; 1 to 255 characters
     * @param at when the operator acknowledged the gap
     * @param acknowledgedBy who acknowledged it, for example an operator's login; 1 to 255 characters
     * @return true if an unacknowledged gap was acknowledged now, false if there was none
     */
    boolean acknowledgeComplianceGap(String tenant, Instant at, String acknowledgedBy);
}
