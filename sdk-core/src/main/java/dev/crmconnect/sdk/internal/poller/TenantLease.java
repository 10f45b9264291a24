package dev.crmconnect.sdk.internal.poller;

import dev.crmconnect.sdk.exception.StaleLeaseException;
import dev.crmconnect.sdk.poller.Lease;
import dev.crmconnect.sdk.poller.LeaseStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This poller instance's lease on one tenant, from acquisition to release: taken before a poll,
 * checked before every step of it, renewed with all the instance's other leases by the
 * {@link LeaseHeartbeat} (one store call for all), and released when the poller closes. A tenant
 * whose lease the heartbeat keeps costs no store call to hold; should the heartbeat fall behind (a
 * stalled store), a poll renews its own lease before relying on it.
 */
public final class TenantLease {

    private static final Logger LOG = LoggerFactory.getLogger(TenantLease.class);

    /** A lease and when (by {@link System#nanoTime()}) its latest renewal was asked for. */
    private record Held(Lease lease, long renewedAt) {
    }

    private final String tenant;
    private final LeaseStore store;
    private final String ownerId;
    private final Duration ttl;
    /** A poll renews its own lease when the heartbeat has not for this long (half the lease time). */
    private final long renewByPollAfterNanos;
    private final LeaseHeartbeat heartbeat;
    private final AtomicReference<Held> held = new AtomicReference<>();

    /** The lease on {@code tenant}, taken with the heartbeat's store, owner id and time to live. */
    public TenantLease(String tenant, LeaseHeartbeat heartbeat) {
        this.tenant = tenant;
        this.heartbeat = heartbeat;
        this.store = heartbeat.store();
        this.ownerId = heartbeat.ownerId();
        this.ttl = heartbeat.ttl();
        this.renewByPollAfterNanos = Math.max(1, ttl.toNanos() / 2);
        heartbeat.register(this);
    }

    /**
     * The lease to poll under: the one held if still current, else newly taken; null if another
     * instance holds it. Starts the heartbeat.
     */
    public Lease acquire() {
        Held current = held.get();
        if (current != null) {
            try {
                check(current.lease());
                return current.lease();
            } catch (StaleLeaseException e) {
                // Lost: try to take it again below, as for a tenant never held.
            }
        }
        Optional<Lease> acquired = store.tryAcquireLease(tenant, ownerId, ttl);
        if (acquired.isEmpty()) {
            return null;
        }
        held.set(new Held(acquired.get(), System.nanoTime()));
        heartbeat.start();
        return acquired.get();
    }

    /**
     * Throws unless {@code lease} is still held; renews it now if the heartbeat has not for half
     * the lease time.
     *
     * @throws StaleLeaseException if the lease was found taken over
     */
    public void check(Lease lease) {
        Held current = held.get();
        if (current == null || !sameLease(current.lease(), lease)) {
            throw lost(lease);
        }
        long now = System.nanoTime();
        if (now - current.renewedAt() < renewByPollAfterNanos) {
            return;
        }
        if (store.renewLease(lease, ttl).isEmpty()) {
            held.compareAndSet(current, null);
            throw lost(lease);
        }
        held.compareAndSet(current, new Held(lease, now));
    }

    /** Forgets the lease, found taken over during a poll. */
    public void lost() {
        held.set(null);
    }

    /** Gives the lease up, so another instance may take the tenant at once; a failure leaves it to expire. */
    public void release() {
        Held current = held.getAndSet(null);
        if (current == null) {
            return;
        }
        try {
            store.releaseLease(current.lease());
        } catch (RuntimeException e) {
            LOG.warn("tenant {}: lease not released ({}); it expires by itself", tenant, e.getClass().getName());
        }
    }

    /**
     * Renews every lease of {@code leases} that is held, in one store call, and forgets those no
     * longer current. The heartbeat's beat.
     */
    static void renewAll(LeaseStore store, Duration ttl, Collection<TenantLease> leases) {
        List<TenantLease> holders = new ArrayList<>();
        List<Held> snapshot = new ArrayList<>();
        for (TenantLease lease : leases) {
            Held current = lease.held.get();
            if (current != null) {
                holders.add(lease);
                snapshot.add(current);
            }
        }
        if (snapshot.isEmpty()) {
            return;
        }
        long askedAt = System.nanoTime();
        Set<String> renewed = new HashSet<>();
        for (Lease lease : store.renewLeases(snapshot.stream().map(Held::lease).toList(), ttl)) {
            renewed.add(key(lease));
        }
        for (int i = 0; i < holders.size(); i++) {
            TenantLease holder = holders.get(i);
            Lease lease = snapshot.get(i).lease();
            if (renewed.contains(key(lease))) {
                holder.held.compareAndSet(snapshot.get(i), new Held(lease, askedAt));
            } else if (holder.held.compareAndSet(snapshot.get(i), null)) {
                LOG.warn("tenant {}: lease with fencing token {} taken over; another instance polls it now",
                        lease.tenant(), lease.fencingToken());
            }
        }
    }

    private static boolean sameLease(Lease a, Lease b) {
        return key(a).equals(key(b));
    }

    /** A lease's identity, whatever its expiry: renewing keeps tenant, owner and token. */
    private static String key(Lease lease) {
        return lease.tenant() + '\n' + lease.ownerId() + '\n' + lease.fencingToken();
    }

    private static StaleLeaseException lost(Lease lease) {
        return new StaleLeaseException("the lease on tenant " + lease.tenant() + " with fencing token "
                + lease.fencingToken() + " was taken over");
    }
}
