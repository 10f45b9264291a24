package dev.crmconnect.sdk.exception;

import java.time.Duration;
import java.util.Optional;

/**
 * The API answered 429: a quota (records per minute or requests per day) was exceeded. Retried by
 * the SDK within its retry policy; thrown when the retries are spent, or at once when the server
 * asked for a wait longer than {@link dev.crmconnect.sdk.RetryPolicy#maxRetryAfter()}.
 */
public class RateLimitedException extends CrmConnectException {

    private static final long serialVersionUID = 1L;


    /**
     * Creates the exception.
     *
     * @param message what failed, without bodies, tokens or secrets
     * @param details what is known about the call: status, code, request id, attempts
     * @param cause the underlying failure, or null
     */
    public RateLimitedException(String message, ErrorDetails details, Throwable cause) {
        super(message, details, cause);
    }

    /**
     * The wait the server asked for in {@code Retry-After}.
     *
     * @return the wait, or empty when the server gave none
     */
    public Optional<Duration> retryAfter() {
        return details().retryAfter();
    }
}
