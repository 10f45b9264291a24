package dev.crmconnect.sdk.poller;

import dev.crmconnect.sdk.exception.CheckpointStoreException;
import dev.crmconnect.sdk.exception.StaleLeaseException;
import dev.crmconnect.sdk.internal.poller.AuditJsonLines;
import dev.crmconnect.sdk.internal.poller.Checks;
import dev.crmconnect.sdk.internal.poller.JdbcCheckpointStore;
import dev.crmconnect.sdk.internal.poller.LocalCheckpointStore;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The durable state of the deletion-notice poller, per tenant: the watermark, the decisions with
 * their audit records, the parked notices, the compliance clock and gap, and the leases that let
 * several poller instances share tenants.
 *
 * <p>Writes that move a tenant's checkpoint carry the tenant's {@link Lease} and throw
 * {@link StaleLeaseException} when a newer lease exists. Stores are thread-safe. Instants are
 * kept to the millisecond. Failures of the disk or the database throw
 * {@link CheckpointStoreException}.
 */
public interface CheckpointStore extends AutoCloseable {

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
     * absent, and brings an earlier version's up to date. Each call takes a connection from
     * {@code dataSource}: pass a pooled one. A poll looks up, then records, each page's decisions
     * in a few round trips.
     *
     * @param dataSource where to take connections from; pooled
     * @return the open store
     * @throws CheckpointStoreException if the tables cannot be created or brought up to date
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

    /**
     * Takes the tenant's lease for {@code ownerId} if nobody holds it or its holder's lease
     * expired or was released; the new lease's fencing token is higher than any before it.
     * Empty when the lease is held, also when held by {@code ownerId} itself (use
     * {@link #renewLease}).
     *
     * @param tenant the tenant, for example its integration context; 1 to 255 characters
     * @param ownerId the poller instance asking, for example a host name and process id; 1 to 255 characters
     * @param ttl how long the lease lasts from now, by the store's clock; positive
     * @return the new lease, or empty when someone holds it
     */
    Optional<Lease> tryAcquireLease(String tenant, String ownerId, Duration ttl);

    /**
     * Extends the lease by {@code ttl} from now, keeping its token. Empty when the lease is no
     * longer current (another owner took it, or it was released): stop working on the tenant.
     *
     * @param lease the lease to extend
     * @param ttl how long the lease lasts from now, by the store's clock; positive
     * @return the extended lease, with a later {@code expiresAt}, or empty when the lease is no longer current
     */
    Optional<Lease> renewLease(Lease lease, Duration ttl);

    /**
     * Renews several leases as {@link #renewLease} does each; a poller instance renews all it
     * holds this way, in one call, on a heartbeat of its own. This default renews them one by
     * one; the JDBC store renews them in one batched statement and one commit.
     *
     * @param leases the leases to extend
     * @param ttl how long each lease lasts from now, by the store's clock; positive
     * @return the leases renewed, with their new {@code expiresAt}; a lease no longer current is absent
     * @throws IllegalArgumentException if {@code leases} is null or holds a null, or {@code ttl} is not positive
     */
    default List<Lease> renewLeases(Collection<Lease> leases, Duration ttl) {
        Checks.required(leases, "leases");
        List<Lease> renewed = new ArrayList<>();
        for (Lease lease : leases) {
            renewLease(Checks.required(lease, "lease"), ttl).ifPresent(renewed::add);
        }
        return renewed;
    }

    /**
     * Gives the lease up so another instance may take the tenant at once; no effect if not current.
     *
     * @param lease the lease to give up
     */
    void releaseLease(Lease lease);

    /**
     * The tenant's watermark.
     *
     * @param tenant the tenant, for example its integration context; 1 to 255 characters
     * @return how far the tenant's feed has been handled; empty if it was never advanced
     */
    Optional<Watermark> watermark(String tenant);

    /**
     * Moves the lease's tenant's watermark to {@code to} if {@code to} is later; never moves it
     * back.
     *
     * @param lease the caller's current lease on the tenant
     * @param to the new position: the last notice of a page whose notices all have a decision or are parked
     * @return true if the watermark moved, false if it already was at or after {@code to}
     * @throws StaleLeaseException if a newer lease on the tenant exists or {@code lease} was released; nothing is
     *     written
     */
    boolean advanceWatermark(Lease lease, Watermark to);

