package dev.crmconnect.sdk.exception;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Root of every failure the SDK reports; unchecked. A failed call carries its {@link ErrorDetails}:
 * the HTTP status (0 when no response was received), LinkedIn's {@code serviceErrorCode} when the
 * error body had one, the {@code X-LI-UUID} request id of the last response, and how many attempts
 * the call made; failures of earlier attempts are attached as suppressed exceptions. Failures that
 * are not calls (a checkpoint store, a webhook, Rest.li text) carry {@link ErrorDetails#none()}.
 *
 * <p>Messages hold the server's {@code message} field at most, never a request or response body,
 * never a token or secret.
 */
public class CrmConnectException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What is known about the failed call. */
    private final ErrorDetails details;

    /**
     * Creates an exception for a failed call.
     *
     * @param message what failed, without bodies, tokens or secrets
     * @param details what is known about the call: status, code, request id, attempts
     * @param cause the underlying failure, or null
     */
    public CrmConnectException(String message, ErrorDetails details, Throwable cause) {
        super(message, cause);
        this.details = Objects.requireNonNull(details, "details");
    }

    /**
     * Creates an exception for a failure that involved no HTTP exchange.
     *
     * @param message what failed
     * @param cause the underlying failure, or null
     */
    protected CrmConnectException(String message, Throwable cause) {
        this(message, ErrorDetails.none(), cause);
    }

    /**
     * What is known about the failed call.
     *
     * @return the details; {@link ErrorDetails#none()} when no call was involved
     */
    public ErrorDetails details() {
        return details;
    }

    /**
     * The HTTP status of the last response.
     *
     * @return the status, or 0 when no response was received
     */
    public int status() {
        return details.status();
    }

    /**
     * LinkedIn's {@code serviceErrorCode} from the error body.
     *
     * @return the code, or empty when the body had none
     */
    public OptionalInt serviceErrorCode() {
        return details.serviceErrorCode();
    }

    /**
     * The {@code X-LI-UUID} request id of the last response, for LinkedIn support.
     *
     * @return the request id, or empty when no response carried one
     */
    public Optional<String> requestId() {
        return details.requestId();
    }

    /**
     * How many attempts the call made before it failed.
     *
     * @return the number of attempts, at least 1 once a request was tried, 0 when none was
     */
    public int attempts() {
        return details.attempts();
    }
}
