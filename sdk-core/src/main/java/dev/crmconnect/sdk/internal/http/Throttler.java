package dev.crmconnect.sdk.internal.http;

import dev.crmconnect.sdk.Throttle;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;

/**
 * The client-side throttle, on resilience4j's rate limiter: one limiter for records and one for
 * requests. Permits are reserved without blocking; the caller schedules the attempt after the
 * returned wait. The quotas are sliced (see {@link Throttle}) so that no minute and no UTC day,
 * however they fall against the limiter's cycles, exceeds them.
 */
final class Throttler {

    /** A minute spans at most 61 one-second cycles. */
    static final Duration RECORD_CYCLE = Duration.ofSeconds(1);
    static final int RECORD_CYCLES_PER_MINUTE = 61;
    /** A UTC day spans at most 1441 one-minute cycles. */
    static final Duration REQUEST_CYCLE = Duration.ofMinutes(1);
    static final int REQUEST_CYCLES_PER_DAY = 1441;

    private final RateLimiter records;
    private final RateLimiter requests;

    Throttler(int recordsPerCycle, Duration recordCycle, int requestsPerCycle, Duration requestCycle,
            Duration maxWait) {
        this.records = RateLimiter.of("crmconnect-records", config(recordsPerCycle, recordCycle, maxWait));
        this.requests = RateLimiter.of("crmconnect-requests", config(requestsPerCycle, requestCycle, maxWait));
    }

    /** The throttle for {@code throttle}, or null when it is disabled. */
    static Throttler of(Throttle throttle, Duration maxWait) {
        if (!throttle.enabled()) {
            return null;
        }
        return new Throttler(throttle.recordsPerMinute() / RECORD_CYCLES_PER_MINUTE, RECORD_CYCLE,
                throttle.requestsPerDay() / REQUEST_CYCLES_PER_DAY, REQUEST_CYCLE, maxWait);
    }

    /**
     * Reserves one request and {@code recordCount} records.
     *
     * @return the nanoseconds to wait before sending, 0 for none, or -1 when the wait would exceed
     *     the longest allowed and nothing was reserved for the records
     */
    long reserve(int recordCount) {
        long requestWait = requests.reservePermission(1);
        if (requestWait < 0 || recordCount == 0) {
            return requestWait;
        }
        long recordWait = records.reservePermission(recordCount);
        return recordWait < 0 ? -1 : Math.max(requestWait, recordWait);
    }

    int recordsPerCycle() {
        return records.getRateLimiterConfig().getLimitForPeriod();
    }

    int requestsPerCycle() {
        return requests.getRateLimiterConfig().getLimitForPeriod();
    }

    private static RateLimiterConfig config(int perCycle, Duration cycle, Duration maxWait) {
        return RateLimiterConfig.custom()
                .limitForPeriod(Math.max(1, perCycle))
                .limitRefreshPeriod(cycle)
                .timeoutDuration(maxWait)
                .build();
    }
}
