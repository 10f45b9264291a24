package dev.crmconnect.sdk.internal.sync;

import dev.crmconnect.model.SyncedRecord;
import dev.crmconnect.model.Visibility;
import dev.crmconnect.sdk.BatchResult;
import dev.crmconnect.sdk.RecordResult;
import dev.crmconnect.sdk.exception.SyncLedgerException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One reconcile of one scope: reads the input a chunk at a time, digests each record, looks the
 * chunk up in the ledger, sends the new and changed records in full batches (a few in flight;
 * a batch may gather the changed records of several chunks), and
 * records each batch's acknowledged records in the ledger when its response arrives, before
 * reporting progress. Unchanged records are not sent. With a full snapshot, every record seen
 * is marked with the run's generation, and the entries left unmarked are the records the CRM no
 * longer holds. Holds at most a chunk and the batches in flight in memory, whatever the input's
 * length.
 *
 * @param <T> the record type
 */
public final class ReconcileEngine<T extends SyncedRecord> {

    /** The most failures a result lists; the rest are only counted. */
    public static final int MAX_LISTED_FAILURES = 100;

    /**
     * How a run behaves.
     *
     * @param fullSnapshot the input is every record the CRM holds for the scope
     * @param deleteMissing delete at LinkedIn what the snapshot lacks (needs {@code fullSnapshot})
     * @param maxDeletedShare the largest share of the scope's entries deleted without confirmation
     * @param confirmedDeletions deletions confirmed beyond the share: up to this many may go; -1 for none
     * @param expectedRecords the input's expected length, for the time estimate; 0 when unknown
     * @param recordsPerMinute the quota the time estimate assumes
     * @param batchSize records per request
     * @param batchesInFlight batches sent at once
     */
    public record Settings(boolean fullSnapshot, boolean deleteMissing, double maxDeletedShare,
                           long confirmedDeletions, long expectedRecords, int recordsPerMinute, int batchSize,
                           int batchesInFlight) {
    }

    /** The service calls a run makes. */
    public interface Sender<T> {
        CompletableFuture<BatchResult> upsert(List<T> records);

        CompletableFuture<BatchResult> delete(List<String> keys);
    }

    /** Receives progress, one call at a time, in order. */
    public interface Events {
        void progress(Counts counts, Duration estimatedTimeLeft);
    }

    /** What a run has done so far. */
    public static final class Counts {
        public long seen;
        public long unchanged;
        public long sent;
        public long failed;
        public long skippedPrivate;
        public long deleted;
        public long missing;
        public long deletionsHeldBack;
        long queued;
        public final List<RecordResult> failures = new ArrayList<>();

        void fail(RecordResult failure) {
            failed++;
            if (failures.size() < MAX_LISTED_FAILURES) {
                failures.add(failure);
            }
        }
    }

    private final LedgerStore store;
    private final String tenant;
    private final String scope;
    private final String entity;
    private final Sender<T> sender;
    private final Settings settings;
    private final Events events;
    private final Counts counts = new Counts();
    private final AtomicReference<Throwable> broken = new AtomicReference<>();
    /** The keys of the batches sent and not yet answered. */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private Pending pending = new Pending();
    private long generation;

    public ReconcileEngine(LedgerStore store, String tenant, String scope, String entity, Sender<T> sender,
                           Settings settings, Events events) {
        this.store = store;
        this.tenant = tenant;
        this.scope = scope;
        this.entity = entity;
        this.sender = sender;
        this.settings = settings;
        this.events = events;
    }

    /** Runs the reconcile to the end of {@code input} (and the deletions, when asked for). */
    public Counts run(Iterator<? extends T> input) {
        Objects.requireNonNull(input, "records must not be null");
        generation = store.startRun(tenant, scope);
        Digester digester = new Digester(store.salt());
        Semaphore permits = new Semaphore(settings.batchesInFlight());
        int chunkSize = settings.batchSize() * settings.batchesInFlight() * 2;
        try {
            while (broken.get() == null && input.hasNext()) {
                sendChunk(readChunk(input, chunkSize, digester), permits);
            }
            if (broken.get() == null && !pending.isEmpty()) {
                send(permits);
            }
        } finally {
            permits.acquireUninterruptibly(settings.batchesInFlight()); // the batches in flight settle first
        }
        rethrowIfBroken();
        if (settings.fullSnapshot()) {
            sweep();
        }
        return counts;
    }

    /** The records of a chunk to compare with the ledger. */
    private record Chunk<T>(List<T> records, List<String> keys, List<Digest> digests, List<String> privateKeys) {
    }

