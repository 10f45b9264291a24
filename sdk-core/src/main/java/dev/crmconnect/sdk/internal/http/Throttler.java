package dev.crmconnect.sdk.internal.http;

import dev.crmconnect.sdk.Throttle;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The client-side throttle (policy in {@link Throttle}): records paced evenly with a small burst
 * and capped by a sliding window, requests per UTC day of the client's clock. Each call reserves
 * its send time without blocking; the caller schedules the attempt after the returned wait.
 *
 * <p>Why pace as well as cap: the window alone lets a whole minute's quota go at once and then
 * nothing for a minute, so a minute of the server's clock may see a full burst or half of two;
 * paced, every minute of a long sync carries the same share (60/61 of the quota), and the server
 * sees a steady flow.
 *
 * <p>Record reservations are first come, first served: a call's records are never placed before
 * those of an earlier call, so a large batch is not starved by small ones. A call without records
 * waits only for the day's requests. A background call (a reconcile's batch) reserves only a time
 * that is free now; otherwise it is told how long to wait and asks again then, so an interactive
 * call that comes meanwhile books the next free time ahead of it instead of queueing behind it.
 */
final class Throttler {

    /**
     * How late after its reserved time a request may reach the server and be counted there. A
     * request reserved this close to midnight counts in both days.
     */
    static final Duration ARRIVAL_MARGIN = Duration.ofSeconds(1);
    /**
     * The span that holds at most a minute's quota of records: the server's minute and the arrival
     * margin, so that however a server minute falls, the records arriving in it were all reserved
     * within one window.
     */
    static final Duration RECORD_WINDOW = Duration.ofMinutes(1).plus(ARRIVAL_MARGIN);

    /** The share of the quota that may go at once after a pause, before pacing applies. */
    static final int BURST_DIVISOR = 10;

    private static final long DAY_MILLIS = Duration.ofDays(1).toMillis();

    /** Records reserved at one time. */
    private record Reservation(long atMillis, int records) {
    }

    private final int recordsPerWindow;
    private final int requestsPerDay;
    private final long windowMillis = RECORD_WINDOW.toMillis();
    private final long marginMillis = ARRIVAL_MARGIN.toMillis();
    private final long maxWaitMillis;
    private final Clock clock;

    /** Record reservations within a window of the latest one, oldest first. */
    private final Deque<Reservation> reserved = new ArrayDeque<>();
    /** The pace: one window spread evenly over a quota of records. */
    private final double millisPerRecord;
    /** How far ahead of the pace reservations may run: the burst. */
    private final double burstMillis;
    /** When the records reserved so far are paid for at the pace (a virtual clock). */
    private double pacedUntilMillis = Double.NEGATIVE_INFINITY;
    private int recordsReserved;
    private long latestRecordsAtMillis = Long.MIN_VALUE;
    /** Requests reserved per UTC day (days since the epoch), today's and later. */
    private final TreeMap<Long, Integer> requestsByDay = new TreeMap<>();

    Throttler(int recordsPerWindow, int requestsPerDay, Duration maxWait, Clock clock) {
        this.recordsPerWindow = recordsPerWindow;
        this.requestsPerDay = requestsPerDay;
        // A call timeout beyond what milliseconds hold is as good as no limit.
        this.maxWaitMillis = maxWait.getSeconds() >= Long.MAX_VALUE / 1000 ? Long.MAX_VALUE : maxWait.toMillis();
        this.clock = clock;
        this.millisPerRecord = (double) windowMillis / recordsPerWindow;
        this.burstMillis = millisPerRecord * Math.max(1, recordsPerWindow / BURST_DIVISOR);
    }

    /** The throttle for {@code throttle} on {@code clock}, or null when it is disabled. */
    static Throttler of(Throttle throttle, Duration maxWait, Clock clock) {
        if (!throttle.enabled()) {
            return null;
        }
        return new Throttler(throttle.recordsPerMinute(), throttle.requestsPerDay(), maxWait, clock);
    }

