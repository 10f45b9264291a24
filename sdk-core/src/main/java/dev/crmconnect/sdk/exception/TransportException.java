package dev.crmconnect.sdk.exception;

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

    /** Why no usable response was received. */
    private final Reason reason;

    /**
     * Creates the exception.
     *
     * @param message what failed, without bodies, tokens or secrets
     * @param reason why no usable response was received
     * @param details what is known about the call: the status of a response that could not be used
     *                (0 when none was received), request id, attempts
     * @param cause the underlying failure, or null
     */
    public TransportException(String message, Reason reason, ErrorDetails details, Throwable cause) {
        super(message, details, cause);
        this.reason = reason;
    }

    /**
     * Why no usable response was received.
     *
     * @return the reason; never null when the SDK threw the exception
     */
    public Reason reason() {
        return reason;
    }
}
