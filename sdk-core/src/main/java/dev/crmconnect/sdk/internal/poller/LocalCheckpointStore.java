package dev.crmconnect.sdk.internal.poller;

import dev.crmconnect.model.internal.Check;
import dev.crmconnect.sdk.poller.AuditRecord;
import dev.crmconnect.sdk.poller.CheckpointStore;
import dev.crmconnect.sdk.exception.CheckpointStoreException;
import dev.crmconnect.sdk.poller.ComplianceGap;
import dev.crmconnect.sdk.poller.Lease;
import dev.crmconnect.sdk.poller.ParkedNotice;
import dev.crmconnect.sdk.poller.Watermark;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;

/**
 * A store that keeps its state in memory and, through a {@link Persistence}, on disk. Leases are
 * this process's own. One lock guards the state; the wait for a decision to reach the disk happens
 * outside it, so concurrent writers share one fsync.
 */
public final class LocalCheckpointStore implements CheckpointStore {

    /** Where a local store's changes go. Called under the store's lock unless said otherwise. */
    interface Persistence {

        /** Appends decisions; returns a ticket to wait on for their durability. */
        long append(List<AuditRecord> records);

        /** Returns once what the ticket's append wrote is durable. Called without the store's lock. */
        void awaitDurable(long ticket);

        /**
         * Makes the {@code changed} tenants' states durable, in one fsync; {@code all} is every
         * tenant's state, {@code changed} included, for a persistence that rewrites them all.
         */
        void writeState(Map<String, TenantState> changed, Map<String, TenantState> all);

        /** Releases files; called once. */
        void close();
    }

    private static final Persistence NOTHING = new Persistence() {
        @Override
        public long append(List<AuditRecord> records) {
            return 0;
        }

        @Override
        public void awaitDurable(long ticket) {
        }

        @Override
        public void writeState(Map<String, TenantState> changed, Map<String, TenantState> all) {
        }

        @Override
        public void close() {
        }
    };

    private static final Comparator<AuditRecord> AUDIT_ORDER =
            Comparator.comparing(AuditRecord::decidedAt).thenComparing(AuditRecord::noticeId);

    private final Object lock = new Object();
    private final Persistence persistence;
    private final LocalLeases leases = new LocalLeases(Clock.systemUTC());
    /** Tenant, then notice id, to its decision. */
    private final Map<String, Map<String, AuditRecord>> decisions;
    private final Map<String, TenantState> tenants;
    private boolean closed;
    /** Set when a write failed: what is on disk may then differ from memory, so nothing more is done. */
    private CheckpointStoreException failure;

    LocalCheckpointStore(Persistence persistence, List<AuditRecord> decided, Map<String, TenantState> tenants) {
        this.persistence = persistence;
        this.decisions = new HashMap<>();
        for (AuditRecord record : decided) {
            decisions.computeIfAbsent(record.tenant(), t -> new HashMap<>()).put(record.noticeId(), record);
        }
        this.tenants = new TreeMap<>(tenants);
        // A notice decided but still parked: the crash came between the decision and the state write.
        this.tenants.replaceAll((tenant, state) -> state.withParked(state.parked().stream()
                .filter(p -> !isDecided(tenant, p.noticeId()))
                .toList()));
    }

    /** A store in memory only. */
    public static CheckpointStore inMemory() {
        return new LocalCheckpointStore(NOTHING, List.of(), Map.of());
    }

    /** A store in {@code directory}, created when absent; see {@link FilePersistence}. */
    public static CheckpointStore file(Path directory) {
        return FilePersistence.open(directory);
    }

    @Override
    public Optional<Lease> tryAcquireLease(String tenant, String ownerId, Duration ttl) {
        synchronized (lock) {
            ensureUsable();
        }
        return leases.tryAcquire(tenant, ownerId, ttl);
    }

    @Override
    public Optional<Lease> renewLease(Lease lease, Duration ttl) {
        synchronized (lock) {
            ensureUsable();
        }
        return leases.renew(lease, ttl);
    }

    @Override
    public void releaseLease(Lease lease) {
        synchronized (lock) {
            ensureUsable();
        }
        leases.release(lease);
    }

    @Override
    public Optional<Watermark> watermark(String tenant) {
        return Optional.ofNullable(state(tenant).watermark());
    }

