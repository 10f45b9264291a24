package dev.crmconnect.sdk.internal.poller;

import dev.crmconnect.sdk.poller.LeaseStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The timer of one poller instance's {@link TenantLease}s: every third of the lease time, whatever
 * the rounds are doing, it has them renewed together ({@link TenantLease#renewAll}), so that a
 * round need not end within the lease time. Runs on a daemon thread of its own from the first
 * lease taken until {@link #stop()}.
 */
public final class LeaseHeartbeat {

    private static final Logger LOG = LoggerFactory.getLogger(LeaseHeartbeat.class);

    private final LeaseStore store;
    private final String ownerId;
    private final Duration ttl;
    private final long everyNanos;
    private final List<TenantLease> leases = new CopyOnWriteArrayList<>();
    /** Serialises a beat with {@link #exclusively}: both lock many lease rows of a database. */
    private final Object batchLock = new Object();
    private ScheduledExecutorService timer;
    private boolean stopped;

    /** Renews leases of {@code store} taken under {@code ownerId} for {@code ttl} each. */
    public LeaseHeartbeat(LeaseStore store, String ownerId, Duration ttl) {
        this.store = store;
        this.ownerId = ownerId;
        this.ttl = ttl;
        this.everyNanos = Math.max(1, ttl.toNanos() / 3);
    }

    LeaseStore store() {
        return store;
    }

    String ownerId() {
        return ownerId;
    }

    Duration ttl() {
        return ttl;
    }

    void register(TenantLease lease) {
        leases.add(lease);
    }

    /** Runs {@code work} while no beat runs; see {@link #batchLock}. */
    public void exclusively(Runnable work) {
        synchronized (batchLock) {
            work.run();
        }
    }

    /** Stops the beats for good, then releases every lease held, so other instances may take the tenants at once. */
    public void stopAndRelease() {
        synchronized (this) {
            stopped = true;
            if (timer != null) {
                timer.shutdownNow();
                timer = null;
            }
        }
        leases.forEach(TenantLease::release);
    }

    synchronized void start() {
        if (timer != null || stopped) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "crmconnect-poller-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::beat, everyNanos, everyNanos, TimeUnit.NANOSECONDS);
    }

    private void beat() {
        try {
            synchronized (batchLock) {
                TenantLease.renewAll(store, ttl, leases);
            }
        } catch (VirtualMachineError fatal) {
            throw fatal;
        } catch (Throwable e) {
            // Keep beating: a store that is down now may be back before the leases expire. Until
            // then, each poll renews its own lease before relying on it.
            LOG.warn("lease heartbeat failed with {}; retried in {} ms", e.getClass().getName(), everyNanos / 1_000_000);
        }
    }
}