    private Chunk<T> readChunk(Iterator<? extends T> input, int size, Digester digester) {
        Chunk<T> chunk = new Chunk<>(new ArrayList<>(size), new ArrayList<>(size), new ArrayList<>(size),
                new ArrayList<>());
        Set<String> keys = new HashSet<>(size * 4 / 3 + 1); // sized for the chunk: never rehashed
        List<RecordResult> refused = new ArrayList<>();
        long seen = counts.seen;
        for (int n = 0; n < size && input.hasNext(); n++) {
            T record = input.next();
            long index = seen + n;
            if (record == null) {
                refused.add(failure(null, "records[" + index + "]: must not be null"));
            } else if (record.visibility() == Visibility.PRIVATE) {
                if (record.crmId() != null) {
                    chunk.privateKeys().add(record.crmId());
                }
            } else if (record.crmId() == null) {
                refused.add(failure(null, entity + ".crmId: is required to reconcile (records[" + index + "])"));
            } else if (!keys.add(record.crmId())) {
                refused.add(failure(record.crmId(), entity + ".crmId: appears more than once in this chunk of the"
                        + " input; only the first was sent"));
            } else {
                chunk.records().add(record);
                chunk.keys().add(record.crmId());
                chunk.digests().add(digester.digest(record));
            }
        }
        synchronized (counts) {
            counts.seen += chunk.records().size() + chunk.privateKeys().size() + refused.size();
            counts.skippedPrivate += chunk.privateKeys().size();
            refused.forEach(counts::fail);
        }
        return chunk;
    }

    private void sendChunk(Chunk<T> chunk, Semaphore permits) {
        if (!chunk.privateKeys().isEmpty() && !settings.deleteMissing()) {
            // A private record is not LinkedIn's to hold: forget it, so it is sent again if it turns public.
            // With deletions on, its entry stays unmarked and the sweep deletes it at LinkedIn too.
            store.forget(tenant, scope, chunk.privateKeys());
        }
        Digest[] stored = store.lookup(tenant, scope, chunk.keys());
        // Only a full snapshot records the unchanged entries; otherwise they are only counted.
        List<String> unchangedKeys = new ArrayList<>();
        List<Digest> unchangedDigests = new ArrayList<>();
        List<Integer> changed = new ArrayList<>();
        int unchanged = 0;
        for (int i = 0; i < stored.length; i++) {
            if (chunk.digests().get(i).equals(stored[i])) {
                unchanged++;
                if (settings.fullSnapshot()) {
                    unchangedKeys.add(chunk.keys().get(i));
                    unchangedDigests.add(stored[i]);
                }
            } else {
                changed.add(i);
            }
        }
        if (settings.fullSnapshot()) {
            store.record(tenant, scope, unchangedKeys, unchangedDigests, generation); // seen in this run
        }
        synchronized (counts) {
            counts.unchanged += unchanged;
            counts.queued += changed.size();
            report();
        }
        for (int i : changed) {
            if (broken.get() != null) {
                return;
            }
            String key = chunk.keys().get(i);
            if (pending.keys.contains(key) || inFlight.contains(key)) {
                // A repeated record: its earlier version must be answered before the later one is sent,
                // or batches in flight together could reach LinkedIn, and the ledger, in either order.
                if (!pending.isEmpty()) {
                    send(permits);
                }
                awaitAnswers(permits);
            }
            pending.add(chunk.records().get(i), chunk.keys().get(i), chunk.digests().get(i), stored[i]);
            if (pending.size() == settings.batchSize()) {
                send(permits);
            }
        }
    }

    /**
     * The changed records waiting for a full batch. Filled across chunks, so that a re-sync in
     * which few records changed still sends full batches: fewer requests of the daily quota, and
     * one ledger write per batch.
     */
    private final class Pending {
        List<T> records = new ArrayList<>();
        List<String> keyList = new ArrayList<>();
        List<Digest> digests = new ArrayList<>();
        List<Digest> previous = new ArrayList<>();
        final Set<String> keys = new HashSet<>();

        void add(T record, String key, Digest digest, Digest before) {
            records.add(record);
            keyList.add(key);
            digests.add(digest);
            previous.add(before);
            keys.add(key);
        }

        int size() {
            return records.size();
        }

        boolean isEmpty() {
            return records.isEmpty();
        }
    }

    /** Waits until every batch sent so far is answered and settled. */
    private void awaitAnswers(Semaphore permits) {
        permits.acquireUninterruptibly(settings.batchesInFlight());
        permits.release(settings.batchesInFlight());
    }