    @Override
    public boolean advanceWatermark(Lease lease, Watermark to) {
        Check.required("to", to);
        boolean[] moved = {false};
        update(lease, state -> {
            if (state.watermark() != null && !to.isAfter(state.watermark())) {
                return state;
            }
            moved[0] = true;
            return state.withWatermark(to);
        });
        return moved[0];
    }

    @Override
    public boolean recordDecision(Lease lease, AuditRecord record) {
        return !recordDecisions(lease, List.of(Check.required("record", record))).isEmpty();
    }

    @Override
    public Set<String> recordDecisions(Lease lease, List<AuditRecord> records) {
        Check.required("records", records);
        Set<String> recorded = new LinkedHashSet<>();
        long ticket;
        synchronized (lock) {
            ensureUsable();
            List<AuditRecord> fresh = new ArrayList<>();
            for (AuditRecord record : records) {
                checkTenant(lease, Check.required("record", record).tenant());
                if (!isDecided(record.tenant(), record.noticeId()) && recorded.add(record.noticeId())) {
                    fresh.add(record);
                }
            }
            leases.checkCurrent(lease);
            if (fresh.isEmpty()) {
                return recorded;
            }
            ticket = guarded(() -> persistence.append(fresh));
            Map<String, AuditRecord> tenantDecisions = decisions.computeIfAbsent(lease.tenant(), t -> new HashMap<>());
            fresh.forEach(record -> tenantDecisions.put(record.noticeId(), record));
            // Dropped in memory now; the file store's next state write, or its next open, drops them on disk.
            TenantState state = tenants.get(lease.tenant());
            if (state != null) {
                tenants.put(lease.tenant(), state.withParked(state.parked().stream()
                        .filter(p -> !recorded.contains(p.noticeId()))
                        .toList()));
            }
        }
        try {
            persistence.awaitDurable(ticket);
        } catch (RuntimeException e) {
            synchronized (lock) {
                throw fail(e);
            }
        }
        return recorded;
    }

    @Override
    public Optional<AuditRecord> decision(String tenant, String noticeId) {
        Check.storedId("tenant", tenant);
        Check.storedId("noticeId", noticeId);
        synchronized (lock) {
            ensureUsable();
            return Optional.ofNullable(decisions.getOrDefault(tenant, Map.of()).get(noticeId));
        }
    }

    @Override
    public List<AuditRecord> auditTrail(String tenant, Instant from, Instant to) {
        Check.storedId("tenant", tenant);
        Check.required("from", from);
        Check.required("to", to);
        List<AuditRecord> found = new ArrayList<>();
        synchronized (lock) {
            ensureUsable();
            for (AuditRecord record : decisions.getOrDefault(tenant, Map.of()).values()) {
                if (!record.decidedAt().isBefore(from) && record.decidedAt().isBefore(to)) {
                    found.add(record);
                }
            }
        }
        found.sort(AUDIT_ORDER);
        return found;
    }

    @Override
    public void park(Lease lease, ParkedNotice notice) {
        Check.required("notice", notice);
        update(lease, state -> {
            if (isDecided(lease.tenant(), notice.noticeId())) {
                return state;
            }
            TreeMap<String, ParkedNotice> parked = byNoticeId(state);
            parked.put(notice.noticeId(), notice);
            return state.withParked(new ArrayList<>(parked.values()));
        });
    }

    @Override
    public boolean unpark(Lease lease, String noticeId) {
        Check.storedId("noticeId", noticeId);
        boolean[] removed = {false};
        update(lease, state -> {
            TreeMap<String, ParkedNotice> parked = byNoticeId(state);
            removed[0] = parked.remove(noticeId) != null;
            return removed[0] ? state.withParked(new ArrayList<>(parked.values())) : state;
        });
        return removed[0];
    }

    @Override
    public List<ParkedNotice> parked(String tenant) {
        return state(tenant).parked();
    }

    @Override
    public Optional<Instant> lastSuccessfulPoll(String tenant) {
        return Optional.ofNullable(state(tenant).lastSuccessfulPoll());
    }

    @Override
    public void recordSuccessfulPoll(Lease lease, Instant at) {
        Instant when = StoreRules.millis("at", at);
        update(lease, state -> state.lastSuccessfulPoll() != null && !when.isAfter(state.lastSuccessfulPoll())
                ? state : state.withLastSuccessfulPoll(when));
    }

