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

    /** The wait the server asked for in {@code Retry-After}, or null when it gave none. */
    private final Duration retryAfter;

    /**
     * Creates the exception.
     *
     * @param message what failed, without bodies, tokens or secrets
     * @param status the HTTP status, 429
     * @param serviceErrorCode LinkedIn's {@code serviceErrorCode}, or null when unknown
     * @param requestId the {@code X-LI-UUID} of the response, or null when unknown
     * @param attempts how many attempts the call made (at least 1 once a request was tried, 0 before)
     * @param retryAfter the wait the server asked for in {@code Retry-After}, or null when it gave none
     * @param cause the underlying failure, or null
     */
    public RateLimitedException(String message, int status, Integer serviceErrorCode, String requestId,
            int attempts, Duration retryAfter, Throwable cause) {
        super(message, status, serviceErrorCode, requestId, attempts, cause);
        this.retryAfter = retryAfter;
    }

    /**
     * The wait the server asked for in {@code Retry-After}.
     *
     * @return the wait, or empty when the server gave none
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