    /**
     * Records a decision and its audit record, atomically and durably (done when this returns),
     * and drops the notice from the parked notices. False, and nothing written, if the notice
     * already has a decision: read it with {@link #decision}.
     *
     * @param lease the caller's current lease on the tenant
     * @param record the decision and its audit record; its tenant must be the lease's
     * @return true if the decision was recorded now, false if the notice already had one
     * @throws IllegalArgumentException if {@code record} is null or belongs to another tenant
     * @throws StaleLeaseException if a newer lease on the tenant exists or {@code lease} was released; nothing is
     *     written
     */
    boolean recordDecision(Lease lease, AuditRecord record);

    /**
     * Records several decisions as {@link #recordDecision} does each, durable together when this
     * returns (cheaper than one by one). Returns the notice ids recorded now, in order; the others
     * already had a decision.
     *
     * @param lease the caller's current lease on the tenant
     * @param records the decisions and their audit records, each of the lease's tenant; a notice given twice is
     *     recorded once, the first time
     * @return the notice ids recorded now, in the order given
     * @throws IllegalArgumentException if {@code records} is null, or holds a null or another tenant's record
     * @throws StaleLeaseException if a newer lease on the tenant exists or {@code lease} was released; nothing is
     *     written
     */
    default Set<String> recordDecisions(Lease lease, List<AuditRecord> records) {
        Set<String> recorded = new LinkedHashSet<>();
        for (AuditRecord record : records) {
            if (recordDecision(lease, record)) {
                recorded.add(record.noticeId());
            }
        }
        return recorded;
    }

    /**
     * The recorded decision for a notice.
     *
     * @param tenant the tenant, for example its integration context; 1 to 255 characters
     * @param noticeId the notice's {@code noticeId}; 1 to 255 characters
     * @return its audit record; empty if it has no decision yet
     */
    Optional<AuditRecord> decision(String tenant, String noticeId);

    /**
     * The recorded decisions of several of the tenant's notices, by notice id; a notice without a
     * decision is absent. The poller asks once for each page it reads. This default asks
     * {@link #decision} for each notice; the JDBC store answers a page in one query.
     *
     * @param tenant the tenant, for example its integration context; 1 to 255 characters
     * @param noticeIds the notices' ids
     * @return the audit records found, by notice id; possibly empty, never null
     * @throws IllegalArgumentException if {@code tenant} or {@code noticeIds} is invalid
     */
    default Map<String, AuditRecord> decisions(String tenant, Collection<String> noticeIds) {
        Checks.id(tenant, "tenant");
        Checks.required(noticeIds, "noticeIds");
        Map<String, AuditRecord> found = new HashMap<>();
        for (String noticeId : noticeIds) {
            decision(tenant, noticeId).ifPresent(record -> found.put(noticeId, record));
        }
        return found;
    }

    /**
     * The tenant's audit records decided in {@code [from, to)}, ordered by {@code decidedAt} then
     * {@code noticeId}.
     *
     * @param tenant the tenant, for example its integration context; 1 to 255 characters
     * @param from the first instant of the range, inclusive
     * @param to the end of the range, exclusive
     * @return the audit records in the range, possibly none
     */
    List<AuditRecord> audit(String tenant, Instant from, Instant to);

    /**
     * Writes the tenant's audit records decided in {@code [from, to)} to {@code out} as JSON
     * lines, one record per line, in {@link #audit} order. Each line holds {@code tenant},
     * {@code noticeId}, {@code member}, {@code decision}, {@code reason} (when retained),
     * {@code detail}, {@code decidedAt} (ISO-8601) and {@code handlerId}. Does not close {@code out}.
     *
     * @param tenant the tenant, for example its integration context; 1 to 255 characters
     * @param from the first instant of the range, inclusive
     * @param to the end of the range, exclusive
     * @param out where to write the lines; flushed, not closed
     * @throws IOException if writing to {@code out} fails
     */
    default void exportAudit(String tenant, Instant from, Instant to, Writer out) throws IOException {
        AuditJsonLines.write(audit(tenant, from, to), out);
    }

    /**
     * Writes the tenant's whole audit trail to {@code out} as
     * {@link #exportAudit(String, Instant, Instant, Writer)} does.
     *
     * @param tenant the tenant, for example its integration context; 1 to 255 characters
     * @param out where to write the lines; flushed, not closed
     * @throws IOException if writing to {@code out} fails
     */
    default void exportAudit(String tenant, Writer out) throws IOException {
        exportAudit(tenant, Instant.EPOCH, AuditJsonLines.END_OF_TIME, out);
    }

