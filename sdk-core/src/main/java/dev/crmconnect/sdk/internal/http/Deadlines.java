package dev.crmconnect.sdk.internal.http;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's call and attempt timeouts, checked by one sweep every {@link #TICK} while any is
 * pending, so that a timeout fires at most a tick late.
 *
 * <p>Why not a scheduled task per timeout: nearly every timeout is cancelled, and scheduling one
 * that becomes the earliest wakes the scheduler thread; at two timeouts per call that was a
 * context switch or two per call, a large share of the client's cost on a small machine.
 */
final class Deadlines {

    /** How late a timeout may fire. */
    static final Duration TICK = Duration.ofMillis(10);

    private static final Logger LOG = LoggerFactory.getLogger(Deadlines.class);

    private final ScheduledExecutorService scheduler;
    private final Set<Deadline> pending = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean sweeping = new AtomicBoolean();

    Deadlines(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    /** A pending timeout: {@link #cancel()} it once what it bounds has ended. */
    final class Deadline {
        private final long dueNanos;
        private final Runnable onExpiry;

        private Deadline(long dueNanos, Runnable onExpiry) {
            this.dueNanos = dueNanos;
            this.onExpiry = onExpiry;
        }

        /** Forgets the timeout; harmless once it fired or was cancelled. */
        void cancel() {
            pending.remove(this);
        }
    }

    /**
     * Runs {@code onExpiry} on the scheduler thread once {@code timeout} has passed, unless
     * cancelled first.
     *
     * @throws RejectedExecutionException once the scheduler is shut down
     */
    Deadline after(Duration timeout, Runnable onExpiry) {
        Deadline deadline = new Deadline(System.nanoTime() + timeout.toNanos(), onExpiry);
        pending.add(deadline);
        if (sweeping.compareAndSet(false, true)) {
            try {
                scheduleSweep();
            } catch (RejectedExecutionException e) {
                pending.remove(deadline);
                sweeping.set(false);
                throw e;
            }
        }
        return deadline;
    }

    private void scheduleSweep() {
        scheduler.schedule(this::sweep, TICK.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void sweep() {
        long now = System.nanoTime();
        for (Deadline deadline : pending) {
            if (now - deadline.dueNanos >= 0 && pending.remove(deadline)) {
                try {
                    deadline.onExpiry.run();
                } catch (RuntimeException e) {
                    LOG.warn("a timeout's action failed: {}", e.getClass().getName());
                }
            }
        }
        try {
            if (!pending.isEmpty()) {
                scheduleSweep();
                return;
            }
            sweeping.set(false);
            // A deadline added just now saw the sweep still running and left it to us.
            if (!pending.isEmpty() && sweeping.compareAndSet(false, true)) {
                scheduleSweep();
            }
        } catch (RejectedExecutionException e) {
            // The client is closed: its close() failed every call, so nothing is left to time out.
        }
    }
}
