package dev.crmconnect.sdk.poller;

import dev.crmconnect.sdk.exception.CheckpointStoreException;
import dev.crmconnect.sdk.exception.StaleLeaseException;
import dev.crmconnect.sdk.internal.poller.JdbcCheckpointStore;
import dev.crmconnect.sdk.internal.poller.LocalCheckpointStore;
import java.nio.file.Path;
import javax.sql.DataSource;

/**
 * The durable state of the deletion-notice poller, per tenant, in five roles: the {@link LeaseStore
 * leases} that let several poller instances share tenants, the {@link WatermarkStore watermark},
 * the {@link DecisionStore decisions with their audit trail}, the {@link ParkedNoticeStore parked
 * notices}, and the {@link ComplianceStore compliance clock and gaps}. The poller takes one object
 * that plays them all, made by {@link #inMemory()}, {@link #file(Path)} or
 * {@link #jdbc(DataSource)}; code that needs one role, such as an audit export, may depend on that
 * role's interface alone.
 *
 * <p>Writes that move a tenant's checkpoint carry the tenant's {@link Lease} and throw
 * {@link StaleLeaseException} when a newer lease exists. Stores are thread-safe. Instants are
 * kept to the millisecond. Failures of the disk or the database throw
 * {@link CheckpointStoreException}.
 */
public interface CheckpointStore
        extends LeaseStore, WatermarkStore, DecisionStore, ParkedNoticeStore, ComplianceStore, AutoCloseable {

    /**
     * A store that keeps everything in this process's memory: for tests and throwaway runs.
     *
     * @return a new, empty store; what it holds is lost when the process ends
     */
    static CheckpointStore inMemory() {
        return LocalCheckpointStore.inMemory();
    }

    /**
     * A store in {@code directory} (created when absent), for one process at a time (the
     * directory is locked while open): an fsync'd append-only decision log, an fsync'd journal of
     * the tenants' states and a snapshot of them, replaced atomically when the journal has grown
     * to a few times the number of tenants. It survives the process being killed at any point; a
     * corrupt file is an error naming the file and line, never a fresh start. Leases are this
     * process's own and start over when the store is reopened. Each {@link #recordDecision} costs
     * an fsync; {@link #recordDecisions} and concurrent writers share one. A state change (a
     * watermark, a parked notice) costs one journal line and an fsync, and
     * {@link #recordSuccessfulPolls} one fsync for all its tenants: advance the watermark per page,
     * not per notice.
     *
     * @param directory the store's directory; created, with its parents, when absent
     * @return the open store, holding what the directory held
     * @throws CheckpointStoreException if the directory cannot be created, locked or read, or holds a corrupt file
     */
    static CheckpointStore file(Path directory) {
        return LocalCheckpointStore.file(directory);
    }

    /**
     * A store in a database reached through {@code dataSource} (PostgreSQL first), shared by
     * poller instances on several machines; creates its tables, named {@code crmconnect_*}, when
     * absent, and brings an earlier version's up to date: the schema's versions are recorded in
     * {@code crmconnect_schema_version}, and instances starting at once apply each step once.
     * Tables of a newer version than this SDK knows are refused. Each call takes a connection from
     * {@code dataSource}: pass a pooled one. A poll looks up, then records, each page's decisions
     * in a few round trips.
     *
     * @param dataSource where to take connections from; pooled
     * @return the open store
     * @throws CheckpointStoreException if the tables cannot be created or brought up to date, or are of a newer
     *     version
     */
    static CheckpointStore jdbc(DataSource dataSource) {
        return new JdbcCheckpointStore(dataSource, JdbcCheckpointStore.DEFAULT_TABLE_PREFIX);
    }

    /**
     * As {@link #jdbc(DataSource)}, with tables named {@code tablePrefix + "leases"} and so on;
     * the prefix is lower-case letters, digits and underscores, starting with a letter.
     *
     * @param dataSource where to take connections from; pooled
     * @param tablePrefix the prefix of the tables' names: 1 to 40 characters of {@code a-z 0-9 _}, starting with a
     *     letter, for example {@code crmconnect_}
     * @return the open store
     * @throws IllegalArgumentException if {@code tablePrefix} breaks the rule above
     * @throws CheckpointStoreException if the tables cannot be created or brought up to date
     */
    static CheckpointStore jdbc(DataSource dataSource, String tablePrefix) {
        return new JdbcCheckpointStore(dataSource, tablePrefix);
    }

    /** Releases the store's files or connections; leases are not released. */
    @Override
    void close();
}
