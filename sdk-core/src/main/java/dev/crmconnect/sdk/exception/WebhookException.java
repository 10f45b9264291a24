package dev.crmconnect.sdk.exception;

/**
 * A push that must be refused: its signature does not hold, or its body is not a well-formed
 * event. Messages never repeat the body or the client secret.
 */
public abstract class WebhookException extends CrmConnectException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was wrong, never repeating the body or the secret
     */
    protected WebhookException(String message) {
        super(message, null);
    }
}
