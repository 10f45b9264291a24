package dev.crmconnect.sdk.webhook;

/**
 * A push that must be refused: its signature does not hold, or its body is not a well-formed
 * event. Messages never repeat the body or the client secret.
 */
public abstract class WebhookException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    WebhookException(String message) {
        super(message);
    }
}
