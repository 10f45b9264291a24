package dev.crmconnect.sdk;

import java.util.List;

/**
 * The API refused the request as invalid (400 or 422). Never retried. Carries the paths of the
 * offending fields (for example {@code firstName} or {@code phoneNumbers[0].number}) when the
 * server named them.
 */
public class ValidationException extends CrmConnectException {

    private static final long serialVersionUID = 1L;

    private final List<String> fieldPaths;

    /**
     * Creates the exception; see {@link CrmConnectException#CrmConnectException} for the other parameters.
     *
     * @param fieldPaths the paths of the offending fields, empty when the server named none
     */
    public ValidationException(String message, int status, Integer serviceErrorCode, String requestId,
            int attempts, List<String> fieldPaths, Throwable cause) {
        super(message, status, serviceErrorCode, requestId, attempts, cause);
        this.fieldPaths = fieldPaths == null ? List.of() : List.copyOf(fieldPaths);
    }

    /** The paths of the offending fields as the server named them; empty when it named none. */
    public List<String> fieldPaths() {
        return fieldPaths;
    }
}
