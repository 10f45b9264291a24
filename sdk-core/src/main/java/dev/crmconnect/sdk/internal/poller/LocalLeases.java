package dev.crmconnect.sdk.internal.poller;

import dev.crmconnect.model.internal.Check;
import dev.crmconnect.sdk.poller.Lease;
import dev.crmconnect.sdk.exception.StaleLeaseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Leases kept in this process's memory, for the stores that one process owns (in memory, file).
 * Tokens grow per tenant for as long as the store is open.
 */
final class LocalLeases {

    /** The tenant's current lease; a released one keeps its token but has no owner. */
    private record Held(String ownerId, long token, Instant expiresAt) {
    }

    private final Clock clock;
    private final Map<String, Held> byTenant = new HashMap<>();

    LocalLeases(Clock clock) {
        this.clock = clock;
    }

    synchronized Optional<Lease> tryAcquire(String tenant, String ownerId, Duration ttl) {
        Check.storedId("tenant", tenant);
        Check.storedId("ownerId", ownerId);
        Check.positive("ttl", ttl);
        Instant now = clock.instant();
        Held held = byTenant.get(tenant);
        if (held != null && held.ownerId() != null && held.expiresAt().isAfter(now)) {
            return Optional.empty();
        }
        Held next = new Held(ownerId, held == null ? 1 : held.token() + 1, now.plus(ttl));
        byTenant.put(tenant, next);
        return Optional.of(new Lease(tenant, ownerId, next.token(), next.expiresAt()));
    }

    synchronized Optional<Lease> renew(Lease lease, Duration ttl) {
        Check.required("lease", lease);
        Check.positive("ttl", ttl);
        if (!isCurrent(lease)) {
            return Optional.empty();
        }
        Instant expiresAt = clock.instant().plus(ttl);
        byTenant.put(lease.tenant(), new Held(lease.ownerId(), lease.fencingToken(), expiresAt));
        return Optional.of(new Lease(lease.tenant(), lease.ownerId(), lease.fencingToken(), expiresAt));
    }

    synchronized void release(Lease lease) {
        Check.required("lease", lease);
        if (isCurrent(lease)) {
            byTenant.put(lease.tenant(), new Held(null, lease.fencingToken(), clock.instant()));
        }
    }

    /** Throws unless {@code lease} is its tenant's current lease. */
    synchronized void checkCurrent(Lease lease) {
        Check.required("lease", lease);
        if (!isCurrent(lease)) {
            Held held = byTenant.get(lease.tenant());
            throw stale(lease, held == null ? 0 : held.token());
        }
    }

    static StaleLeaseException stale(Lease lease, long currentToken) {
        return new StaleLeaseException("the lease on tenant " + lease.tenant() + " with fencing token "
                + lease.fencingToken() + " is no longer current (current token " + currentToken
                + "): a newer lease exists or it was released; nothing was written");
    }

    synchronized boolean isCurrent(Lease lease) {
        Held held = byTenant.get(lease.tenant());
        return held != null && held.token() == lease.fencingToken() && lease.ownerId().equals(held.ownerId());
    }
}