    /**
     * Reserves one request and {@code recordCount} records, at the earliest time both quotas allow.
     *
     * @return the nanoseconds to wait before sending, 0 for none, or -1 when the wait would exceed
     *     the longest allowed (then nothing is reserved)
     */
    synchronized long reserve(int recordCount) {
        return reserve(recordCount, false);
    }

    /**
     * Reserves like {@link #reserve(int)}; a {@code background} call reserves only when it may send
     * now, and otherwise reserves nothing and must call again once the returned wait has passed.
     *
     * @return the nanoseconds to wait before sending (for a background call, before asking again),
     *     0 to send now, or -1 when the wait would exceed the longest allowed
     */
    synchronized long reserve(int recordCount, boolean background) {
        if (recordCount > recordsPerWindow) {
            return -1; // no window could ever hold it
        }
        long now = clock.millis();
        long at = recordCount == 0 ? now : earliestForRecords(Math.max(paced(now), latestRecordsAtMillis),
                recordCount);
        // A later time for the day's requests suits the records too: their window only empties.
        at = earliestForRequest(at);
        if (at - now > maxWaitMillis) {
            return -1;
        }
        if (background && at > now) {
            return TimeUnit.MILLISECONDS.toNanos(at - now); // booked nothing: the caller asks again then
        }
        commit(at, recordCount, now);
        return TimeUnit.MILLISECONDS.toNanos(at - now);
    }

    /** The earliest time from {@code now} that the pace allows, the burst spent first. */
    private long paced(long now) {
        return Math.max(now, (long) Math.ceil(pacedUntilMillis - burstMillis));
    }

    /**
     * The earliest time from {@code from} (not before the latest record reservation) at which
     * {@code count} more records leave every window within the quota. Every reservation is at or
     * before {@code from}, so only those within a window before it count, and waiting lets the
     * oldest leave one by one.
     */
    private long earliestForRecords(long from, int count) {
        long at = from;
        int inWindow = recordsReserved;
        for (Reservation r : reserved) {
            if (r.atMillis() > at - windowMillis) {
                if (inWindow + count <= recordsPerWindow) {
                    break;
                }
                at = r.atMillis() + windowMillis;
            }
            inWindow -= r.records();
        }
        return at;
    }

    /**
     * The earliest time from {@code from} at which one more request stays within its UTC day's
     * quota, and within the next day's too when it may arrive after midnight.
     */
    private long earliestForRequest(long from) {
        long at = from;
        while (true) {
            long day = Math.floorDiv(at, DAY_MILLIS);
            if (requestsOn(day) < requestsPerDay
                    && (!nearMidnight(at) || requestsOn(day + 1) < requestsPerDay)) {
                return at;
            }
            at = (day + 1) * DAY_MILLIS;
        }
    }

    private void commit(long at, int recordCount, long now) {
        long day = Math.floorDiv(at, DAY_MILLIS);
        requestsByDay.merge(day, 1, Integer::sum);
        if (nearMidnight(at)) {
            requestsByDay.merge(day + 1, 1, Integer::sum);
        }
        requestsByDay.headMap(Math.floorDiv(now, DAY_MILLIS)).clear();
        if (recordCount > 0) {
            pacedUntilMillis = Math.max(pacedUntilMillis, at) + recordCount * millisPerRecord;
            reserved.addLast(new Reservation(at, recordCount));
            recordsReserved += recordCount;
            latestRecordsAtMillis = at;
            // Later reservations come at or after this one: older ones can no longer share a window.
            while (reserved.getFirst().atMillis() <= at - windowMillis) {
                recordsReserved -= reserved.removeFirst().records();
            }
        }
    }

    private boolean nearMidnight(long at) {
        return Math.floorDiv(at + marginMillis, DAY_MILLIS) != Math.floorDiv(at, DAY_MILLIS);
    }

    private int requestsOn(long day) {
        return requestsByDay.getOrDefault(day, 0);
    }

    /** The records reserved within a window of the latest reservation; for tests. */
    synchronized int recordsInWindow() {
        return recordsReserved;
    }

    /** The requests reserved per UTC day still tracked; for tests. */
    synchronized Map<Long, Integer> requestsByDay() {
        return Map.copyOf(requestsByDay);
    }
}
