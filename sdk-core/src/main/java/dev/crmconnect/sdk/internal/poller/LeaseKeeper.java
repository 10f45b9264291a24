package dev.crmconnect.sdk.internal.poller;

import dev.crmconnect.sdk.poller.CheckpointStore;
import dev.crmconnect.sdk.poller.Lease;
import dev.crmconnect.sdk.exception.StaleLeaseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leases one poller instance holds, kept alive by a heartbeat of their own: every third of the
 * lease time, one {@link CheckpointStore#renewLeases} call renews them all, whatever the rounds
 * are doing. A round therefore need not end within the lease time, and a tenant whose lease the
 * heartbeat keeps costs no store call to hold. Should the heartbeat fall behind (a stalled store),
 * a poll renews its own lease before relying on it, as before.
 */
public final class LeaseKeeper {

    private static final Logger LOG = LoggerFactory.getLogger(LeaseKeeper.class);

    /** A lease and when (by {@link #nanos}) its latest renewal was asked for. */
    private record Held(Lease lease, long renewedAt) {
    }

    private final CheckpointStore store;
    private final String ownerId;
    private final Duration ttl;
    private final long renewEveryNanos;
    /** A poll renews its own lease when the heartbeat has not for this long (half the lease time). */
    private final long renewByPollAfterNanos;
    private final LongSupplier nanos;
    private final Map<String, Held> held = new ConcurrentHashMap<>();
    /** Serialises the heartbeat with {@link #exclusively}: both lock many lease rows of a database. */
    private final Object batchLock = new Object();
    private ScheduledExecutorService heartbeat;
    private boolean closed;

    /** Keeps leases of {@code store} under {@code ownerId} for {@code ttl} each. */
    public LeaseKeeper(CheckpointStore store, String ownerId, Duration ttl) {
        this(store, ownerId, ttl, System::nanoTime);
    }

    LeaseKeeper(CheckpointStore store, String ownerId, Duration ttl, LongSupplier nanos) {
        this.store = store;
        this.ownerId = ownerId;
        this.ttl = ttl;
        this.renewEveryNanos = Math.max(1, ttl.toNanos() / 3);
        this.renewByPollAfterNanos = Math.max(1, ttl.toNanos() / 2);
        this.nanos = nanos;
    }

    /**
     * This instance's lease on {@code tenant}: the one held if the heartbeat (or this call) renewed
     * it recently, else newly taken; null if another instance holds it. Starts the heartbeat.
     */
    public Lease hold(String tenant) {
        Held current = held.get(tenant);
        if (current != null) {
            try {
                keep(current.lease());
                return current.lease();
            } catch (StaleLeaseException e) {
                // Lost: try to take it again below, as for a tenant never held.
            }
        }
        Optional<Lease> acquired = store.tryAcquireLease(tenant, ownerId, ttl);
        acquired.ifPresent(lease -> held.put(tenant, new Held(lease, nanos.getAsLong())));
        acquired.ifPresent(lease -> startHeartbeat());
        return acquired.orElse(null);
    }

    /**
     * Throws unless {@code lease} is still held; renews it now if the heartbeat has not for half
     * the lease time.
     *
     * @throws StaleLeaseException if the lease was found taken over
     */
    public void keep(Lease lease) {
        Held current = held.get(lease.tenant());
        if (current == null || !key(current.lease()).equals(key(lease))) {
            throw lost(lease);
        }
        long now = nanos.getAsLong();
        if (now - current.renewedAt() < renewByPollAfterNanos) {
            return;
        }
        if (store.renewLease(lease, ttl).isEmpty()) {
            held.remove(lease.tenant(), current);
            throw lost(lease);
        }
        held.replace(lease.tenant(), current, new Held(lease, now));
    }

    /** Forgets the tenant's lease, found taken over. */
    public void forget(String tenant) {
        held.remove(tenant);
    }

    /** Runs {@code work} while no heartbeat runs; see {@link #batchLock}. */
    public void exclusively(Runnable work) {
        synchronized (batchLock) {
            work.run();
        }
    }

    /** Renews every lease held in one store call; forgets those no longer current. */
    void renewAll() {
        synchronized (batchLock) {
            List<Held> snapshot = new ArrayList<>(held.values());
            if (snapshot.isEmpty()) {
                return;
            }
            long askedAt = nanos.getAsLong();
            Set<String> renewed = new HashSet<>();
            for (Lease lease : store.renewLeases(snapshot.stream().map(Held::lease).toList(), ttl)) {
                renewed.add(key(lease));
            }
            for (Held h : snapshot) {
                Lease lease = h.lease();
                if (renewed.contains(key(lease))) {
                    held.replace(lease.tenant(), h, new Held(lease, askedAt));
                } else if (held.remove(lease.tenant(), h)) {
                    LOG.warn("tenant {}: lease with fencing token {} taken over; another instance polls it now",
                            lease.tenant(), lease.fencingToken());
                }
            }
        }
    }

    /** Stops the heartbeat and releases every lease held, so other instances may take the tenants at once. */
    public void releaseAll() {
        stopHeartbeat();
        for (Held h : List.copyOf(held.values())) {
            try {
                store.releaseLease(h.lease());
            } catch (RuntimeException e) {
                LOG.warn("tenant {}: lease not released ({}); it expires by itself", h.lease().tenant(),
                        e.getClass().getName());
            }
            held.remove(h.lease().tenant(), h);
        }
    }

    /** Stops the heartbeat for good; leases are left to expire unless {@link #releaseAll()} came first. */
    public synchronized void stopHeartbeat() {
        closed = true;
        if (heartbeat != null) {
            heartbeat.shutdownNow();
            heartbeat = null;
        }
    }

    private synchronized void startHeartbeat() {
        if (heartbeat != null || closed) {
            return;
        }
        heartbeat = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "crmconnect-poller-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        heartbeat.scheduleWithFixedDelay(this::beat, renewEveryNanos, renewEveryNanos, TimeUnit.NANOSECONDS);
    }

    private void beat() {
        try {
            renewAll();
        } catch (VirtualMachineError fatal) {
            throw fatal;
        } catch (Throwable e) {
            // Keep beating: a store that is down now may be back before the leases expire. Until
            // then, each poll renews its own lease before relying on it.
            LOG.warn("lease heartbeat failed with {}; retried in {} ms", e.getClass().getName(),
                    renewEveryNanos / 1_000_000);
        }
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
