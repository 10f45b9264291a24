package dev.crmconnect.sdk;

/** The API answered 409: the request conflicts with the current state of the entity. */
public class ConflictException extends CrmConnectException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, without bodies, tokens or secrets
     * @param status the HTTP status, 409
     * @param serviceErrorCode LinkedIn's {@code serviceErrorCode}, or null when unknown
     * @param requestId the {@code X-LI-UUID} of the response, or null when unknown
     * @param attempts how many attempts the call made (at least 1 once a request was tried, 0 before)
     * @param cause the underlying failure, or null
     */
    public ConflictException(String message, int status, Integer serviceErrorCode, String requestId,
            int attempts, Throwable cause) {
        super(message, status, serviceErrorCode, requestId, attempts, cause);
    }
}
