package dev.crmconnect.sdk;

/**
 * No usable response: the connection failed or was lost, an attempt or the whole call timed out,
 * or the response body was not valid JSON or exceeded the size cap. {@link #reason()} says which.
 */
public class TransportException extends CrmConnectException {

    private static final long serialVersionUID = 1L;

    /** Why no usable response was received. */
    public enum Reason {
        /** The connection could not be opened; nothing reached the server. */
        CONNECT_FAILED,
        /** The connection was reset or closed mid-exchange, or the server broke the protocol. */
        CONNECTION_LOST,
        /** An attempt or the whole call ran out of time. */
        TIMEOUT,
        /** The response body was not the JSON the contract specifies. */
        INVALID_RESPONSE,
        /** The response body exceeded the client's size cap. */
        RESPONSE_TOO_LARGE,
        /** The client was closed, or the call was cancelled or interrupted, before it completed. */
        ABORTED
    }

    private final Reason reason;

    /**
     * Creates the exception; see {@link CrmConnectException#CrmConnectException} for the other parameters.
     *
     * @param reason why no usable response was received
     */
    public TransportException(String message, Reason reason, int status, String requestId, int attempts,
            Throwable cause) {
        super(message, status, null, requestId, attempts, cause);
        this.reason = reason;
    }

    /** Why no usable response was received. */
    public Reason reason() {
        return reason;
    }
}
