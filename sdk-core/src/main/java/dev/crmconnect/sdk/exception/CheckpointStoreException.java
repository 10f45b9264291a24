package dev.crmconnect.sdk.exception;

/** A checkpoint store could not read or write its state: a failed disk or database, a corrupt file. */
public class CheckpointStoreException extends CrmConnectException {

    private static final long serialVersionUID = 1L;

    /**
     * With a message that says what failed and where.
     *
     * @param message what failed and where, for example a file and line
     */
    public CheckpointStoreException(String message) {
        super(message, null);
    }

    /**
     * With a message that says what failed and where, and the underlying failure.
     *
     * @param message what failed and where, for example a file and line
     * @param cause the underlying failure, for example an {@link java.io.IOException} or a
     *     {@link java.sql.SQLException}
     */
    public CheckpointStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
