package dev.crmconnect.sdk.internal.http;

import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every call and attempt timeout of a runtime's clients, on one timer: the scheduler wakes once,
 * at the earliest pending deadline, and not at all while none is due.
 *
 * <p>Why not a scheduled task per timeout: nearly every timeout is cancelled, and scheduling one
 * that becomes the earliest wakes the scheduler thread. Here a new deadline moves the wake-up only
 * when it is earlier than every pending one, which with the usual fixed timeouts it almost never
 * is (each call's deadline is later than those of the calls before it). Adding and cancelling
 * cost O(log n) in the deadlines pending, whatever the number of clients.
 */
final class Deadlines {

    private static final Logger LOG = LoggerFactory.getLogger(Deadlines.class);

    private final ScheduledExecutorService scheduler;
    private final ConcurrentSkipListSet<Deadline> pending = new ConcurrentSkipListSet<>();
    private final AtomicLong sequence = new AtomicLong();
    /** When the scheduler wakes next ({@link Long#MAX_VALUE}: never); guarded by this. */
    private volatile long wakeAtNanos = Long.MAX_VALUE;
    private ScheduledFuture<?> wakeUp;

    Deadlines(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    /** A pending timeout: {@link #cancel()} it once what it bounds has ended. */
    final class Deadline implements Comparable<Deadline> {
        private final long dueNanos;
        private final long order = sequence.incrementAndGet();
        private final Runnable onExpiry;

        private Deadline(long dueNanos, Runnable onExpiry) {
            this.dueNanos = dueNanos;
            this.onExpiry = onExpiry;
        }

        /** Forgets the timeout; harmless once it fired or was cancelled. */
        void cancel() {
            if (pending.remove(this) && pending.isEmpty()) {
                stopWakingUp(); // an idle runtime keeps no timer task, so its thread can end
            }
        }

        @Override
        public int compareTo(Deadline other) {
            int byTime = Long.compare(dueNanos - other.dueNanos, 0);
            return byTime != 0 ? byTime : Long.compare(order, other.order);
        }
    }

    /** Deadlines not yet fired or cancelled. */
    int pending() {
        return pending.size();
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
        long wakeAt = wakeAtNanos;
        if (wakeAt == Long.MAX_VALUE || deadline.dueNanos - wakeAt < 0) {
            try {
                wakeNoLaterThan(deadline.dueNanos);
            } catch (RejectedExecutionException e) {
                pending.remove(deadline);
                throw e;
            }
        }
        return deadline;
    }

    private synchronized void wakeNoLaterThan(long dueNanos) {
        if (wakeAtNanos != Long.MAX_VALUE && dueNanos - wakeAtNanos >= 0) {
            return;
        }
        if (wakeUp != null) {
            wakeUp.cancel(false);
        }
        wakeUp = scheduler.schedule(this::fire, Math.max(0, dueNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        wakeAtNanos = dueNanos;
    }

    private synchronized void stopWakingUp() {
        if (wakeUp != null && pending.isEmpty()) {
            wakeUp.cancel(false);
            wakeUp = null;
            wakeAtNanos = Long.MAX_VALUE;
        }
    }

    private void fire() {
        synchronized (this) {
            wakeAtNanos = Long.MAX_VALUE;
            wakeUp = null;
        }
        long now = System.nanoTime();
        for (Deadline first = first(); first != null && now - first.dueNanos >= 0; first = first()) {
            if (pending.remove(first)) {
                try {
                    first.onExpiry.run();
                } catch (RuntimeException e) {
                    LOG.warn("a timeout's action failed: {}", e.getClass().getName());
                }
            }
        }
        Deadline next = first();
        if (next != null) {
            try {
                wakeNoLaterThan(next.dueNanos);
            } catch (RejectedExecutionException e) {
                // The runtime is closed: its close failed every call, so nothing is left to time out.
            }
        }
    }

    /** The earliest pending deadline, or null (never throws when the set empties meanwhile). */
    private Deadline first() {
        Iterator<Deadline> earliestFirst = pending.iterator();
        return earliestFirst.hasNext() ? earliestFirst.next() : null;
    }
}
