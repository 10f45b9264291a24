package dev.crmconnect.sdk.privacy;

import dev.crmconnect.model.SyncedRecord;
import dev.crmconnect.model.internal.Check;
import dev.crmconnect.sdk.BatchResult;
import dev.crmconnect.sdk.CrmConnectClient;
import dev.crmconnect.sdk.Page;
import dev.crmconnect.sdk.exception.CrmConnectException;
import dev.crmconnect.sdk.RecordResult;
import dev.crmconnect.sdk.RequestOptions;
import dev.crmconnect.sdk.internal.http.Failures;
import dev.crmconnect.sdk.internal.http.Futures;
import dev.crmconnect.sdk.internal.privacy.AsyncPages;
import dev.crmconnect.sdk.internal.privacy.PoolScan;
import dev.crmconnect.sdk.sync.SyncLedger;
import dev.crmconnect.sdk.sync.SyncResource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Erases a contact everywhere it was synced: its notes, email interactions and applications
 * (found with the finders by contact), its pool memberships, then the contact itself. Returns an
 * {@link ErasureReceipt} listing each record deleted and each failure; never throws for a failed
 * call. Deletes are idempotent, so running the erase again after a partial one completes it.
 *
 * <p>The contact is deleted last, and also when some of its records could not be: what can be
 * erased now is. Its remaining records stay findable by the contact's crmId for the next run.
 *
 * <p>Cost: the contract has no finder of pools by member, so the erase lists every pool of the
 * tenant and then every pool's members: one FINDER page per 100 pools plus one per 100 members of
 * each pool, on top of a page per 100 notes, emails and applications of the contact and one batch
 * delete per 100 records found. Thread-safe.
 */
public final class ContactEraser {

    private final CrmConnectClient client;
    private final SyncLedger ledger;

    private ContactEraser(CrmConnectClient client, SyncLedger ledger) {
        this.client = client;
        this.ledger = ledger;
    }

    /**
     * An eraser working through {@code client}.
     *
     * @param client the client of the contact's tenant
     * @return the eraser
     * @throws NullPointerException if {@code client} is null
     */
    public static ContactEraser of(CrmConnectClient client) {
        return new ContactEraser(Objects.requireNonNull(client, "client must not be null"), null);
    }

    /**
     * An eraser working through {@code client} that also removes from {@code ledger} the entries
     * of every record it deleted, so that the ledger keeps no trace of the erased contact.
     *
     * @param client the client of the contact's tenant
     * @param ledger the sync ledger the tenant's records are reconciled with
     * @return the eraser
     * @throws NullPointerException if an argument is null
     */
    public static ContactEraser of(CrmConnectClient client, SyncLedger ledger) {
        return new ContactEraser(Objects.requireNonNull(client, "client must not be null"),
                Objects.requireNonNull(ledger, "ledger must not be null"));
    }

    /**
     * Erases the contact {@code contactCrmId} and everything of it.
     *
     * @param contactCrmId the contact's crmId, 1 to 64 characters
     * @return what was deleted and what failed; check {@link ErasureReceipt#complete()}
     * @throws IllegalArgumentException before any call, when the crmId is not a valid one
     */
    public ErasureReceipt erase(String contactCrmId) {
        return Futures.await(eraseAsync(contactCrmId, RequestOptions.defaults()));
    }

    /**
     * {@link #erase(String)}, completing on the client's executor.
     *
     * @param contactCrmId the contact's crmId, 1 to 64 characters
     * @return a future of the receipt; it fails only with an {@link IllegalArgumentException} for an invalid crmId
     */
    public CompletableFuture<ErasureReceipt> eraseAsync(String contactCrmId) {
        return eraseAsync(contactCrmId, RequestOptions.defaults());
    }

