package dev.crmconnect.sdk.internal.poller;

import dev.crmconnect.sdk.internal.jdbc.JdbcSchema;
import dev.crmconnect.sdk.internal.jdbc.JdbcTransactions;
import dev.crmconnect.sdk.internal.jdbc.JdbcTransactions.Work;
import dev.crmconnect.model.internal.Check;
import dev.crmconnect.model.DeletionNotice;
import dev.crmconnect.sdk.poller.AuditRecord;
import dev.crmconnect.sdk.poller.CheckpointStore;
import dev.crmconnect.sdk.exception.CheckpointStoreException;
import dev.crmconnect.sdk.poller.ComplianceGap;
import dev.crmconnect.sdk.poller.Decision;
import dev.crmconnect.sdk.poller.Lease;
import dev.crmconnect.sdk.poller.ParkedNotice;
import dev.crmconnect.sdk.poller.RetentionReason;
import dev.crmconnect.sdk.exception.StaleLeaseException;
import dev.crmconnect.sdk.poller.Watermark;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The JDBC store: plain {@code java.sql}, PostgreSQL first, standard SQL where it costs nothing.
 *
 * <p>Leases use the database's clock, so the instances' clocks may disagree. Every fenced write
 * first locks the tenant's lease row ({@code SELECT ... FOR UPDATE}) and checks the token in the
 * same transaction; a concurrent acquisition waits for that transaction, so a write is either
 * before the new lease or refused. The lock also serialises one tenant's writes, which makes
 * check-then-insert safe; the primary key on (tenant, notice_id) is the backstop.
 *
 * <p>Decisions are looked up and recorded a page at a time: one query finds a page's decisions,
 * and one transaction records the page's new ones with batched statements, so a page costs a few
 * round trips rather than a few per notice. Each notice is found by its primary key, whatever
 * the table's size when PostgreSQL planned the query (see {@code decidedAmong}).
 */
public final class JdbcCheckpointStore implements CheckpointStore {

    /** The default prefix of the store's table names. */
    public static final String DEFAULT_TABLE_PREFIX = "crmconnect_";

    private static final Pattern TABLE_PREFIX = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    /** Earliest and latest instants every database stores. */
    private static final Instant MIN_INSTANT = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant MAX_INSTANT = AuditJsonLines.END_OF_TIME;
    /** The lease's end by the database clock; the parameter is the time to live in milliseconds. */
    private static final String EXPIRY = "CURRENT_TIMESTAMP + ? * INTERVAL '0.001' SECOND";
    private static final int SCHEMA_ATTEMPTS = 3;
    private static final String AUDIT_COLUMNS =
            "tenant, notice_id, member, decision, reason, detail, decided_at, handler_id";

    private final DataSource dataSource;
    private final String leases;
    private final String tenants;
    private final String decisions;
    private final String parked;
    private final JdbcSchema schema;
    private volatile boolean closed;

    /** Connects, and creates the tables or brings them to the latest schema version. */
    public JdbcCheckpointStore(DataSource dataSource, String tablePrefix) {
        this.dataSource = Check.required("dataSource", dataSource);
        Check.required("tablePrefix", tablePrefix);
        if (!TABLE_PREFIX.matcher(tablePrefix).matches()) {
            throw Check.invalid("tablePrefix", "must be 1 to 40 lower-case letters, digits or underscores,"
                    + " starting with a letter");
        }
        this.leases = tablePrefix + "leases";
        this.tenants = tablePrefix + "tenants";
        this.decisions = tablePrefix + "decisions";
        this.parked = tablePrefix + "parked";
        this.schema = new JdbcSchema(tablePrefix);
        createSchema();
    }

    // ---- schema

    /**
     * Applies the schema's missing steps (see {@link JdbcSchema}). Where the database has no lock
     * to serialise starting instances with, two can still collide inside its catalog; the loser's
     * retry then finds the steps applied.
     */
    private void createSchema() {
        for (int attempt = 1; ; attempt++) {
            try {
                transaction("create schema", connection -> {
                    schema.migrate(connection);
                    return null;
                });
                return;
            } catch (CheckpointStoreException e) {
                if (attempt == SCHEMA_ATTEMPTS || !(e.getCause() instanceof SQLException)) {
                    throw e;
                }
                pause(Duration.ofMillis(100L * attempt));
            }
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CheckpointStoreException("interrupted while creating the checkpoint tables", e);
        }
    }

