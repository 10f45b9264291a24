package dev.crmconnect.sdk.exception;

/**
 * A write carried a lease that is no longer current: another instance acquired the tenant since
 * (a higher fencing token), or the lease was released. The write was not made; the caller must
 * stop working on the tenant.
 */
public class StaleLeaseException extends CheckpointStoreException {

    private static final long serialVersionUID = 1L;

    /**
     * With a message naming the tenant and the refused token.
     *
     * @param message the tenant and the refused fencing token
     */
    public StaleLeaseException(String message) {
        super(message, null);
    }
}
