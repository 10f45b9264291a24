package dev.crmconnect.sdk.privacy;

import dev.crmconnect.model.PoolMember;
import java.util.Objects;

/**
 * A contact's membership of one pool.
 *
 * @param poolCrmId the pool's crmId
 * @param member    the membership: the contact's crmId, its step and when it was added
 */
public record PoolMembership(String poolCrmId, PoolMember member) {

    /**
     * Requires both.
     *
     * @param poolCrmId the pool's crmId
     * @param member the membership: the contact's crmId, its step and when it was added
     * @throws NullPointerException if an argument is null
     */
    public PoolMembership {
        Objects.requireNonNull(poolCrmId, "poolCrmId must not be null");
        Objects.requireNonNull(member, "member must not be null");
    }
}
