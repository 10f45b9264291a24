package dev.crmconnect.testkit;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Faults the fake injects into API calls, drawn from a seeded random sequence so that the same
 * seed and the same sequence of calls give the same faults. Immutable; build with {@link #builder()}.
 */
public final class Faults {

    private final long seed;
    private final Map<Integer, Double> errorRates;
    private final double resetRate;
    private final Duration latency;
    private final double slowBodyRate;
    private final Duration slowBodyDuration;

    private Faults(Builder b) {
        this.seed = b.seed != null ? b.seed : ThreadLocalRandom.current().nextLong();
        this.errorRates = Collections.unmodifiableMap(new TreeMap<>(b.errorRates));
        this.resetRate = b.resetRate;
        this.latency = b.latency;
        this.slowBodyRate = b.slowBodyRate;
        this.slowBodyDuration = b.slowBodyDuration;
        double total = resetRate + errorRates.values().stream().mapToDouble(Double::doubleValue).sum();
        if (total > 1.0 + 1e-9) {
            throw new IllegalArgumentException("faults: error and reset rates must add up to at most 1, got " + total);
        }
    }

    /**
     * No faults at all.
     *
     * @return faults that inject nothing
     */
    public static Faults none() {
        return builder().seed(0).build();
    }

    /**
     * A builder; without {@link Builder#seed} a random seed is chosen (see {@link #seed()}).
     *
     * @return a new builder with no fault set
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The seed of the random sequence; print it when a test fails.
     *
     * @return the seed given to the builder, or the random one chosen
     */
    public long seed() {
        return seed;
    }

    /**
     * The share of calls answered with each error status.
     *
     * @return an unmodifiable map of status to share, each share 0 to 1
     */
    public Map<Integer, Double> errorRates() {
        return errorRates;
    }

    /**
     * The share of calls whose connection is reset.
     *
     * @return the share, 0 to 1
     */
    public double resetRate() {
        return resetRate;
    }

    /**
     * A delay added before every answer.
     *
     * @return the delay; zero for none
     */
    public Duration latency() {
        return latency;
    }

    /**
     * The share of answers whose body is sent slowly.
     *
     * @return the share, 0 to 1
     */
    public double slowBodyRate() {
        return slowBodyRate;
    }

    /**
     * How long a slow body takes to arrive.
     *
     * @return the duration; positive
     */
    public Duration slowBodyDuration() {
        return slowBodyDuration;
    }

    @Override
    public String toString() {
        return "Faults[seed=" + seed + ", errorRates=" + errorRates + ", resetRate=" + resetRate + ", latency="
                + latency + ", slowBodyRate=" + slowBodyRate + ", slowBodyDuration=" + slowBodyDuration + "]";
    }

    /** Builds {@link Faults}. */
    public static final class Builder {
        private Long seed;
        private final Map<Integer, Double> errorRates = new TreeMap<>();
        private double resetRate;
        private Duration latency = Duration.ZERO;
        private double slowBodyRate;
        private Duration slowBodyDuration = Duration.ofMillis(500);

        private Builder() {
        }

        /**
         * The seed of the random sequence.
         *
         * @param value the seed; the same seed and calls give the same faults
         * @return this builder
         */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /**
         * Answers this share of calls (0 to 1) with this status (400 to 599).
         *
         * @param status the HTTP status, 400 to 599
         * @param rate the share of calls, 0 to 1; added to any share already set for the status
         * @return this builder
         * @throws IllegalArgumentException if {@code status} or {@code rate} is out of range
         */
        public Builder errorRate(int status, double rate) {
            if (status < 400 || status > 599) {
                throw new IllegalArgumentException("faults.statuses: must be between 400 and 599, got " + status);
            }
            errorRates.merge(status, rate(rate, "errorRate"), Double::sum);
            return this;
        }

        /**
         * Answers this share of calls with an error, spread evenly over these statuses.
         *
         * @param rate the share of calls, 0 to 1
         * @param statuses the HTTP statuses, each 400 to 599; at least one
         * @return this builder
         * @throws IllegalArgumentException if {@code rate} or a status is out of range, or no status is given
         */
        public Builder errorRate(double rate, int... statuses) {
            if (statuses.length == 0) {
                throw new IllegalArgumentException("faults.statuses: at least one status is required");
            }
            rate(rate, "errorRate");
            for (int status : statuses) {
                errorRate(status, rate / statuses.length);
            }
            return this;
        }

        /**
         * Resets the connection of this share of calls.
         *
         * @param rate the share of calls, 0 to 1
         * @return this builder
         * @throws IllegalArgumentException if {@code rate} is out of range
         */
        public Builder resetRate(double rate) {
            this.resetRate = rate(rate, "resetRate");
            return this;
        }

        /**
         * Delays every answer by this much.
         *
         * @param value the delay; zero or more
         * @return this builder
         * @throws NullPointerException if {@code value} is null
         * @throws IllegalArgumentException if {@code value} is negative
         */
        public Builder latency(Duration value) {
            Objects.requireNonNull(value, "faults.latency: is required");
            if (value.isNegative()) {
                throw new IllegalArgumentException("faults.latency: must not be negative");
            }
            this.latency = value;
            return this;
        }

        /**
         * Sends the body of this share of answers in small chunks spread over {@code duration}.
         *
         * @param rate the share of answers, 0 to 1
         * @param duration how long a slow body takes to arrive; positive
         * @return this builder
         * @throws NullPointerException if {@code duration} is null
         * @throws IllegalArgumentException if {@code rate} or {@code duration} is out of range
         */
        public Builder slowBodies(double rate, Duration duration) {
            this.slowBodyRate = rate(rate, "slowBodyRate");
            Objects.requireNonNull(duration, "faults.slowBodyMillis: is required");
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("faults.slowBodyMillis: must be positive");
            }
            this.slowBodyDuration = duration;
            return this;
        }

        /**
         * The faults.
         *
         * @return the immutable faults
         * @throws IllegalArgumentException if the error and reset rates add up to more than 1
         */
        public Faults build() {
            return new Faults(this);
        }

        private static double rate(double rate, String field) {
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException("faults." + field + ": must be between 0 and 1, got " + rate);
            }
            return rate;
        }
    }
}
