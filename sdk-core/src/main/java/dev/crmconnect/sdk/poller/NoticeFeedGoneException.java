package dev.crmconnect.sdk.poller;

/**
 * The feed answered 410 (serviceErrorCode 410001): the position asked for is older than the
 * feed's retention, so notices may have been missed. The poller raises a {@link ComplianceGap}.
 */
public class NoticeFeedGoneException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * With what the feed said, kept in the gap's detail for the operator.
     *
     * @param message what the feed said
     */
    public NoticeFeedGoneException(String message) {
        super(message);
    }

    /**
     * With what the feed said and the failure that carried it.
     *
     * @param message what the feed said
     * @param cause the failure that carried it, for example a {@link dev.crmconnect.sdk.ComplianceGapException}
     */
    public NoticeFeedGoneException(String message, Throwable cause) {
        super(message, cause);
    }
}
