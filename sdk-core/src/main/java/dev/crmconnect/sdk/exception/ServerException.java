package dev.crmconnect.sdk.exception;

import java.time.Duration;
import java.util.Optional;

/**
 * The API answered with a 5xx status. Retried by the SDK (except 501) within its retry policy;
 * thrown when the retries are spent.
 */
public class ServerException extends CrmConnectException {

    private static final long serialVersionUID = 1L;


    /**
     * Creates the exception.
     *
     * @param message what failed, without bodies, tokens or secrets
     * @param details what is known about the call: status, code, request id, attempts
     * @param cause the underlying failure, or null
     */
    public ServerException(String message, ErrorDetails details, Throwable cause) {
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