    /**
     * Keeps a notice whose handler keeps failing, replacing what was kept for it before. No
     * effect if the notice already has a decision.
     *
     * @param lease the caller's current lease on the tenant
     * @param notice the notice, its failure count and last error
     * @throws StaleLeaseException if a newer lease on the tenant exists or {@code lease} was released; nothing is
     *     written
     */
    void park(Lease lease, ParkedNotice notice);

    /**
     * Drops a parked notice.
     *
     * @param lease the caller's current lease on the tenant
     * @param noticeId the notice's {@code noticeId}; 1 to 255 characters
     * @return true if it was parked
     * @throws StaleLeaseException if a newer lease on the tenant exists or {@code lease} was released; nothing is
     *     written
     */
    boolean unpark(Lease lease, String noticeId);

    /**
     * The tenant's parked notices, ordered by notice id; never one that has a decision.
     *
     * @param tenant the tenant, for example its integration context; 1 to 255 characters
     * @return the parked notices, possibly none
     */
    List<ParkedNotice> parked(String tenant);

    /**
     * When the tenant's feed was last read to its end without failure: the compliance clock.
     *
     * @param tenant the tenant, for example its integration context; 1 to 255 characters
     * @return the time of the last successful poll; empty if there never was one
     */
    Optional<Instant> lastSuccessfulPoll(String tenant);

    /**
     * Sets the compliance clock to {@code at}, unless it already shows a later time.
     *
     * @param lease the caller's current lease on the tenant
     * @param at when the poll that read the feed to its end started
     * @throws StaleLeaseException if a newer lease on the tenant exists or {@code lease} was released; nothing is
     *     written
     */
    void recordSuccessfulPoll(Lease lease, Instant at);

    /**
     * Sets several tenants' compliance clocks as {@link #recordSuccessfulPoll} does each, durable
     * together when this returns: the poller records a whole round's successful polls in one call.
     * A tenant whose lease is no longer current is skipped, since the instance that holds it now
     * keeps its clock. This default records them one by one; the file store writes them with one
     * fsync, the JDBC store in one transaction of batched statements.
     *
     * @param polls each tenant's lease and when its poll that read the feed to its end started
     * @throws IllegalArgumentException if {@code polls} is null or holds a null
     */
    default void recordSuccessfulPolls(Map<Lease, Instant> polls) {
        Checks.required(polls, "polls");
        polls.forEach((lease, at) -> {
            try {
                recordSuccessfulPoll(Checks.required(lease, "lease"), at);
            } catch (StaleLeaseException e) {
                // Another instance holds the tenant now and keeps its clock.
            }
        });
    }

    /**
     * The tenant's latest compliance gap, acknowledged or not.
     *
     * @param tenant the tenant, for example its integration context; 1 to 255 characters
     * @return the latest gap; empty if none was ever raised
     */
    Optional<ComplianceGap> complianceGap(String tenant);

    /**
     * Raises a compliance gap for the lease's tenant, which stops its polling until an operator
     * acknowledges it. If an unacknowledged gap is already raised, it is kept as it is.
     *
     * @param lease the caller's current lease on the tenant
     * @param raisedAt when the gap was found
     * @param detail what happened, for the operator; at most 2,000 characters
     * @throws IllegalArgumentException if {@code raisedAt} or {@code detail} is missing, or {@code detail} is too
     *     long
     * @throws StaleLeaseException if a newer lease on the tenant exists or {@code lease} was released; nothing is
     *     written
     */
    void raiseComplianceGap(Lease lease, Instant raisedAt, String detail);

    /**
     * An operator acknowledges the tenant's gap, so polling may resume. True if an unacknowledged
     * gap was acknowledged now. Needs no lease: operators are not pollers.
     *
     * @param tenant the tenant, for example its integration context; 1 to 255 characters
     * @param at when the operator acknowledged the gap
     * @param acknowledgedBy who acknowledged it, for example an operator's login; 1 to 255 characters
     * @return true if an unacknowledged gap was acknowledged now, false if there was none
     */
    boolean acknowledgeComplianceGap(String tenant, Instant at, String acknowledgedBy);

    /** Releases the store's files or connections; leases are not released. */
    @Override
    void close();
}
