package dev.crmconnect.sdk.privacy;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Random;

/**
 * How {@code client.dataRequests().awaitCompletion} polls a request until it is COMPLETED or
 * FAILED: waiting longer each time, doubling from the first interval up to the largest, each wait
 * jittered to between half and all of it. Set on the client with
 * {@code CrmConnectClient.Builder.dataRequestPolling}. Immutable.
 *
 * <pre>{@code
 * DataRequestPolling polling = DataRequestPolling.builder()
 *         .intervals(Duration.ofSeconds(5), Duration.ofMinutes(2))
 *         .build();
 * }</pre>
 */
public final class DataRequestPolling {

    /** The default first wait between polls: 2 seconds. */
    public static final Duration DEFAULT_FIRST_INTERVAL = Duration.ofSeconds(2);
    /** The default largest wait between polls: 1 minute. */
    public static final Duration DEFAULT_MAX_INTERVAL = Duration.ofMinutes(1);

    private static final DataRequestPolling DEFAULTS = builder().build();

    private final Duration firstInterval;
    private final Duration maxInterval;
    private final Sleeper sleeper;
    private final Clock clock;
    private final Random random;

    private DataRequestPolling(Builder builder) {
        this.firstInterval = builder.firstInterval;
        this.maxInterval = builder.maxInterval;
        this.sleeper = builder.sleeper;
        this.clock = builder.clock;
        this.random = builder.random;
    }

    /**
     * The defaults: waits from {@link #DEFAULT_FIRST_INTERVAL} to {@link #DEFAULT_MAX_INTERVAL}, in
     * real time, on the system clock.
     *
     * @return the default polling
     */
    public static DataRequestPolling defaults() {
        return DEFAULTS;
    }

    /**
     * A builder holding the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The first wait between polls.
     *
     * @return the first wait, at least 1 ms
     */
    public Duration firstInterval() {
        return firstInterval;
    }

    /**
     * The largest wait between polls.
     *
     * @return the largest wait, at least {@link #firstInterval()}
     */
    public Duration maxInterval() {
        return maxInterval;
    }

    /**
     * How to wait between polls.
     *
     * @return the sleeper
     */
    public Sleeper sleeper() {
        return sleeper;
    }

    /**
     * The clock the timeout of {@code awaitCompletion} is measured on.
     *
     * @return the clock
     */
    public Clock clock() {
        return clock;
    }

    /**
     * The source of the jitter.
     *
     * @return the source
     */
    public Random random() {
        return random;
    }

    @Override
    public String toString() {
        return "DataRequestPolling[" + firstInterval + " to " + maxInterval + "]";
    }

    /** Builds {@link DataRequestPolling}; every setting is checked when it is set. */
    public static final class Builder {

        private Duration firstInterval = DEFAULT_FIRST_INTERVAL;
        private Duration maxInterval = DEFAULT_MAX_INTERVAL;
        private Sleeper sleeper = Sleeper.system();
        private Clock clock = Clock.systemUTC();
        private Random random = new Random();

        private Builder() {
        }

        /**
         * The first and the largest wait between polls; default {@link #DEFAULT_FIRST_INTERVAL} and
         * {@link #DEFAULT_MAX_INTERVAL}.
         *
         * @param first the first wait; at least 1 ms
         * @param max the largest wait; at least {@code first}
         * @return this builder
         * @throws NullPointerException if an argument is null
         * @throws IllegalArgumentException if {@code first} is under 1 ms or longer than {@code max}
         */
        public Builder intervals(Duration first, Duration max) {
            Objects.requireNonNull(first, "first must not be null");
            Objects.requireNonNull(max, "max must not be null");
            if (first.toMillis() < 1 || max.compareTo(first) < 0) {
                throw new IllegalArgumentException("intervals: need 1 ms <= first <= max, were " + first
                        + " and " + max);
            }
            this.firstInterval = first;
            this.maxInterval = max;
            return this;
        }

        /**
         * How to wait between polls; default {@link Sleeper#system()}.
         *
         * @param sleeper the sleeper; tests pass one that moves a fake clock
         * @return this builder
         * @throws NullPointerException if {@code sleeper} is null
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper must not be null");
            return this;
        }

        /**
         * The clock the timeout of {@code awaitCompletion} is measured on; default the system clock.
         *
         * @param clock the clock
         * @return this builder
         * @throws NullPointerException if {@code clock} is null
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock must not be null");
            return this;
        }

        /**
         * The source of the jitter; seed it for repeatable waits.
         *
         * @param random the source
         * @return this builder
         * @throws NullPointerException if {@code random} is null
         */
        public Builder random(Random random) {
            this.random = Objects.requireNonNull(random, "random must not be null");
            return this;
        }

        /**
         * The polling settings.
         *
         * @return new settings with the values of this builder
         */
        public DataRequestPolling build() {
            return new DataRequestPolling(this);
        }
    }
}
