package dev.crmconnect.sdk;

import java.util.List;

/**
 * The API refused the request as invalid (400 or 422). Never retried. Carries the paths of the
 * offending fields (for example {@code firstName} or {@code phoneNumbers[0].number}) when the
 * server named them.
 */
public class ValidationException extends CrmConnectException {

    private static final long serialVersionUID = 1L;

    /** The paths of the offending fields; empty when the server named none. */
    private final List<String> fieldPaths;

    /**
     * Creates the exception.
     *
     * @param message what failed, without bodies, tokens or secrets
     * @param status the HTTP status, 400 or 422
     * @param serviceErrorCode LinkedIn's {@code serviceErrorCode}, or null when unknown
     * @param requestId the {@code X-LI-UUID} of the response, or null when unknown
     * @param attempts how many attempts the call made (at least 1 once a request was tried, 0 before)
     * @param fieldPaths the paths of the offending fields; null or empty when the server named none
     * @param cause the underlying failure, or null
     */
    public ValidationException(String message, int status, Integer serviceErrorCode, String requestId,
            int attempts, List<String> fieldPaths, Throwable cause) {
        super(message, status, serviceErrorCode, requestId, attempts, cause);
        this.fieldPaths = fieldPaths == null ? List.of() : List.copyOf(fieldPaths);
    }

    /**
     * The paths of the offending fields as the server named them, such as {@code phoneNumbers[0].number}.
     *
     * @return an unmodifiable list of paths; empty when the server named none
     */
    public List<String> fieldPaths() {
        return fieldPaths;
    }
}
