package dev.crmconnect.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The fake server's clock: token expiry, quota windows, notice retention and data request
 * progress all read it. It follows the system clock until told otherwise; {@link #advance} and
 * {@link #set} move it (it keeps ticking from there), {@link #freeze} stops it. It is a
 * {@link Clock} in UTC, so a test can hand it to anything that takes one (an SDK client, a
 * poller) and move both sides' time together. Thread-safe.
 */
public final class FakeClock extends Clock {

    private final Clock system;
    private long offsetMillis;
    private Long frozenAtMillis;

    FakeClock(Clock system) {
        this.system = system;
    }

    /**
     * The fake's current time.
     *
     * @return the time, to the millisecond
     */
    public synchronized Instant now() {
        return Instant.ofEpochMilli(millis());
    }

    /**
     * The fake's current time in epoch milliseconds.
     *
     * @return milliseconds since the epoch
     */
    @Override
    public synchronized long millis() {
        return frozenAtMillis != null ? frozenAtMillis : system.millis() + offsetMillis;
    }

    /**
     * Moves the clock forward; a negative duration is refused.
     *
     * @param duration how far to move it; zero or more, to the millisecond
     * @throws NullPointerException if {@code duration} is null
     * @throws IllegalArgumentException if {@code duration} is negative
     */
    public synchronized void advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration: must not be negative");
        }
        if (frozenAtMillis != null) {
            frozenAtMillis += duration.toMillis();
        } else {
            offsetMillis += duration.toMillis();
        }
    }

    /**
     * Sets the clock to this instant (earlier or later than now).
     *
     * @param instant the new time
     * @throws NullPointerException if {@code instant} is null
     */
    public synchronized void set(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        if (frozenAtMillis != null) {
            frozenAtMillis = instant.toEpochMilli();
        } else {
            offsetMillis = instant.toEpochMilli() - system.millis();
        }
    }

    /** Stops the clock where it is; only {@link #advance} and {@link #set} move it then. */
    public synchronized void freeze() {
        frozenAtMillis = millis();
    }

    /** Lets a frozen clock tick again from where it stands. */
    public synchronized void resume() {
        if (frozenAtMillis != null) {
            offsetMillis = frozenAtMillis - system.millis();
            frozenAtMillis = null;
        }
    }

    /**
     * Whether the clock is frozen.
     *
     * @return true between {@link #freeze()} and {@link #resume()} or {@link #reset()}
     */
    public synchronized boolean isFrozen() {
        return frozenAtMillis != null;
    }

    /** Back to the system time, ticking. */
    public synchronized void reset() {
        offsetMillis = 0;
        frozenAtMillis = null;
    }

    /**
     * The fake's current time, as {@link #now()}.
     *
     * @return the time, to the millisecond
     */
    @Override
    public Instant instant() {
        return now();
    }

    /**
     * The fake's time zone.
     *
     * @return always UTC
     */
    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /**
     * A clock in another zone that reads this clock's time: advancing, setting or freezing this
     * clock moves the view too.
     *
     * @param zone the zone of the view
     * @return this clock for UTC, else a view over this clock's time in {@code zone}
     * @throws NullPointerException if {@code zone} is null
     */
    @Override
    public Clock withZone(ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        return zone.equals(ZoneOffset.UTC) ? this : new ZonedView(zone);
    }

    /** This clock's time in another zone. */
    private final class ZonedView extends Clock {
        private final ZoneId zone;

        ZonedView(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return FakeClock.this.withZone(other);
        }

        @Override
        public long millis() {
            return FakeClock.this.millis();
        }

        @Override
        public Instant instant() {
            return FakeClock.this.now();
        }

        @Override
        public String toString() {
            return FakeClock.this + " in " + zone;
        }
    }

    @Override
    public String toString() {
        return "FakeClock[" + now() + (isFrozen() ? ", frozen]" : "]");
    }
}
