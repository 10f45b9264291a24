package dev.crmconnect.testkit;

import java.util.Objects;

/**
 * The throttling limits per application (client id), counted on the fake's clock: records per
 * minute (each batch entity is a record) and requests per day (reset at midnight UTC). Past
 * either, the fake answers 429.
 */
public final class Quotas {

    /** How a 429 says when to come back. */
    public enum RetryAfter {
        /** {@code Retry-After: <seconds>}. */
        SECONDS,
        /** {@code Retry-After: <HTTP date>}. */
        HTTP_DATE,
        /** No {@code Retry-After} header. */
        NONE
    }

    private final int recordsPerMinute;
    private final int requestsPerDay;
    private final RetryAfter retryAfter;

    private Quotas(int recordsPerMinute, int requestsPerDay, RetryAfter retryAfter) {
        if (recordsPerMinute < 1) {
            throw new IllegalArgumentException("rateLimit.recordsPerMinute: must be positive");
        }
        if (requestsPerDay < 1) {
            throw new IllegalArgumentException("rateLimit.requestsPerDay: must be positive");
        }
        this.recordsPerMinute = recordsPerMinute;
        this.requestsPerDay = requestsPerDay;
        this.retryAfter = Objects.requireNonNull(retryAfter, "rateLimit.retryAfter: is required");
    }

    /**
     * The contract's limits: 10,000 records a minute, 100,000 requests a day, with Retry-After in seconds.
     *
     * @return the contract's limits
     */
    public static Quotas contract() {
        return new Quotas(10_000, 100_000, RetryAfter.SECONDS);
    }

    /**
     * No limits.
     *
     * @return limits too high to reach, {@code Integer.MAX_VALUE} of each
     */
    public static Quotas unlimited() {
        return new Quotas(Integer.MAX_VALUE, Integer.MAX_VALUE, RetryAfter.SECONDS);
    }

    /**
     * Limits of your choosing.
     *
     * @param recordsPerMinute the records (batch entities) allowed per minute; positive
     * @param requestsPerDay the requests allowed per UTC day; positive
     * @param retryAfter how a 429 says when to come back
     * @return the limits
     * @throws IllegalArgumentException if a limit is not positive
     * @throws NullPointerException if {@code retryAfter} is null
     */
    public static Quotas of(int recordsPerMinute, int requestsPerDay, RetryAfter retryAfter) {
        return new Quotas(recordsPerMinute, requestsPerDay, retryAfter);
    }

    /**
     * Records (batch entities) per minute.
     *
     * @return the limit; positive
     */
    public int recordsPerMinute() {
        return recordsPerMinute;
    }

    /**
     * Requests per day.
     *
     * @return the limit; positive
     */
    public int requestsPerDay() {
        return requestsPerDay;
    }

    /**
     * How a 429 says when to come back.
     *
     * @return the form of {@code Retry-After}
     */
    public RetryAfter retryAfter() {
        return retryAfter;
    }

    @Override
    public String toString() {
        return "Quotas[recordsPerMinute=" + recordsPerMinute + ", requestsPerDay=" + requestsPerDay + ", retryAfter="
                + retryAfter + "]";
    }
}
