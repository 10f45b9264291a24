package dev.crmconnect.sdk.exception;

/**
 * A correctly signed push whose body is not a well-formed event (not JSON, a field of the wrong
 * type, a required field missing); the push must be answered with 400. The message names the field
 * and the rule, never the value.
 */
public final class WebhookPayloadException extends WebhookException {

    private static final long serialVersionUID = 1L;

    /** The JSON field at fault, or null when the body as a whole is at fault. */
    private final String field;

    /**
     * Creates the exception.
     *
     * @param field the JSON field at fault, or {@code null} when the body as a whole is at fault
     * @param message what rule was broken, without the offending value
     */
    public WebhookPayloadException(String field, String message) {
        super(message);
        this.field = field;
    }

    /**
     * The JSON field at fault.
     *
     * @return the field's name, such as {@code occurredAt}, or {@code null} when the body as a whole is at fault
     */
    public String field() {
        return field;
    }
}
