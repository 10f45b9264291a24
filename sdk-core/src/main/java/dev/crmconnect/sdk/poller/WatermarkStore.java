package dev.crmconnect.sdk.poller;

import dev.crmconnect.sdk.exception.CheckpointStoreException;
import dev.crmconnect.sdk.exception.StaleLeaseException;
import java.util.Optional;

/**
 * How far each tenant's feed has been handled. A role of {@link CheckpointStore}.
 *
 * <p>Thread-safe. Instants are kept to the millisecond. Failures of the disk or the database throw
 * {@link CheckpointStoreException}.
 */
public interface WatermarkStore {

    /**
     * The tenant's watermark.
     *
     * @param tenant the tenant, for example its integration context; 1 to 255 characters
     * @return how far the tenant's feed has been handled; empty if it was never advanced
     */
    Optional<Watermark> watermark(String tenant);

    /**
     * Moves the lease's tenant's watermark to {@code to} if {@code to} is later; never moves it
     * back.
     *
     * @param lease the caller's current lease on the tenant
     * @param to the new position: the last notice of a page whose notices all have a decision or are parked
     * @return true if the watermark moved, false if it already was at or after {@code to}
     * @throws StaleLeaseException if a newer lease on the tenant exists or {@code lease} was released; nothing is
     *     written
     */
    boolean advanceWatermark(Lease lease, Watermark to);
}
