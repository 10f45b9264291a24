package dev.crmconnect.sdk;

/** The API answered 409: the request conflicts with the current state of the entity. */
public class ConflictException extends CrmConnectException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception; see {@link CrmConnectException#CrmConnectException} for the parameters. */
    public ConflictException(String message, int status, Integer serviceErrorCode, String requestId,
            int attempts, Throwable cause) {
        super(message, status, serviceErrorCode, requestId, attempts, cause);
    }
}
