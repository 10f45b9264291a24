package dev.crmconnect.sdk.poller;

import dev.crmconnect.model.internal.Check;
import dev.crmconnect.sdk.exception.CheckpointStoreException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The leases that let several poller instances share tenants: one instance at a time holds a
 * tenant's {@link Lease}, whose fencing token every write that moves the tenant's checkpoint
 * carries. A role of {@link CheckpointStore}.
 *
 * <p>Thread-safe. Instants are kept to the millisecond. Failures of the disk or the database throw
 * {@link CheckpointStoreException}.
 */
public interface LeaseStore {

    /**
     * Takes the tenant's lease for {@code ownerId} if nobody holds it or its holder's lease
     * expired or was released; the new lease's fencing token is higher than any before it.
     * Empty when the lease is held, also when held by {@code ownerId} itself (use
     * {@link #renewLease}).
     *
     * @param tenant the tenant, for example its integration context; 1 to 255 characters
     * @param ownerId the poller instance asking, for example a host name and process id; 1 to 255 characters
     * @param ttl how long the lease lasts from now, by the store's clock; positive
     * @return the new lease, or empty when someone holds it
     */
    Optional<Lease> tryAcquireLease(String tenant, String ownerId, Duration ttl);

    /**
     * Extends the lease by {@code ttl} from now, keeping its token. Empty when the lease is no
     * longer current (another owner took it, or it was released): stop working on the tenant.
     *
     * @param lease the lease to extend
     * @param ttl how long the lease lasts from now, by the store's clock; positive
     * @return the extended lease, with a later {@code expiresAt}, or empty when the lease is no longer current
     */
    Optional<Lease> renewLease(Lease lease, Duration ttl);

    /**
     * Renews several leases as {@link #renewLease} does each; a poller instance renews all it
     * holds this way, in one call, on a heartbeat of its own. This default renews them one by
     * one; the JDBC store renews them in one batched statement and one commit.
     *
     * @param leases the leases to extend
     * @param ttl how long each lease lasts from now, by the store's clock; positive
     * @return the leases renewed, with their new {@code expiresAt}; a lease no longer current is absent
     * @throws IllegalArgumentException if {@code leases} is null or holds a null, or {@code ttl} is not positive
     */
    default List<Lease> renewLeases(Collection<Lease> leases, Duration ttl) {
        Check.required("leases", leases);
        List<Lease> renewed = new ArrayList<>();
        for (Lease lease : leases) {
            renewLease(Check.required("lease", lease), ttl).ifPresent(renewed::add);
        }
        return renewed;
    }

    /**
     * Gives the lease up so another instance may take the tenant at once; no effect if not current.
     *
     * @param lease the lease to give up
     */
    void releaseLease(Lease lease);
}