    /** Sends the pending batch, once a permit is free, and empties it. */
    private void send(Semaphore permits) {
        List<T> records = pending.records;
        List<String> keys = pending.keyList;
        List<Digest> digests = pending.digests;
        List<Digest> previous = pending.previous;
        pending = new Pending();
        permits.acquireUninterruptibly();
        inFlight.addAll(keys);
        CompletableFuture<BatchResult> sent;
        try {
            sent = sender.upsert(records);
        } catch (RuntimeException e) {
            inFlight.removeAll(keys);
            permits.release();
            throw e;
        }
        sent.whenComplete((result, failure) -> {
            try {
                settle(keys, digests, previous, result, failure);
            } catch (Throwable t) {
                broken.compareAndSet(null, t);
            } finally {
                inFlight.removeAll(keys);
                permits.release();
            }
        });
    }

    /** Records a batch's acknowledged records in the ledger, then counts and reports them. */
    private void settle(List<String> keys, List<Digest> digests, List<Digest> previous, BatchResult result,
                        Throwable failure) {
        List<String> ackedKeys = new ArrayList<>();
        List<Digest> ackedDigests = new ArrayList<>();
        List<String> keptKeys = new ArrayList<>();
        List<Digest> keptDigests = new ArrayList<>();
        List<RecordResult> failures = new ArrayList<>();
        for (int k = 0; k < keys.size(); k++) {
            RecordResult r = failure == null ? result.results().get(k) : null;
            if (r != null && r.outcome() == RecordResult.Outcome.STORED) {
                ackedKeys.add(keys.get(k));
                ackedDigests.add(digests.get(k));
            } else {
                failures.add(r != null ? r : failure(keys.get(k), entity + ": the batch failed ("
                        + failure.getClass().getSimpleName() + ")"));
                if (settings.fullSnapshot() && previous.get(k) != null) {
                    // Still held by LinkedIn as last acknowledged: seen in this run, never swept.
                    keptKeys.add(keys.get(k));
                    keptDigests.add(previous.get(k));
                }
            }
        }
        ackedKeys.addAll(keptKeys);
        ackedDigests.addAll(keptDigests);
        store.record(tenant, scope, ackedKeys, ackedDigests, generation); // durable before it is reported
        synchronized (counts) {
            counts.sent += ackedKeys.size() - keptKeys.size();
            counts.queued -= keys.size();
            failures.forEach(counts::fail);
            report();
        }
    }

    /** Deletes, when asked and within the cap, the entries of the scope this run did not see. */
    private void sweep() {
        long stale = store.countStale(tenant, scope, generation);
        long total = store.count(tenant, scope);
        synchronized (counts) {
            counts.missing = stale;
        }
        if (!settings.deleteMissing() || stale == 0) {
            return;
        }
        boolean withinShare = stale <= Math.floor(settings.maxDeletedShare() * total);
        if (!withinShare && stale > settings.confirmedDeletions()) {
            synchronized (counts) {
                counts.deletionsHeldBack = stale;
                report();
            }
            return;
        }
        while (true) {
            List<String> keys = store.staleKeys(tenant, scope, generation, settings.batchSize());
            if (keys.isEmpty()) {
                return;
            }
            BatchResult result = sender.delete(keys).join();
            List<String> deleted = new ArrayList<>();
            List<String> keptKeys = new ArrayList<>();
            List<RecordResult> failures = new ArrayList<>();
            for (int k = 0; k < keys.size(); k++) {
                RecordResult r = result.results().get(k);
                if (r.outcome() == RecordResult.Outcome.DELETED) {
                    deleted.add(keys.get(k));
                } else {
                    keptKeys.add(keys.get(k));
                    failures.add(r);
                }
            }
            store.forget(tenant, scope, deleted);
            if (!keptKeys.isEmpty()) {
                // Kept for the next run, and marked so that this sweep moves on.
                Digest[] digests = store.lookup(tenant, scope, keptKeys);
                store.record(tenant, scope, keptKeys, List.of(digests), generation);
            }
            synchronized (counts) {
                counts.deleted += deleted.size();
                failures.forEach(counts::fail);
                report();
            }
        }
    }

    private void report() {
        Duration left = null;
        if (settings.expectedRecords() > 0 && counts.seen > 0) {
            double sendShare = (double) (counts.sent + counts.failed + counts.queued) / counts.seen;
            double toSend = Math.max(0, settings.expectedRecords() - counts.seen) * sendShare + counts.queued;
            left = Duration.ofMillis((long) Math.ceil(toSend * 60_000 / settings.recordsPerMinute()));
        }
        try {
            events.progress(counts, left);
        } catch (RuntimeException e) {
            // A failing progress listener must not stop the sync nor lose what it acknowledged.
        }
    }

    private void rethrowIfBroken() {
        Throwable t = broken.get();
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new SyncLedgerException("the reconcile failed (" + t.getClass().getName() + ")", t);
        }
    }

    private static RecordResult failure(String crmId, String message) {
        return new RecordResult(crmId, RecordResult.Outcome.FAILED, 0, message, null, null);
    }
}
