package dev.crmconnect.sdk;

import java.time.Duration;
import java.util.Objects;

/**
 * How the client retries a failed attempt: at most {@link #maxAttempts()} attempts in all, waiting
 * between them a random time between zero and {@code initialBackoff * 2^(n-1)} capped at
 * {@link #maxBackoff()} (exponential backoff with full jitter), or the server's
 * {@code Retry-After} when it sent one, plus up to a tenth more (at most a second) so that calls
 * refused together do not retry together. A {@code Retry-After} longer than {@link #maxRetryAfter()}
 * fails the call at once, with the wait in the exception. Immutable.
 *
 * <p>Retried: 429, 5xx but 501, connection failures, resets and timeouts. Never retried: any
 * other 4xx. A non-idempotent request (CREATE) is retried only because it carries an
 * {@code X-Idempotency-Key} that stays the same on every attempt.
 */
public final class RetryPolicy {

    private static final RetryPolicy DEFAULTS = builder().build();

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration maxRetryAfter;

    private RetryPolicy(Builder builder) {
        this.maxAttempts = builder.maxAttempts;
        this.initialBackoff = builder.initialBackoff;
        this.maxBackoff = builder.maxBackoff;
        this.maxRetryAfter = builder.maxRetryAfter;
    }

    /**
     * The defaults: 4 attempts, backoff from 500 ms up to 20 s, a {@code Retry-After} of up to
     * 60 s honoured.
     */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /** One attempt, no retries. */
    public static RetryPolicy none() {
        return builder().maxAttempts(1).build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this policy. */
    public Builder toBuilder() {
        return new Builder()
                .maxAttempts(maxAttempts)
                .initialBackoff(initialBackoff)
                .maxBackoff(maxBackoff)
                .maxRetryAfter(maxRetryAfter);
    }

    /** The most attempts a call makes, the first included. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** The upper bound of the random wait before the first retry. */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /** The cap on the upper bound of the random wait, however many retries came before. */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /** The longest {@code Retry-After} the client waits for; a longer one fails the call at once. */
    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RetryPolicy that
                && maxAttempts == that.maxAttempts
                && initialBackoff.equals(that.initialBackoff)
                && maxBackoff.equals(that.maxBackoff)
                && maxRetryAfter.equals(that.maxRetryAfter);
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxAttempts, initialBackoff, maxBackoff, maxRetryAfter);
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff
                + ", maxBackoff=" + maxBackoff + ", maxRetryAfter=" + maxRetryAfter + "]";
    }

    /** Builds a {@link RetryPolicy}; every setting is checked when it is set. */
    public static final class Builder {

        private int maxAttempts = 4;
        private Duration initialBackoff = Duration.ofMillis(500);
        private Duration maxBackoff = Duration.ofSeconds(20);
        private Duration maxRetryAfter = Duration.ofSeconds(60);

        private Builder() {
        }

        /** The most attempts a call makes, the first included: 1 to 20. */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1 || maxAttempts > 20) {
                throw new IllegalArgumentException("maxAttempts must be between 1 and 20, was " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** The upper bound of the random wait before the first retry: positive. */
        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = positive("initialBackoff", initialBackoff);
            return this;
        }

        /** The cap on the random wait: positive, and at least {@code initialBackoff} at build time. */
        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = positive("maxBackoff", maxBackoff);
            return this;
        }

        /** The longest {@code Retry-After} honoured: zero or more; zero fails at any {@code Retry-After}. */
        public Builder maxRetryAfter(Duration maxRetryAfter) {
            Objects.requireNonNull(maxRetryAfter, "maxRetryAfter must not be null");
            if (maxRetryAfter.isNegative()) {
                throw new IllegalArgumentException("maxRetryAfter must not be negative, was " + maxRetryAfter);
            }
            this.maxRetryAfter = maxRetryAfter;
            return this;
        }

        /** The policy. */
        public RetryPolicy build() {
            if (maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalArgumentException("maxBackoff must be at least initialBackoff ("
                        + initialBackoff + "), was " + maxBackoff);
            }
            return new RetryPolicy(this);
        }

        private static Duration positive(String name, Duration value) {
            Objects.requireNonNull(value, name + " must not be null");
            if (value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException(name + " must be positive, was " + value);
            }
            return value;
        }
    }
}
