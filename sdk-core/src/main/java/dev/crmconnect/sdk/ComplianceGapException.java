package dev.crmconnect.sdk;

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
     * @param status the HTTP status, 410
     * @param serviceErrorCode LinkedIn's {@code serviceErrorCode}, or null when unknown
     * @param requestId the {@code X-LI-UUID} of the response, or null when unknown
     * @param attempts how many attempts the call made (at least 1 once a request was tried, 0 before)
     * @param cause the underlying failure, or null
     */
    public ComplianceGapException(String message, int status, Integer serviceErrorCode, String requestId,
            int attempts, Throwable cause) {
        super(message, status, serviceErrorCode, requestId, attempts, cause);
    }
}