    /**
     * {@link #erase(String)} with options on every call, completing on the client's executor.
     *
     * @param contactCrmId the contact's crmId, 1 to 64 characters
     * @param options the options for every call; not null, {@link RequestOptions#defaults()} for none
     * @return a future of the receipt; it fails only for an invalid crmId or null options
     */
    public CompletableFuture<ErasureReceipt> eraseAsync(String contactCrmId, RequestOptions options) {
        try {
            Check.requiredId("contactCrmId", contactCrmId);
            Objects.requireNonNull(options, "options must not be null");
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        Run run = new Run(contactCrmId, options);
        CompletableFuture<Void> related = CompletableFuture.allOf(
                run.related(RecordKind.NOTE, client.notes().listByContactAsync(contactCrmId, options),
                        ids -> client.notes().deleteAsync(ids, options)),
                run.related(RecordKind.EMAIL_INTERACTION,
                        client.emailInteractions().listByContactAsync(contactCrmId, options),
                        ids -> client.emailInteractions().deleteAsync(ids, options)),
                run.related(RecordKind.APPLICATION, client.applications().listByContactAsync(contactCrmId, options),
                        ids -> client.applications().deleteAsync(ids, options)),
                run.poolMemberships());
        return related.thenCompose(done -> run.delete(RecordKind.CONTACT,
                        client.contacts().deleteAsync(List.of(contactCrmId), options)))
                .thenApply(done -> forgetErased(run.receipt()));
    }

    /** Drops the ledger entries of what was deleted; what failed stays, to be erased by the next run. */
    private ErasureReceipt forgetErased(ErasureReceipt receipt) {
        if (ledger == null) {
            return receipt;
        }
        String tenant = client.integrationContext();
        for (ErasureReceipt.Deleted deleted : receipt.deleted()) {
            switch (deleted.kind()) {
                case CONTACT -> ledger.forget(tenant, SyncResource.CONTACTS, List.of(deleted.crmId()));
                case NOTE -> ledger.forget(tenant, SyncResource.NOTES, List.of(deleted.crmId()));
                case EMAIL_INTERACTION -> ledger.forget(tenant, SyncResource.EMAIL_INTERACTIONS,
                        List.of(deleted.crmId()));
                case APPLICATION -> ledger.forget(tenant, SyncResource.APPLICATIONS, List.of(deleted.crmId()));
                case POOL_MEMBERSHIP -> ledger.forgetPoolMembers(tenant, deleted.crmId(),
                        List.of(receipt.contactCrmId()));
            }
        }
        return receipt;
    }

    @Override
    public String toString() {
        return "ContactEraser[" + client.integrationContext() + "]";
    }

    /** One erase: what it has deleted and what failed, by kind, filled from several threads. */
    private final class Run {

        private final String contactCrmId;
        private final RequestOptions options;
        private final Map<RecordKind, List<ErasureReceipt.Deleted>> deleted = new EnumMap<>(RecordKind.class);
        private final Map<RecordKind, List<ErasureReceipt.Failure>> failures = new EnumMap<>(RecordKind.class);

        Run(String contactCrmId, RequestOptions options) {
            this.contactCrmId = contactCrmId;
            this.options = options;
            for (RecordKind kind : RecordKind.values()) {
                deleted.put(kind, Collections.synchronizedList(new ArrayList<>()));
                failures.put(kind, Collections.synchronizedList(new ArrayList<>()));
            }
        }

        /** Lists the contact's records of one kind and deletes them; never fails. */
        <T extends SyncedRecord> CompletableFuture<Void> related(
                RecordKind kind, CompletableFuture<Page<T>> firstPage,
                Function<List<String>, CompletableFuture<BatchResult>> delete) {
            return AsyncPages.all(firstPage).handle((records, failure) -> {
                if (failure != null) {
                    CrmConnectException cause = Failures.asCrmConnectException(failure);
                    fail(kind, null, "listing the contact's " + plural(kind) + " failed: " + cause.getMessage(), cause);
                    return CompletableFuture.<Void>completedFuture(null);
                }
                List<String> ids = new ArrayList<>();
                for (T record : records) {
                    if (record.crmId() == null) {
                        fail(kind, null, "a " + kind + " was listed without its crmId, so it cannot be deleted", null);
                    } else {
                        ids.add(record.crmId());
                    }
                }
                return ids.isEmpty() ? CompletableFuture.<Void>completedFuture(null) : delete(kind, delete.apply(ids));
            }).thenCompose(Function.identity());
        }

        /** Finds the pools the contact is in and takes it out of each; never fails. */
        CompletableFuture<Void> poolMemberships() {
            return PoolScan.scan(client, contactCrmId, options).handle((scan, failure) -> {
                if (failure != null) {
                    CrmConnectException cause = Failures.asCrmConnectException(failure);
                    fail(RecordKind.POOL_MEMBERSHIP, null, "listing the pools failed: " + cause.getMessage(), cause);
                    return CompletableFuture.<Void>completedFuture(null);
                }
                scan.failures().forEach(f -> fail(RecordKind.POOL_MEMBERSHIP, f.poolCrmId(), f.message(), f.cause()));
                CompletableFuture<?>[] removals = scan.memberships().stream()
                        .map(m -> delete(RecordKind.POOL_MEMBERSHIP, m.poolCrmId(),
                                client.pools().members(m.poolCrmId()).deleteAsync(List.of(contactCrmId), options)))
                        .toArray(CompletableFuture[]::new);
                return CompletableFuture.allOf(removals);
            }).thenCompose(Function.identity());
        }

        /** Records each result of a batch delete; never fails. */
        CompletableFuture<Void> delete(RecordKind kind, CompletableFuture<BatchResult> deletion) {
            return delete(kind, null, deletion);
        }

        /**
         * Records each result of a batch delete under its crmId, or under {@code crmIdOverride}
         * (a membership is recorded under its pool's crmId); never fails.
         */
        private CompletableFuture<Void> delete(RecordKind kind, String crmIdOverride,
                                               CompletableFuture<BatchResult> deletion) {
            return deletion.handle((result, failure) -> {
                if (failure != null) { // batch deletes report failures per record; this is a bug or a refusal
                    CrmConnectException cause = Failures.asCrmConnectException(failure);
                    fail(kind, crmIdOverride, "deleting failed: " + cause.getMessage(), cause);
                    return null;
                }
                for (RecordResult r : result.results()) {
                    String crmId = crmIdOverride != null ? crmIdOverride : r.crmId();
                    if (r.succeeded()) {
                        deleted.get(kind).add(new ErasureReceipt.Deleted(kind, crmId));
                    } else {
                        fail(kind, crmId, "deleting failed: " + r.message(), r.cause());
                    }
                }
                return null;
            });
        }

        private void fail(RecordKind kind, String crmId, String message, CrmConnectException cause) {
            failures.get(kind).add(new ErasureReceipt.Failure(kind, crmId, message, cause));
        }

        ErasureReceipt receipt() {
            List<ErasureReceipt.Deleted> allDeleted = new ArrayList<>();
            List<ErasureReceipt.Failure> allFailures = new ArrayList<>();
            // Calls of one kind run concurrently: sort each kind by crmId so that receipts read the same.
            for (RecordKind kind : RecordKind.values()) {
                deleted.get(kind).stream().sorted(Comparator.comparing(ErasureReceipt.Deleted::crmId))
                        .forEach(allDeleted::add);
                failures.get(kind).stream().sorted(Comparator.comparing(ErasureReceipt.Failure::crmId,
                        Comparator.nullsFirst(Comparator.naturalOrder()))).forEach(allFailures::add);
            }
            return new ErasureReceipt(contactCrmId, allDeleted, allFailures);
        }
    }

    private static String plural(RecordKind kind) {
        return switch (kind) {
            case NOTE -> "notes";
            case EMAIL_INTERACTION -> "email interactions";
            case APPLICATION -> "applications";
            case POOL_MEMBERSHIP -> "pool memberships";
            case CONTACT -> "contacts";
        };
    }
}
