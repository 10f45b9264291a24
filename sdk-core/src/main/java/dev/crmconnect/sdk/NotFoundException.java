package dev.crmconnect.sdk;

/** The API answered 404: the addressed entity or resource does not exist. */
public class NotFoundException extends CrmConnectException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception; see {@link CrmConnectException#CrmConnectException} for the parameters. */
    public NotFoundException(String message, int status, Integer serviceErrorCode, String requestId,
            int attempts, Throwable cause) {
        super(message, status, serviceErrorCode, requestId, attempts, cause);
    }
}
