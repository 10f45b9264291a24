package dev.crmconnect.sdk.poller;

import dev.crmconnect.sdk.exception.CheckpointStoreException;
import dev.crmconnect.sdk.exception.StaleLeaseException;
import java.util.List;

/**
 * The notices whose handler kept failing, kept to be handed over again on later polls. A role of
 * {@link CheckpointStore}.
 *
 * <p>Thread-safe. Instants are kept to the millisecond. Failures of the disk or the database throw
 * {@link CheckpointStoreException}.
 */
public interface ParkedNoticeStore {

    /**
     * Keeps a notice whose handler keeps failing, replacing what was kept for it before. No
     * effect if the notice already has a decision.
     *
     * @param lease the caller's current lease on the tenant
     * @param notice the notice, its failure count and last error
     * @throws StaleLeaseException if a newer lease on the tenant exists or {@code lease} was released; nothing is
     *     written
     */
    void park(Lease lease, ParkedNotice notice);

    /**
     * Drops a parked notice.
     *
     * @param lease the caller's current lease on the tenant
     * @param noticeId the notice's {@code noticeId}; 1 to 255 characters
     * @return true if it was parked
     * @throws StaleLeaseException if a newer lease on the tenant exists or {@code lease} was released; nothing is
     *     written
     */
    boolean unpark(Lease lease, String noticeId);

    /**
     * The tenant's parked notices, ordered by notice id; never one that has a decision.
     *
     * @param tenant the tenant, for example its integration context; 1 to 255 characters
     * @return the parked notices, possibly none
     */
    List<ParkedNotice> parked(String tenant);
}