    /** All under one lock and written with one fsync, whatever the number of tenants. */
    @Override
    public void recordSuccessfulPolls(Map<Lease, Instant> polls) {
        Check.required("polls", polls);
        synchronized (lock) {
            ensureUsable();
            Map<String, TenantState> changed = new TreeMap<>();
            polls.forEach((lease, at) -> {
                Instant when = StoreRules.millis("at", at);
                if (!leases.isCurrent(Check.required("lease", lease))) {
                    return; // another instance's now; it keeps the clock
                }
                TenantState state = changed.getOrDefault(lease.tenant(),
                        tenants.getOrDefault(lease.tenant(), TenantState.EMPTY));
                if (state.lastSuccessfulPoll() == null || when.isAfter(state.lastSuccessfulPoll())) {
                    changed.put(lease.tenant(), state.withLastSuccessfulPoll(when));
                }
            });
            if (!changed.isEmpty()) {
                save(changed);
            }
        }
    }

    @Override
    public Optional<ComplianceGap> complianceGap(String tenant) {
        return Optional.ofNullable(state(tenant).complianceGap());
    }

    @Override
    public void raiseComplianceGap(Lease lease, Instant raisedAt, String detail) {
        ComplianceGap gap = ComplianceGap.raised(raisedAt, detail);
        update(lease, state -> state.complianceGap() != null && !state.complianceGap().acknowledged()
                ? state : state.withComplianceGap(gap));
    }

    @Override
    public boolean acknowledgeComplianceGap(String tenant, Instant at, String acknowledgedBy) {
        Check.storedId("tenant", tenant);
        Check.required("at", at);
        Check.storedId("acknowledgedBy", acknowledgedBy);
        synchronized (lock) {
            ensureUsable();
            TenantState state = tenants.getOrDefault(tenant, TenantState.EMPTY);
            ComplianceGap gap = state.complianceGap();
            if (gap == null || gap.acknowledged()) {
                return false;
            }
            save(Map.of(tenant, state.withComplianceGap(gap.acknowledge(at, acknowledgedBy))));
            return true;
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (!closed) {
                closed = true;
                persistence.close();
            }
        }
    }

    private TenantState state(String tenant) {
        Check.storedId("tenant", tenant);
        synchronized (lock) {
            ensureUsable();
            return tenants.getOrDefault(tenant, TenantState.EMPTY);
        }
    }

    /** Applies a fenced change to the lease's tenant and writes it through when it changed anything. */
    private void update(Lease lease, UnaryOperator<TenantState> change) {
        Check.required("lease", lease);
        synchronized (lock) {
            ensureUsable();
            leases.checkCurrent(lease);
            TenantState before = tenants.getOrDefault(lease.tenant(), TenantState.EMPTY);
            TenantState after = change.apply(before);
            if (!after.equals(before)) {
                save(Map.of(lease.tenant(), after));
            }
        }
    }

    /** Under the lock. */
    private void save(Map<String, TenantState> changed) {
        tenants.putAll(changed);
        guarded(() -> {
            persistence.writeState(changed, tenants);
            return 0L;
        });
    }

    /** Under the lock. */
    private boolean isDecided(String tenant, String noticeId) {
        return decisions.getOrDefault(tenant, Map.of()).containsKey(noticeId);
    }

    private static TreeMap<String, ParkedNotice> byNoticeId(TenantState state) {
        TreeMap<String, ParkedNotice> parked = new TreeMap<>();
        state.parked().forEach(p -> parked.put(p.noticeId(), p));
        return parked;
    }

    private static void checkTenant(Lease lease, String tenant) {
        Check.required("lease", lease);
        if (!lease.tenant().equals(tenant)) {
            throw Check.invalid("record.tenant", "must be the lease's tenant");
        }
    }

    /** Under the lock. */
    private long guarded(LongSupplier write) {
        try {
            return write.getAsLong();
        } catch (RuntimeException e) {
            throw fail(e);
        }
    }

    /** Under the lock: the store stops, as memory and disk may now differ. */
    private CheckpointStoreException fail(RuntimeException cause) {
        if (failure == null) {
            failure = cause instanceof CheckpointStoreException c ? c
                    : new CheckpointStoreException("a checkpoint write failed", cause);
        }
        return failure;
    }

    /** Under the lock. */
    private void ensureUsable() {
        if (closed) {
            throw new CheckpointStoreException("the checkpoint store is closed");
        }
        if (failure != null) {
            throw new CheckpointStoreException("the checkpoint store stopped after a failed write; reopen it",
                    failure);
        }
    }
}
