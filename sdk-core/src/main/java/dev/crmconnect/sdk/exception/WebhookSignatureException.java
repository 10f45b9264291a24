package dev.crmconnect.sdk.exception;

import java.util.Objects;

/**
 * The {@code X-LI-Signature} header is missing, malformed, or does not match the body; the push
 * must be answered with 401.
 */
public final class WebhookSignatureException extends WebhookException {

    private static final long serialVersionUID = 1L;

    /** Why a signature was refused. */
    public enum Reason {
        /** No {@code X-LI-Signature} header. */
        MISSING_HEADER,
        /** More than one {@code X-LI-Signature} value, so which one counts is ambiguous. */
        MULTIPLE_HEADERS,
        /** The value does not start with {@code hmacsha256=}. */
        WRONG_PREFIX,
        /** The hex part is not 64 characters long (odd or otherwise wrong length). */
        WRONG_LENGTH,
        /** The hex part holds a character that is not a hex digit. */
        NOT_HEX,
        /** A well-formed signature that does not match the body under this client secret. */
        MISMATCH
    }

    /** Why the signature was refused. */
    private final Reason reason;

    /**
     * Creates the exception.
     *
     * @param reason why the signature was refused
     * @param message what was wrong, never repeating the body or the secret
     */
    public WebhookSignatureException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * Why the signature was refused.
     *
     * @return the reason; never null
     */
    public Reason reason() {
        return reason;
    }
}
