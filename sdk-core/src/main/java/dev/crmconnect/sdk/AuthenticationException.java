package dev.crmconnect.sdk;

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
     * @param status the HTTP status, 401 or the token endpoint's refusal status
     * @param serviceErrorCode LinkedIn's {@code serviceErrorCode}, or null when unknown
     * @param requestId the {@code X-LI-UUID} of the response, or null when unknown
     * @param attempts how many attempts the call made (at least 1 once a request was tried, 0 before)
     * @param cause the underlying failure, or null
     */
    public AuthenticationException(String message, int status, Integer serviceErrorCode, String requestId,
            int attempts, Throwable cause) {
        super(message, status, serviceErrorCode, requestId, attempts, cause);
    }
}
