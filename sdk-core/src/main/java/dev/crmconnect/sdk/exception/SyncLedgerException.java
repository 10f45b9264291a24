package dev.crmconnect.sdk.exception;

/** A sync ledger could not read or write its entries: a failed disk or database, a corrupt file. */
public class SyncLedgerException extends CrmConnectException {

    private static final long serialVersionUID = 1L;

    /**
     * With a message that says what failed and where.
     *
     * @param message what failed and where, for example a file and offset
     */
    public SyncLedgerException(String message) {
        super(message, null);
    }

    /**
     * With a message that says what failed and where, and the underlying failure.
     *
     * @param message what failed and where, for example a file and offset
     * @param cause the underlying failure, for example an {@link java.io.IOException} or a
     *     {@link java.sql.SQLException}
     */
    public SyncLedgerException(String message, Throwable cause) {
        super(message, cause);
    }
}
