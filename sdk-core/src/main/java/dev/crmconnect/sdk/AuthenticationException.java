package dev.crmconnect.sdk;

/**
 * The credentials were refused: the token endpoint rejected the client id or secret, or the API
 * answered 401 even with a freshly obtained token. Never retried.
 */
public class AuthenticationException extends CrmConnectException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception; see {@link CrmConnectException#CrmConnectException} for the parameters. */
    public AuthenticationException(String message, int status, Integer serviceErrorCode, String requestId,
            int attempts, Throwable cause) {
        super(message, status, serviceErrorCode, requestId, attempts, cause);
    }
}
