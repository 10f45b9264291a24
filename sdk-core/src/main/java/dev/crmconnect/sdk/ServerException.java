package dev.crmconnect.sdk;

import java.time.Duration;
import java.util.Optional;

/**
 * The API answered with a 5xx status. Retried by the SDK (except 501) within its retry policy;
 * thrown when the retries are spent.
 */
public class ServerException extends CrmConnectException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    /**
     * Creates the exception; see {@link CrmConnectException#CrmConnectException} for the other parameters.
     *
     * @param retryAfter the wait the server asked for in {@code Retry-After}, or null when it gave none
     */
    public ServerException(String message, int status, Integer serviceErrorCode, String requestId,
            int attempts, Duration retryAfter, Throwable cause) {
        super(message, status, serviceErrorCode, requestId, attempts, cause);
        this.retryAfter = retryAfter;
    }

    /** The wait the server asked for in {@code Retry-After}, when it gave one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
