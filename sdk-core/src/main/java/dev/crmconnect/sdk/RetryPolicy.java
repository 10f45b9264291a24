package dev.crmconnect.sdk;

import dev.crmconnect.model.internal.Check;
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
     *
     * @return the shared default policy
     */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /**
     * One attempt, no retries.
     *
     * @return a policy of one attempt; the other settings are the defaults and never apply
     */
    public static RetryPolicy none() {
        return builder().maxAttempts(1).build();
    }

    /**
     * A builder starting from the defaults.
     *
     * @return a new builder holding the default settings
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder starting from this policy.
     *
     * @return a new builder holding this policy's settings
     */
    public Builder toBuilder() {
        return new Builder()
                .maxAttempts(maxAttempts)
                .initialBackoff(initialBackoff)
                .maxBackoff(maxBackoff)
                .maxRetryAfter(maxRetryAfter);
    }

    /**
     * The most attempts a call makes, the first included.
     *
     * @return the number of attempts, 1 to 20
     */
    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * The upper bound of the random wait before the first retry.
     *
     * @return the bound; positive
     */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /**
     * The cap on the upper bound of the random wait, however many retries came before.
     *
     * @return the cap; at least {@link #initialBackoff()}
     */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /**
     * The longest {@code Retry-After} the client waits for; a longer one fails the call at once.
     *
     * @return the longest wait honoured; zero or more
     */
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

        /**
         * The most attempts a call makes, the first included; default 4.
         *
         * @param maxAttempts the number of attempts, 1 to 20; 1 means no retries
         * @return this builder
         * @throws IllegalArgumentException if {@code maxAttempts} is out of range
         */
        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = (int) Check.between("maxAttempts", maxAttempts, 1, 20);
            return this;
        }

        /**
         * The upper bound of the random wait before the first retry; default 500 ms. It doubles on each further
         * retry, up to {@link #maxBackoff(Duration)}.
         *
         * @param initialBackoff the bound; positive
         * @return this builder
         * @throws NullPointerException if {@code initialBackoff} is null
         * @throws IllegalArgumentException if {@code initialBackoff} is zero or negative
         */
        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = positive("initialBackoff", initialBackoff);
            return this;
        }

        /**
         * The cap on the upper bound of the random wait; default 20 s.
         *
         * @param maxBackoff the cap; positive, and at least {@code initialBackoff} when {@link #build()} runs
         * @return this builder
         * @throws NullPointerException if {@code maxBackoff} is null
         * @throws IllegalArgumentException if {@code maxBackoff} is zero or negative
         */
        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = positive("maxBackoff", maxBackoff);
            return this;
        }

        /**
         * The longest {@code Retry-After} honoured; default 60 s.
         *
         * @param maxRetryAfter the longest wait; zero or more, zero failing the call at any {@code Retry-After}
         * @return this builder
         * @throws NullPointerException if {@code maxRetryAfter} is null
         * @throws IllegalArgumentException if {@code maxRetryAfter} is negative
         */
        public Builder maxRetryAfter(Duration maxRetryAfter) {
            if (required("maxRetryAfter", maxRetryAfter).isNegative()) {
                throw Check.invalid("maxRetryAfter", "must not be negative");
            }
            this.maxRetryAfter = maxRetryAfter;
            return this;
        }

        /**
         * The policy set so far.
         *
         * @return a new, immutable policy
         * @throws IllegalArgumentException if {@code maxBackoff} is shorter than {@code initialBackoff}
         */
        public RetryPolicy build() {
            if (maxBackoff.compareTo(initialBackoff) < 0) {
                throw Check.invalid("maxBackoff", "must not be shorter than initialBackoff");
            }
            return new RetryPolicy(this);
        }

        private static Duration positive(String name, Duration value) {
            return Check.positive(name, required(name, value));
        }

        /** {@code value}, which must not be null: a null is a {@link NullPointerException}, as the setters state. */
        private static Duration required(String name, Duration value) {
            return Objects.requireNonNull(value, () -> name + ": is required");
        }
    }
}
