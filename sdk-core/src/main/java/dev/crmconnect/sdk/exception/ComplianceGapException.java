package dev.crmconnect.sdk.exception;

/**
 * The deletion-notice feed answered 410 ({@code serviceErrorCode} 410001): the requested watermark
 * is older than the feed's 30-day retention, so notices may have been missed. This must be
 * escalated, never skipped: the poller cannot prove that every deletion was handled.
 */
public class ComplianceGapException extends CrmConnectException {

    private static final long serialVersionUID = 1L;

    /** The {@code serviceErrorCode} LinkedIn sends with a 410 from the deletion-notice feed. */
    public static final int SERVICE_ERROR_CODE = 410001;

    /**
     * Creates the exception.
     *
     * @param message what failed, without bodies, tokens or secrets
     * @param details what is known about the call: status, code, request id, attempts
     * @param cause the underlying failure, or null
     */
    public ComplianceGapException(String message, ErrorDetails details, Throwable cause) {
        super(message, details, cause);
    }
}
