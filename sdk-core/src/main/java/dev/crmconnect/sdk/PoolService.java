package dev.crmconnect.sdk;

import dev.crmconnect.model.Pool;
import dev.crmconnect.model.PoolMember;
import dev.crmconnect.model.RecordKey;
import dev.crmconnect.sdk.internal.http.Route;
import dev.crmconnect.sdk.restli.RestLi;

/** Pools with their steps ({@code /crmPools}), and each pool's members. */
public final class PoolService extends ReadableRecords<Pool> {

    PoolService(ResourceContext context) {
        super(context, Routes.Resource.POOLS, "pool", Pool.class,
                (pool, crmId) -> pool.toBuilder().crmId(crmId).build());
    }

    /**
     * The members of the pool {@code poolCrmId} ({@code /crmPools/{key}/members}): contacts at a
     * step, keyed by the contact's crmId.
     *
     * @param poolCrmId the pool's crmId, 1 to 64 characters
     * @return the members resource of that pool; nothing is sent until one of its methods is called
     * @throws IllegalArgumentException if {@code poolCrmId} is null, blank or longer than 64 characters
     */
    public SyncedRecords<PoolMember> members(String poolCrmId) {
        RecordKey pool = RecordKey.of(poolCrmId, context.api().integrationContext());
        String membersPath = path + "/" + RestLi.encode(pool.toRestLiValue())
                + context.routes().path(Routes.Resource.POOL_MEMBERS);
        Route membersRoute = route.below(context.routes(), Routes.Resource.POOL_MEMBERS);
        return new SyncedRecords<>(context, membersPath, membersRoute, "poolMember", PoolMember.class, KeyScheme.simple(),
                "contactId", (member, contactCrmId) -> member.toBuilder().contactCrmId(contactCrmId).build());
    }
}
