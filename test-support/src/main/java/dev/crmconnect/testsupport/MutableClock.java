package dev.crmconnect.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that stands still until the test moves it, for code that reads time through a
 * {@code Clock}: a poller, a throttle, a token cache, a webhook receiver. It is in UTC;
 * {@link #withZone} gives a view in another zone over the same time. Thread-safe: the code under
 * test may read it on other threads while the test moves it.
 */
public final class MutableClock extends Clock {

    private final AtomicReference<Instant> now;

    /**
     * A clock that reads {@code start} until moved.
     *
     * @param start the time it starts at
     */
    public MutableClock(Instant start) {
        this.now = new AtomicReference<>(Objects.requireNonNull(start, "start"));
    }

    /**
     * Moves the clock by {@code duration}; a negative one moves it back.
     *
     * @param duration how far to move it
     */
    public void advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        now.updateAndGet(instant -> instant.plus(duration));
    }

    /**
     * Sets the clock to {@code instant}.
     *
     * @param instant the new time
     */
    public void set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** This clock for UTC, else a view in {@code zone} that this clock's moves move too. */
    @Override
    public Clock withZone(ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        return zone.equals(ZoneOffset.UTC) ? this : new ZonedView(zone);
    }

    @Override
    public String toString() {
        return "MutableClock[" + instant() + "]";
    }

    private final class ZonedView extends Clock {
        private final ZoneId zone;

        ZonedView(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public Instant instant() {
            return MutableClock.this.instant();
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return MutableClock.this.withZone(other);
        }
    }
}