    // ---- leases

    @Override
    public Optional<Lease> tryAcquireLease(String tenant, String ownerId, Duration ttl) {
        Check.storedId("tenant", tenant);
        Check.storedId("ownerId", ownerId);
        long ttlMillis = Check.positive("ttl", ttl).toMillis();
        return transaction("tryAcquireLease", connection -> {
            int taken = update(connection, "UPDATE " + leases + " SET owner_id = ?, fencing_token = fencing_token + 1,"
                    + " expires_at = " + EXPIRY + " WHERE tenant = ? AND (owner_id IS NULL OR expires_at <= CURRENT_TIMESTAMP)",
                    ownerId, ttlMillis, tenant);
            if (taken == 0) {
                if (exists(connection, "SELECT 1 FROM " + leases + " WHERE tenant = ?", tenant)) {
                    return Optional.<Lease>empty(); // held, and not expired
                }
                try {
                    update(connection, "INSERT INTO " + leases + " (tenant, owner_id, fencing_token, expires_at)"
                            + " VALUES (?, ?, 1, " + EXPIRY + ")", tenant, ownerId, ttlMillis);
                } catch (SQLException e) {
                    if (isUniqueViolation(e)) {
                        connection.rollback(); // another instance inserted it first
                        return Optional.<Lease>empty();
                    }
                    throw e;
                }
            }
            return Optional.of(currentLease(connection, tenant, ownerId));
        });
    }

    @Override
    public Optional<Lease> renewLease(Lease lease, Duration ttl) {
        Check.required("lease", lease);
        long ttlMillis = Check.positive("ttl", ttl).toMillis();
        return transaction("renewLease", connection -> {
            int renewed = update(connection, "UPDATE " + leases + " SET expires_at = " + EXPIRY
                    + " WHERE tenant = ? AND owner_id = ? AND fencing_token = ?",
                    ttlMillis, lease.tenant(), lease.ownerId(), lease.fencingToken());
            return renewed == 0 ? Optional.<Lease>empty()
                    : Optional.of(currentLease(connection, lease.tenant(), lease.ownerId()));
        });
    }

