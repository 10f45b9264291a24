package dev.crmconnect.sdk.poller;

import dev.crmconnect.model.internal.Check;
import dev.crmconnect.sdk.exception.StaleLeaseException;
import dev.crmconnect.sdk.internal.poller.StoreRules;
import java.time.Instant;

/**
 * One poller instance's exclusive right to poll one tenant until it expires. Every write that
 * moves the tenant's checkpoint carries the lease; a store refuses it with a
 * {@link StaleLeaseException} once a newer lease (a higher fencing token) exists, so an instance
 * that lost its lease cannot overwrite what the new holder wrote.
 *
 * @param tenant       the tenant leased
 * @param ownerId      the poller instance holding it
 * @param fencingToken grows with every acquisition of the tenant's lease
 * @param expiresAt    when the lease ends unless renewed, by the store's clock (the database's
 *                     for a JDBC store); renew well before it
 */
public record Lease(String tenant, String ownerId, long fencingToken, Instant expiresAt) {

    /**
     * Checks the fields.
     *
     * @param tenant the tenant leased
     * @param ownerId the poller instance holding it
     * @param fencingToken grows with every acquisition of the tenant's lease
     * @param expiresAt when the lease ends unless renewed, by the store's clock (the database's for a JDBC store);
     *     renew well before it
     * @throws IllegalArgumentException if a field is missing, an id is blank or longer than 255 characters, or
     *     {@code fencingToken} is below 1
     */
    public Lease {
        Check.storedId("tenant", tenant);
        Check.storedId("ownerId", ownerId);
        if (fencingToken < 1) {
            throw Check.invalid("fencingToken", "must be at least 1");
        }
        Check.required("expiresAt", expiresAt);
    }
}
