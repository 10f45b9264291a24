package dev.crmconnect.sdk.internal.privacy;

import dev.crmconnect.model.Pool;
import dev.crmconnect.model.PoolMember;
import dev.crmconnect.sdk.CrmConnectClient;
import dev.crmconnect.sdk.exception.CrmConnectException;
import dev.crmconnect.sdk.exception.NotFoundException;
import dev.crmconnect.sdk.RequestOptions;
import dev.crmconnect.sdk.internal.http.Failures;
import dev.crmconnect.sdk.privacy.PoolMembership;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Finds the pools a contact is a member of. The contract has no finder of pools by member, so this
 * lists every pool and then every pool's members, one pool after the other: one FINDER page per
 * 100 pools plus one per 100 members of each pool.
 */
public final class PoolScan {

    /**
     * What the scan found.
     *
     * @param memberships the contact's memberships, in the order of the pools
     * @param failures    the pools whose members could not be listed
     */
    public record Result(List<PoolMembership> memberships, List<Failure> failures) {
    }

    /**
     * A pool whose members could not be listed.
     *
     * @param poolCrmId the pool, or null when the server listed it without its crmId
     * @param message   why
     * @param cause     the failure of the call, when a call failed
     */
    public record Failure(String poolCrmId, String message, CrmConnectException cause) {
    }

    private PoolScan() {
    }

    /**
     * Scans every pool of the tenant for {@code contactCrmId}. Fails only when the pools cannot be
     * listed; a pool whose members cannot be listed is a {@link Failure} of the result, and a pool
     * deleted meanwhile (404) is skipped.
     */
    public static CompletableFuture<Result> scan(CrmConnectClient client, String contactCrmId, RequestOptions options) {
        List<PoolMembership> found = Collections.synchronizedList(new ArrayList<>());
        List<Failure> failures = Collections.synchronizedList(new ArrayList<>());
        return AsyncPages.all(client.pools().listAsync(options))
                .thenCompose(pools -> {
                    CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
                    for (Pool pool : pools) {
                        chain = chain.thenCompose(done -> scanPool(client, pool.crmId(), contactCrmId, options,
                                found, failures));
                    }
                    return chain;
                })
                .thenApply(done -> new Result(List.copyOf(found), List.copyOf(failures)));
    }

    private static CompletableFuture<Void> scanPool(CrmConnectClient client, String poolCrmId, String contactCrmId,
                                                    RequestOptions options, List<PoolMembership> found,
                                                    List<Failure> failures) {
        if (poolCrmId == null) {
            failures.add(new Failure(null, "a pool was listed without its crmId, so its members cannot be read",
                    null));
            return CompletableFuture.completedFuture(null);
        }
        return AsyncPages.all(client.pools().members(poolCrmId).listAsync(options))
                .handle((members, failure) -> {
                    if (failure == null) {
                        for (PoolMember member : members) {
                            if (contactCrmId.equals(member.contactCrmId())) {
                                found.add(new PoolMembership(poolCrmId, member));
                            }
                        }
                    } else {
                        CrmConnectException cause = Failures.asCrmConnectException(failure);
                        if (!(cause instanceof NotFoundException)) { // a pool deleted meanwhile has no members
                            failures.add(new Failure(poolCrmId, "listing the pool's members failed: "
                                    + cause.getMessage(), cause));
                        }
                    }
                    return null;
                });
    }
}
