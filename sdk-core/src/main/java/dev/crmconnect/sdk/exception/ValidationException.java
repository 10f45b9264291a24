package dev.crmconnect.sdk.exception;

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
     * @param details what is known about the call: status, code, request id, attempts
     * @param fieldPaths the paths of the fields the server refused, or null for none
     * @param cause the underlying failure, or null
     */
    public ValidationException(String message, ErrorDetails details, List<String> fieldPaths, Throwable cause) {
        super(message, details, cause);
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
