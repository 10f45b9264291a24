package dev.crmconnect.sdk.sync;

import dev.crmconnect.model.SyncedRecord;
import dev.crmconnect.sdk.BatchResult;
import dev.crmconnect.sdk.RequestOptions;
import dev.crmconnect.sdk.exception.SyncLedgerException;
import dev.crmconnect.sdk.internal.sync.LedgerStore;
import dev.crmconnect.sdk.internal.sync.ReconcileEngine;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * The reconcile of one synced resource of one tenant (see {@link Reconciler}). The input is
 * streamed: a run holds a few batches in memory whatever its length. Records are keyed by crmId
 * (a pool member by its contact's crmId within the pool). A null record, one without a crmId, or
 * one whose crmId repeats within the same few hundred records fails alone and is counted; a private
 * record is never sent and leaves the ledger.
 *
 * @param <T> the record type
 */
public final class ResourceReconciler<T extends SyncedRecord> {

    /** The service's upsert and delete, with per-call options. */
    record Calls<T>(BiFunction<List<T>, RequestOptions, CompletableFuture<BatchResult>> upsert,
                    BiFunction<Collection<String>, RequestOptions, CompletableFuture<BatchResult>> delete) {
    }

    private final LedgerStore store;
    private final String tenant;
    private final String scope;
    private final String entity;
    private final Calls<T> calls;

    ResourceReconciler(LedgerStore store, String tenant, String scope, String entity, Calls<T> calls) {
        this.store = store;
        this.tenant = tenant;
        this.scope = scope;
        this.entity = entity;
        this.calls = calls;
    }

    /**
     * Sends the new and changed {@code records}, skips the unchanged ones; deletes nothing.
     *
     * @param records the CRM's records, read once, in order
     * @return what the run did
     * @throws NullPointerException if {@code records} is null
     * @throws SyncLedgerException if the ledger cannot be read or written; what was acknowledged before is kept
     */
    public ReconcileResult reconcile(Iterable<? extends T> records) {
        return reconcile(records, ReconcileOptions.defaults());
    }

    /**
     * {@link #reconcile(Iterable)} with options: a full snapshot, deletions, progress.
     *
     * @param records the CRM's records, read once, in order
     * @param options how to run
     * @return what the run did
     * @throws NullPointerException if an argument is null
     * @throws SyncLedgerException if the ledger cannot be read or written; what was acknowledged before is kept
     */
    public ReconcileResult reconcile(Iterable<? extends T> records, ReconcileOptions options) {
        return reconcile(Objects.requireNonNull(records, "records must not be null").iterator(), options);
    }

    /**
     * {@link #reconcile(Iterable, ReconcileOptions)} of a stream, which the run consumes but does not close.
     *
     * @param records the CRM's records, read once, in order
     * @param options how to run
     * @return what the run did
     * @throws NullPointerException if an argument is null
     * @throws SyncLedgerException if the ledger cannot be read or written; what was acknowledged before is kept
     */
    public ReconcileResult reconcile(Stream<? extends T> records, ReconcileOptions options) {
        return reconcile(Objects.requireNonNull(records, "records must not be null").iterator(), options);
    }

    /**
     * {@link #reconcile(Iterable, ReconcileOptions)} of an iterator.
     *
     * @param records the CRM's records, read once, in order
     * @param options how to run
     * @return what the run did
     * @throws NullPointerException if an argument is null
     * @throws SyncLedgerException if the ledger cannot be read or written; what was acknowledged before is kept
     */
    public ReconcileResult reconcile(Iterator<? extends T> records, ReconcileOptions options) {
        Objects.requireNonNull(records, "records must not be null");
        Objects.requireNonNull(options, "options must not be null");
        // Background: a recruiter's upsert through the same client goes ahead of the run's batches.
        RequestOptions requestOptions = options.requestOptions().toBuilder().background(true).build();
        ReconcileEngine.Sender<T> sender = new ReconcileEngine.Sender<>() {
            @Override
            public CompletableFuture<BatchResult> upsert(List<T> batch) {
                return calls.upsert().apply(batch, requestOptions);
            }

            @Override
            public CompletableFuture<BatchResult> delete(List<String> keys) {
                return calls.delete().apply(keys, requestOptions);
            }
        };
        ReconcileEngine.Settings settings = new ReconcileEngine.Settings(options.fullSnapshot(),
                options.deleteMissing(), options.maxDeletedShare(), options.confirmedDeletions(),
                options.expectedRecords(), options.recordsPerMinute(), options.batchSize(),
                options.batchesInFlight());
        ReconcileEngine.Counts counts = new ReconcileEngine<>(store, tenant, scope, entity, sender, settings,
                (c, left) -> options.onProgress().accept(new ReconcileProgress(c.seen, c.unchanged, c.sent, c.failed,
                        c.deleted, Optional.ofNullable(left)))).run(records);
        return new ReconcileResult(counts.seen, counts.unchanged, counts.sent, counts.failed, counts.skippedPrivate,
                counts.deleted, counts.missing, counts.deletionsHeldBack, counts.failures);
    }

    @Override
    public String toString() {
        return "ResourceReconciler[" + entity + ", " + tenant + "]";
    }
}
