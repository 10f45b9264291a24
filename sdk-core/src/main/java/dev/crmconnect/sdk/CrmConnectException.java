package dev.crmconnect.sdk;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Root of every failure the SDK reports. Unchecked. Carries the HTTP status (0 when no response
 * was received), LinkedIn's {@code serviceErrorCode} when the error body had one, the
 * {@code X-LI-UUID} request id of the last response when there was one, and how many attempts
 * the call made. Failures of earlier attempts are attached as suppressed exceptions.
 *
 * <p>Messages hold the server's {@code message} field at most, never a request or response body,
 * never a token or secret.
 */
public class CrmConnectException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The HTTP status of the last response, or 0 when none was received. */
    private final int status;
    /** LinkedIn's {@code serviceErrorCode}, or null when the error body had none. */
    private final Integer serviceErrorCode;
    /** The {@code X-LI-UUID} of the last response, or null when there was none. */
    private final String requestId;
    /** How many attempts the call made. */
    private final int attempts;

    /**
     * Creates an exception.
     *
     * @param message what failed, without bodies, tokens or secrets
     * @param status the HTTP status, or 0 when no response was received
     * @param serviceErrorCode LinkedIn's {@code serviceErrorCode}, or null when unknown
     * @param requestId the {@code X-LI-UUID} of the response, or null when unknown
     * @param attempts how many attempts the call made (at least 1 once a request was tried, 0 before)
     * @param cause the underlying failure, or null
     */
    public CrmConnectException(String message, int status, Integer serviceErrorCode, String requestId,
            int attempts, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.serviceErrorCode = serviceErrorCode;
        this.requestId = requestId;
        this.attempts = attempts;
    }

    /**
     * The HTTP status of the last response.
     *
     * @return the status, or 0 when no response was received
     */
    public int status() {
        return status;
    }

    /**
     * LinkedIn's {@code serviceErrorCode} from the error body.
     *
     * @return the code, or empty when the body had none
     */
    public OptionalInt serviceErrorCode() {
        return serviceErrorCode == null ? OptionalInt.empty() : OptionalInt.of(serviceErrorCode);
    }

    /**
     * The {@code X-LI-UUID} request id of the last response, for LinkedIn support.
     *
     * @return the request id, or empty when no response carried one
     */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /**
     * How many attempts the call made before it failed.
     *
     * @return the number of attempts, at least 1 once a request was tried, 0 when none was
     */
    public int attempts() {
        return attempts;
    }
}
