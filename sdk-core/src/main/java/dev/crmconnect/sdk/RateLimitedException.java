package dev.crmconnect.sdk;

import java.time.Duration;
import java.util.Optional;

/**
 * The API answered 429: a quota (records per minute or requests per day) was exceeded. Retried by
 * the SDK within its retry policy; thrown when the retries are spent, or at once when the server
 * asked for a wait longer than {@link RetryPolicy#maxRetryAfter()}.
 */
public class RateLimitedException extends CrmConnectException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    /**
     * Creates the exception; see {@link CrmConnectException#CrmConnectException} for the other parameters.
     *
     * @param retryAfter the wait the server asked for in {@code Retry-After}, or null when it gave none
     */
    public RateLimitedException(String message, int status, Integer serviceErrorCode, String requestId,
            int attempts, Duration retryAfter, Throwable cause) {
        super(message, status, serviceErrorCode, requestId, attempts, cause);
        this.retryAfter = retryAfter;
    }

    /** The wait the server asked for in {@code Retry-After}, when it gave one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
