package dev.crmconnect.sdk.sync;

import dev.crmconnect.model.internal.Check;
import dev.crmconnect.sdk.exception.SyncLedgerException;
import dev.crmconnect.sdk.internal.sync.IndexedLedgerStore;
import dev.crmconnect.sdk.internal.sync.JdbcLedgerStore;
import dev.crmconnect.sdk.internal.sync.LedgerStore;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * What LinkedIn holds, as far as this SDK knows: for each tenant, synced resource and record key,
 * a digest of the request body LinkedIn last acknowledged with a 2xx. An entry is written only
 * after its record's acknowledgement, never before, so a crash loses nothing: the next
 * {@link Reconciler} run sends what was not acknowledged and skips what was.
 *
 * <p>It holds no personal data: the keys are the CRM's record ids, and a digest is the first 16
 * bytes of an HMAC-SHA-256 of the body, keyed by a random salt created with the ledger and stored
 * with it, so it cannot be matched against a guessed body without the ledger's salt.
 *
 * <p>One ledger serves every tenant of a vendor: the cost of a write does not grow with the
 * number of tenants. Thread-safe. Failures of the disk or the database throw
 * {@link SyncLedgerException}.
 */
public final class SyncLedger implements AutoCloseable {

    private final LedgerStore store;

    private SyncLedger(LedgerStore store) {
        this.store = store;
    }

    /**
     * A ledger in this process's memory: for tests and throwaway runs.
     *
     * @return a new, empty ledger; what it holds is lost when the process ends
     */
    public static SyncLedger inMemory() {
        return new SyncLedger(IndexedLedgerStore.inMemory());
    }

    /**
     * A ledger in {@code directory} (created when absent), for one process at a time (the directory
     * is locked while open): an append-only binary log, fsync'd once per acknowledged batch, with
     * every entry also held in memory (about 100 bytes per entry with a short crmId), and
     * compacted when it has grown to about twice the live entries. An entry with a short crmId takes about 34 bytes on disk. A
     * process killed during a write leaves a torn last record, which opening drops.
     *
     * @param directory the ledger's directory; created, with its parents, when absent
     * @return the open ledger, holding what the directory held
     * @throws SyncLedgerException if the directory cannot be created, locked or read, or holds a corrupt log
     */
    public static SyncLedger file(Path directory) {
        return new SyncLedger(IndexedLedgerStore.file(Objects.requireNonNull(directory, "directory must not be null")));
    }

    /**
     * A ledger in a database reached through {@code dataSource} (PostgreSQL), shared by processes
     * on several machines: one table, {@code crmconnect_sync_ledger}, created when absent. Each
     * call takes a connection from {@code dataSource}: pass a pooled one. A batch of records
     * costs one query to look up and one transaction to record.
     *
     * @param dataSource where to take connections from; pooled
     * @return the open ledger
     * @throws SyncLedgerException if the table cannot be created or read
     */
    public static SyncLedger jdbc(DataSource dataSource) {
        return new SyncLedger(new JdbcLedgerStore(Objects.requireNonNull(dataSource, "dataSource must not be null")));
    }

    /**
     * The entries the ledger holds for one resource of one tenant.
     *
     * @param integrationContext the tenant, {@code urn:li:organization:<digits>}
     * @param resource the resource; not {@link SyncResource#POOL_MEMBERS} (see {@link #poolMemberEntries})
     * @return the number of records LinkedIn acknowledged and still holds, as far as the ledger knows
     * @throws IllegalArgumentException if {@code integrationContext} is malformed or {@code resource} is POOL_MEMBERS
     */
    public long entries(String integrationContext, SyncResource resource) {
        return store.count(tenant(integrationContext), scope(resource, null));
    }

    /**
     * The entries the ledger holds for the members of one pool of one tenant.
     *
     * @param integrationContext the tenant, {@code urn:li:organization:<digits>}
     * @param poolCrmId the pool's crmId, 1 to 64 characters
     * @return the number of members LinkedIn acknowledged and still holds, as far as the ledger knows
     * @throws IllegalArgumentException if an argument is malformed
     */
    public long poolMemberEntries(String integrationContext, String poolCrmId) {
        return store.count(tenant(integrationContext), scope(SyncResource.POOL_MEMBERS, poolCrmId));
    }

    /**
     * Removes the entries of records deleted outside a {@link Reconciler} (an erased contact, a
     * record deleted by hand), so that the ledger keeps no trace of them and a later reconcile
     * sends them again if they come back.
     *
     * @param integrationContext the tenant, {@code urn:li:organization:<digits>}
     * @param resource the resource; not {@link SyncResource#POOL_MEMBERS} (see {@link #forgetPoolMembers})
     * @param crmIds the records' crmIds; absent ones are ignored
     * @throws IllegalArgumentException if {@code integrationContext} is malformed or {@code resource} is POOL_MEMBERS
     * @throws SyncLedgerException if the ledger cannot be written
     */
    public void forget(String integrationContext, SyncResource resource, Collection<String> crmIds) {
        store.forget(tenant(integrationContext), scope(resource, null), List.copyOf(crmIds));
    }

    /**
     * Removes the entries of members of one pool, like {@link #forget}.
     *
     * @param integrationContext the tenant, {@code urn:li:organization:<digits>}
     * @param poolCrmId the pool's crmId, 1 to 64 characters
     * @param contactCrmIds the members' contact crmIds; absent ones are ignored
     * @throws IllegalArgumentException if an argument is malformed
     * @throws SyncLedgerException if the ledger cannot be written
     */
    public void forgetPoolMembers(String integrationContext, String poolCrmId, Collection<String> contactCrmIds) {
        store.forget(tenant(integrationContext), scope(SyncResource.POOL_MEMBERS, poolCrmId),
                List.copyOf(contactCrmIds));
    }

    /** Closes the ledger: a file ledger releases its directory. Idempotent. */
    @Override
    public void close() {
        store.close();
    }

    LedgerStore store() {
        return store;
    }

    static String scope(SyncResource resource, String poolCrmId) {
        Objects.requireNonNull(resource, "resource must not be null");
        if (resource == SyncResource.POOL_MEMBERS) {
            if (poolCrmId == null) {
                throw new IllegalArgumentException("resource: POOL_MEMBERS entries are per pool; use the methods"
                        + " that take a poolCrmId");
            }
            Check.requiredId("poolCrmId", poolCrmId);
        }
        return resource.scope(poolCrmId);
    }

    private static String tenant(String integrationContext) {
        return Check.organizationUrn("integrationContext",
                Check.required("integrationContext", integrationContext));
    }

    @Override
    public String toString() {
        return "SyncLedger[" + store.getClass().getSimpleName() + "]";
    }
}