    /**
     * One transaction: one batched {@code UPDATE} for all the leases, then one query for the new
     * expiries of those renewed. Leases are renewed in tenant order, so that two heartbeats over
     * the same rows cannot wait for each other in a cycle.
     */
    @Override
    public List<Lease> renewLeases(Collection<Lease> leases, Duration ttl) {
        Check.required("leases", leases);
        long ttlMillis = Check.positive("ttl", ttl).toMillis();
        List<Lease> ordered = new ArrayList<>();
        for (Lease lease : leases) {
            ordered.add(Check.required("lease", lease));
        }
        if (ordered.isEmpty()) {
            return new ArrayList<>();
        }
        ordered.sort(Comparator.comparing(Lease::tenant));
        return transaction("renewLeases", connection -> {
            List<Lease> renewed = new ArrayList<>();
            int[] counts;
            try (PreparedStatement statement = connection.prepareStatement("UPDATE " + this.leases
                    + " SET expires_at = " + EXPIRY + " WHERE tenant = ? AND owner_id = ? AND fencing_token = ?")) {
                for (Lease lease : ordered) {
                    bind(statement, ttlMillis, lease.tenant(), lease.ownerId(), lease.fencingToken());
                    statement.addBatch();
                }
                counts = statement.executeBatch();
            }
            Map<String, Lease> byTenant = new HashMap<>();
            for (int i = 0; i < ordered.size(); i++) {
                if (counts[i] > 0 || counts[i] == java.sql.Statement.SUCCESS_NO_INFO) {
                    byTenant.put(ordered.get(i).tenant(), ordered.get(i));
                }
            }
            if (byTenant.isEmpty()) {
                return renewed;
            }
            Array wanted = connection.createArrayOf("varchar", byTenant.keySet().toArray());
            try (PreparedStatement statement = connection.prepareStatement("SELECT tenant, expires_at, owner_id,"
                    + " fencing_token FROM " + this.leases + " WHERE tenant = ANY(?)")) {
                statement.setArray(1, wanted);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        Lease lease = byTenant.get(rows.getString(1));
                        if (lease != null && lease.ownerId().equals(rows.getString(3))
                                && lease.fencingToken() == rows.getLong(4)) {
                            renewed.add(new Lease(lease.tenant(), lease.ownerId(), lease.fencingToken(),
                                    instant(rows, 2)));
                        }
                    }
                }
            } finally {
                wanted.free();
            }
            return renewed;
        });
    }

    @Override
    public void releaseLease(Lease lease) {
        Check.required("lease", lease);
        transaction("releaseLease", connection -> update(connection, "UPDATE " + leases
                + " SET owner_id = NULL, expires_at = CURRENT_TIMESTAMP"
                + " WHERE tenant = ? AND owner_id = ? AND fencing_token = ?",
                lease.tenant(), lease.ownerId(), lease.fencingToken()));
    }

    private Lease currentLease(Connection connection, String tenant, String ownerId) throws SQLException {
        try (PreparedStatement statement = prepare(connection,
                "SELECT fencing_token, expires_at FROM " + leases + " WHERE tenant = ?", tenant);
             ResultSet rows = statement.executeQuery()) {
            if (!rows.next()) {
                throw new SQLException("the lease row of a tenant vanished inside its transaction");
            }
            return new Lease(tenant, ownerId, rows.getLong(1), instant(rows, 2));
        }
    }

    /** Locks the lease's tenant's lease row and throws unless the lease is current. */
    private void fence(Connection connection, Lease lease) throws SQLException {
        Check.required("lease", lease);
        try (PreparedStatement statement = prepare(connection, "SELECT owner_id, fencing_token FROM " + leases
                + " WHERE tenant = ? FOR UPDATE", lease.tenant());
             ResultSet rows = statement.executeQuery()) {
            if (!rows.next()) {
                throw LocalLeases.stale(lease, 0);
            }
            long token = rows.getLong(2);
            if (token != lease.fencingToken() || !lease.ownerId().equals(rows.getString(1))) {
                throw LocalLeases.stale(lease, token);
            }
        }
    }

    // ---- watermark, compliance clock and gap

    @Override
    public Optional<Watermark> watermark(String tenant) {
        Check.storedId("tenant", tenant);
        return transaction("watermark", connection -> {
            try (PreparedStatement statement = prepare(connection, "SELECT watermark_published_at, watermark_notice_id"
                    + " FROM " + tenants + " WHERE tenant = ?", tenant);
                 ResultSet rows = statement.executeQuery()) {
                if (!rows.next() || rows.getString(2) == null) {
                    return Optional.<Watermark>empty();
                }
                return Optional.of(new Watermark(instant(rows, 1), rows.getString(2)));
            }
        });
    }

    @Override
    public boolean advanceWatermark(Lease lease, Watermark to) {
        Check.required("to", to);
        return transaction("advanceWatermark", connection -> {
            fence(connection, lease);
            ensureTenantRow(connection, lease.tenant());
            Optional<Watermark> current = watermarkOf(connection, lease.tenant());
            // Compared here, not in SQL: the database's collation may order notice ids differently.
            if (current.isPresent() && !to.isAfter(current.get())) {
                return false;
            }
            update(connection, "UPDATE " + tenants + " SET watermark_published_at = ?, watermark_notice_id = ?"
                    + " WHERE tenant = ?", to.publishedAt(), to.noticeId(), lease.tenant());
            return true;
        });
    }

    private Optional<Watermark> watermarkOf(Connection connection, String tenant) throws SQLException {
        try (PreparedStatement statement = prepare(connection, "SELECT watermark_published_at, watermark_notice_id"
                + " FROM " + tenants + " WHERE tenant = ?", tenant);
             ResultSet rows = statement.executeQuery()) {
            return rows.next() && rows.getString(2) != null
                    ? Optional.of(new Watermark(instant(rows, 1), rows.getString(2))) : Optional.empty();
        }
    }

    @Override
    public Optional<Instant> lastSuccessfulPoll(String tenant) {
        Check.storedId("tenant", tenant);
        return transaction("lastSuccessfulPoll", connection -> {
            try (PreparedStatement statement = prepare(connection, "SELECT last_successful_poll FROM " + tenants
                    + " WHERE tenant = ?", tenant);
                 ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.ofNullable(instant(rows, 1)) : Optional.<Instant>empty();
            }
        });
    }

    @Override
    public void recordSuccessfulPoll(Lease lease, Instant at) {
        Instant when = StoreRules.millis("at", at);
        transaction("recordSuccessfulPoll", connection -> {
            fence(connection, lease);
            ensureTenantRow(connection, lease.tenant());
            return update(connection, "UPDATE " + tenants + " SET last_successful_poll = ? WHERE tenant = ?"
                    + " AND (last_successful_poll IS NULL OR last_successful_poll < ?)", when, lease.tenant(), when);
        });
    }

    /**
     * One transaction whatever the number of tenants: one query for the tenants' rows, one batched
     * {@code INSERT} of the missing ones, one batched {@code UPDATE} that moves each clock forward
     * only while the lease is current. The lease row is read {@code FOR SHARE} inside the update: a
     * concurrent takeover waits for this transaction, so the clock is written before the new lease
     * or not at all.
     */
    @Override
    public void recordSuccessfulPolls(Map<Lease, Instant> polls) {
        Check.required("polls", polls);
        Map<String, Map.Entry<Lease, Instant>> byTenant = new java.util.TreeMap<>();
        polls.forEach((lease, at) -> {
            Check.required("lease", lease);
            StoreRules.millis("at", at);
            byTenant.merge(lease.tenant(), Map.entry(lease, at), (a, b) -> a.getValue().isAfter(b.getValue()) ? a : b);
        });
        if (byTenant.isEmpty()) {
            return;
        }
        transaction("recordSuccessfulPolls", connection -> {
            Set<String> existing = new HashSet<>();
            Array wanted = connection.createArrayOf("varchar", byTenant.keySet().toArray());
            try (PreparedStatement statement = connection.prepareStatement("SELECT tenant FROM " + tenants
                    + " WHERE tenant = ANY(?)")) {
                statement.setArray(1, wanted);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        existing.add(rows.getString(1));
                    }
                }
            } finally {
                wanted.free();
            }
            if (existing.size() < byTenant.size()) {
                try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + tenants
                        + " (tenant) VALUES (?)")) {
                    for (String tenant : byTenant.keySet()) {
                        if (!existing.contains(tenant)) {
                            bind(statement, tenant);
                            statement.addBatch();
                        }
                    }
                    statement.executeBatch();
                }
            }
            try (PreparedStatement statement = connection.prepareStatement("UPDATE " + tenants
                    + " SET last_successful_poll = ? WHERE tenant = ?"
                    + " AND (last_successful_poll IS NULL OR last_successful_poll < ?)"
                    + " AND EXISTS (SELECT 1 FROM " + leases + " WHERE tenant = ? AND owner_id = ?"
                    + " AND fencing_token = ? FOR SHARE)")) {
                for (Map.Entry<Lease, Instant> poll : byTenant.values()) {
                    Lease lease = poll.getKey();
                    bind(statement, poll.getValue(), lease.tenant(), poll.getValue(), lease.tenant(), lease.ownerId(),
                            lease.fencingToken());
                    statement.addBatch();
                }
                statement.executeBatch();
            }
            return null;
        });
    }

    @Override
    public Optional<ComplianceGap> complianceGap(String tenant) {
        Check.storedId("tenant", tenant);
        return transaction("complianceGap", connection -> gapOf(connection, tenant));
    }

    private Optional<ComplianceGap> gapOf(Connection connection, String tenant) throws SQLException {
        try (PreparedStatement statement = prepare(connection, "SELECT gap_raised_at, gap_detail,"
                + " gap_acknowledged_at, gap_acknowledged_by FROM " + tenants + " WHERE tenant = ?", tenant);
             ResultSet rows = statement.executeQuery()) {
            if (!rows.next() || rows.getString(2) == null) {
                return Optional.empty();
            }
            return Optional.of(new ComplianceGap(instant(rows, 1), rows.getString(2), instant(rows, 3),
                    rows.getString(4)));
        }
    }

    @Override
    public void raiseComplianceGap(Lease lease, Instant raisedAt, String detail) {
        ComplianceGap gap = ComplianceGap.raised(raisedAt, detail);
        transaction("raiseComplianceGap", connection -> {
            fence(connection, lease);
            ensureTenantRow(connection, lease.tenant());
            return update(connection, "UPDATE " + tenants + " SET gap_raised_at = ?, gap_detail = ?,"
                    + " gap_acknowledged_at = NULL, gap_acknowledged_by = NULL WHERE tenant = ?"
                    + " AND (gap_raised_at IS NULL OR gap_acknowledged_at IS NOT NULL)",
                    gap.raisedAt(), gap.detail(), lease.tenant());
        });
    }

    @Override
    public boolean acknowledgeComplianceGap(String tenant, Instant at, String acknowledgedBy) {
        Check.storedId("tenant", tenant);
        Instant when = StoreRules.millis("at", at);
        Check.storedId("acknowledgedBy", acknowledgedBy);
        return transaction("acknowledgeComplianceGap", connection -> update(connection, "UPDATE " + tenants
                + " SET gap_acknowledged_at = ?, gap_acknowledged_by = ? WHERE tenant = ?"
                + " AND gap_raised_at IS NOT NULL AND gap_acknowledged_at IS NULL",
                when, acknowledgedBy, tenant) == 1);
    }

    /** Under the lease row's lock, so no other writer inserts the same row meanwhile. */
    private void ensureTenantRow(Connection connection, String tenant) throws SQLException {
        if (!exists(connection, "SELECT 1 FROM " + tenants + " WHERE tenant = ?", tenant)) {
            update(connection, "INSERT INTO " + tenants + " (tenant) VALUES (?)", tenant);
        }
    }

    // ---- decisions and audit

    @Override
    public boolean recordDecision(Lease lease, AuditRecord record) {
        return !recordDecisions(lease, List.of(Check.required("record", record))).isEmpty();
    }

    /**
     * One transaction for the whole list, under the lease row's lock: one query for the notices
     * already decided, then the new decisions inserted and their parked notices dropped, each as
     * one batch. A refused lease leaves nothing written.
     */
    @Override
    public Set<String> recordDecisions(Lease lease, List<AuditRecord> records) {
        Check.required("lease", lease);
        Check.required("records", records);
        Map<String, AuditRecord> byNoticeId = new LinkedHashMap<>();
        for (AuditRecord record : records) {
            if (!lease.tenant().equals(Check.required("record", record).tenant())) {
                throw Check.invalid("record.tenant", "must be the lease's tenant");
            }
            byNoticeId.putIfAbsent(record.noticeId(), record); // the first of a notice's records counts
        }
        return transaction("recordDecisions", connection -> {
            fence(connection, lease);
            Map<String, AuditRecord> fresh = new LinkedHashMap<>(byNoticeId);
            fresh.keySet().removeAll(decidedAmong(connection, lease.tenant(), byNoticeId.keySet()).keySet());
            if (!fresh.isEmpty()) {
                insertDecisions(connection, fresh.values());
                dropParked(connection, lease.tenant(), fresh.keySet());
            }
            return new LinkedHashSet<>(fresh.keySet());
        });
    }

    private void insertDecisions(Connection connection, Collection<AuditRecord> records) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + decisions + " ("
                + AUDIT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (AuditRecord record : records) {
                Decision decision = record.decision();
                bind(statement, record.tenant(), record.noticeId(), record.member(), decision.kind().name(),
                        decision.reason() == null ? null : decision.reason().name(), decision.detail(),
                        record.decidedAt(), record.handlerId());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private void dropParked(Connection connection, String tenant, Collection<String> noticeIds) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("DELETE FROM " + parked
                + " WHERE tenant = ? AND notice_id = ?")) {
            for (String noticeId : noticeIds) {
                bind(statement, tenant, noticeId);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    @Override
    public Optional<AuditRecord> decision(String tenant, String noticeId) {
        Check.storedId("tenant", tenant);
        Check.storedId("noticeId", noticeId);
        List<AuditRecord> found = queryAudit("decision", "SELECT " + AUDIT_COLUMNS + " FROM " + decisions
                + " WHERE tenant = ? AND notice_id = ?", tenant, noticeId);
        return found.stream().findFirst();
    }

    /** One query, whatever the number of notices. */
    @Override
    public Map<String, AuditRecord> decisions(String tenant, Collection<String> noticeIds) {
        Check.storedId("tenant", tenant);
        Check.required("noticeIds", noticeIds);
        Set<String> wanted = new LinkedHashSet<>();
        for (String noticeId : noticeIds) {
            wanted.add(Check.storedId("noticeId", noticeId));
        }
        if (wanted.isEmpty()) {
            return new HashMap<>();
        }
        return transaction("decisions", connection -> decidedAmong(connection, tenant, wanted));
    }

    /**
     * The decisions of {@code noticeIds} in one query, each notice a lookup of its own by the whole
     * primary key. The plain form {@code notice_id = ANY(?)} lets a plan made while the table is
     * small read all the tenant's decisions and filter them, and the driver's server-side prepared
     * statement keeps that plan as the table grows; a one-row lookup by the primary key is the
     * cheapest plan at any size. The row limit keeps the planner from merging the lateral lookups
     * into one join, which has the same weakness.
     */
    private Map<String, AuditRecord> decidedAmong(Connection connection, String tenant, Collection<String> noticeIds)
            throws SQLException {
        Map<String, AuditRecord> found = new HashMap<>();
        if (noticeIds.isEmpty()) {
            return found;
        }
        Array wanted = connection.createArrayOf("varchar", noticeIds.toArray());
        try (PreparedStatement statement = connection.prepareStatement("SELECT found.* FROM unnest(?) AS"
                + " wanted(notice_id) CROSS JOIN LATERAL (SELECT " + AUDIT_COLUMNS + " FROM " + decisions
                + " WHERE tenant = ? AND notice_id = wanted.notice_id FETCH FIRST 1 ROW ONLY) AS found")) {
            statement.setArray(1, wanted);
            statement.setString(2, tenant);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    AuditRecord record = auditRecord(rows);
                    found.put(record.noticeId(), record);
                }
            }
        } finally {
            wanted.free();
        }
        return found;
    }

    @Override
    public List<AuditRecord> auditTrail(String tenant, Instant from, Instant to) {
        Check.storedId("tenant", tenant);
        return queryAudit("auditTrail", "SELECT " + AUDIT_COLUMNS + " FROM " + decisions
                + " WHERE tenant = ? AND decided_at >= ? AND decided_at < ? ORDER BY decided_at, notice_id",
                tenant, clamp(Check.required("from", from)), clamp(Check.required("to", to)));
    }

    private List<AuditRecord> queryAudit(String operation, String sql, Object... parameters) {
        List<AuditRecord> records = transaction(operation, connection -> {
            List<AuditRecord> found = new ArrayList<>();
            try (PreparedStatement statement = prepare(connection, sql, parameters);
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(auditRecord(rows));
                }
            }
            return found;
        });
        // The database may order notice ids by its collation; the contract is Java's order.
        records.sort(Comparator.comparing(AuditRecord::decidedAt).thenComparing(AuditRecord::noticeId));
        return records;
    }

    /** The record in a row of {@link #AUDIT_COLUMNS}. */
    private static AuditRecord auditRecord(ResultSet rows) throws SQLException {
        String reason = rows.getString(5);
        Decision decision = new Decision(Decision.Kind.valueOf(rows.getString(4)),
                reason == null ? null : RetentionReason.valueOf(reason), rows.getString(6));
        return new AuditRecord(rows.getString(1), rows.getString(2), rows.getString(3), decision,
                instant(rows, 7), rows.getString(8));
    }

    // ---- parked notices

    @Override
    public void park(Lease lease, ParkedNotice notice) {
        Check.required("notice", notice);
        transaction("park", connection -> {
            fence(connection, lease);
            if (exists(connection, "SELECT 1 FROM " + decisions + " WHERE tenant = ? AND notice_id = ?",
                    lease.tenant(), notice.noticeId())) {
                return null;
            }
            String noticeJson = NoticeJson.write(notice.notice());
            int changed = update(connection, "UPDATE " + parked + " SET notice_json = ?, attempts = ?, last_error = ?,"
                    + " last_attempt_at = ? WHERE tenant = ? AND notice_id = ?", noticeJson,
                    notice.attempts(), notice.lastError(), notice.lastAttemptAt(), lease.tenant(), notice.noticeId());
            if (changed == 0) {
                update(connection, "INSERT INTO " + parked + " (tenant, notice_id, notice_json, attempts, last_error,"
                        + " last_attempt_at) VALUES (?, ?, ?, ?, ?, ?)", lease.tenant(), notice.noticeId(),
                        noticeJson, notice.attempts(), notice.lastError(), notice.lastAttemptAt());
            }
            return null;
        });
    }

    @Override
    public boolean unpark(Lease lease, String noticeId) {
        Check.storedId("noticeId", noticeId);
        return transaction("unpark", connection -> {
            fence(connection, lease);
            return update(connection, "DELETE FROM " + parked + " WHERE tenant = ? AND notice_id = ?",
                    lease.tenant(), noticeId) == 1;
        });
    }

    @Override
    public List<ParkedNotice> parked(String tenant) {
        Check.storedId("tenant", tenant);
        List<ParkedNotice> found = transaction("parked", connection -> {
            List<ParkedNotice> notices = new ArrayList<>();
            try (PreparedStatement statement = prepare(connection, "SELECT notice_id, notice_json, attempts,"
                    + " last_error, last_attempt_at FROM " + parked + " WHERE tenant = ?", tenant);
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    notices.add(new ParkedNotice(storedNotice(tenant, rows.getString(1), rows.getString(2)),
                            rows.getInt(3), rows.getString(4), instant(rows, 5)));
                }
            }
            return notices;
        });
        found.sort(Comparator.comparing(ParkedNotice::noticeId));
        return found;
    }

    /**
     * A parked notice's stored JSON, read back. One that is no longer a valid notice fails the read,
     * naming where it is, rather than being skipped: the watermark has passed it, so skipping it
     * would miss it for good.
     */
    private static DeletionNotice storedNotice(String tenant, String noticeId, String json) {
        try {
            return NoticeJson.read(json);
        } catch (IllegalArgumentException e) {
            throw new CheckpointStoreException("the parked notice " + noticeId + " of tenant " + tenant
                    + " is stored as JSON that is not a valid deletion notice; repair or delete its row", e);
        }
    }

    @Override
    public void close() {
        closed = true; // the data source, and its connections, belong to the caller
    }

    // ---- plumbing

    private <T> T transaction(String operation, Work<T> work) {
        if (closed) {
            throw new CheckpointStoreException("the checkpoint store is closed");
        }
        try {
            return JdbcTransactions.inTransaction(dataSource, work);
        } catch (SQLException e) {
            throw new CheckpointStoreException("checkpoint database operation " + operation + " failed (SQLState "
                    + e.getSQLState() + ")", e);
        }
    }

    private static boolean isUniqueViolation(SQLException e) {
        // 23505: unique_violation in PostgreSQL and the SQL standard's classes; 23000 where a driver is vaguer.
        return "23505".equals(e.getSQLState()) || "23000".equals(e.getSQLState());
    }

    private static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    private static boolean exists(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet rows = statement.executeQuery()) {
            return rows.next();
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            bind(statement, parameters);
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i];
            if (value instanceof Instant instant) {
                statement.setObject(i + 1, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
            } else if (value instanceof Long number) {
                statement.setLong(i + 1, number);
            } else if (value instanceof Integer number) {
                statement.setInt(i + 1, number);
            } else if (value == null) {
                statement.setNull(i + 1, Types.VARCHAR);
            } else {
                statement.setString(i + 1, (String) value);
            }
        }
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Instant clamp(Instant value) {
        return value.isBefore(MIN_INSTANT) ? MIN_INSTANT : value.isAfter(MAX_INSTANT) ? MAX_INSTANT : value;
    }
}
