package dev.crmconnect.sdk.exception;

/** The API answered 404: the addressed entity or resource does not exist. */
public class NotFoundException extends CrmConnectException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, without bodies, tokens or secrets
     * @param details what is known about the call: status, code, request id, attempts
     * @param cause the underlying failure, or null
     */
    public NotFoundException(String message, ErrorDetails details, Throwable cause) {
        super(message, details, cause);
    }
}
