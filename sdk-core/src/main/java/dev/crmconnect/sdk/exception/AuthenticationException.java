package dev.crmconnect.sdk.exception;

/**
 * The credentials were refused: the token endpoint rejected the client id or secret, or the API
 * answered 401 even with a freshly obtained token. Never retried.
 */
public class AuthenticationException extends CrmConnectException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, without bodies, tokens or secrets
     * @param details what is known about the call: status, code, request id, attempts
     * @param cause the underlying failure, or null
     */
    public AuthenticationException(String message, ErrorDetails details, Throwable cause) {
        super(message, details, cause);
    }
}
