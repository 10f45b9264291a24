package dev.crmconnect.sdk;

import dev.crmconnect.sdk.exception.CrmConnectException;
import dev.crmconnect.sdk.exception.ErrorDetails;
import dev.crmconnect.sdk.exception.TransportException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.crmconnect.model.SyncedRecord;
import dev.crmconnect.model.Visibility;
import dev.crmconnect.model.internal.Check;
import dev.crmconnect.sdk.internal.http.ApiRequest;
import dev.crmconnect.sdk.internal.http.ApiResponse;
import dev.crmconnect.sdk.internal.http.Failures;
import dev.crmconnect.sdk.internal.http.Futures;
import dev.crmconnect.sdk.internal.http.Route;
import dev.crmconnect.sdk.internal.http.ServiceError;
import dev.crmconnect.sdk.restli.RestLi;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A resource of records the CRM syncs: {@code upsert} (BATCH_UPDATE, a full replace), {@code delete}
 * (BATCH_DELETE) and {@code list} (FINDER {@code q=integrationContext}), each with an async twin and
 * an overload taking {@link RequestOptions}.
 *
 * <p>Batch calls take any number of records, split them into batches of at most 100, run a few
 * batches at once, and return one {@link RecordResult} per record in the order given. A record
 * marked {@link Visibility#PRIVATE} is never sent; a record without a crmId, or whose crmId appears
 * earlier in the same call, fails alone without being sent.
 *
 * @param <T> the record type
 */
public class SyncedRecords<T extends SyncedRecord> {

    final ResourceContext context;
    final String path;
    final Route route;
    final String entity;
    final Class<T> type;
    final KeyScheme keys;
    private final String keyField;
    private final BiFunction<T, String, T> withCrmId;

    SyncedRecords(ResourceContext context, String path, Route route, String entity, Class<T> type, KeyScheme keys,
                  String keyField, BiFunction<T, String, T> withCrmId) {
        this.context = context;
        this.path = path;
        this.route = route;
        this.entity = entity;
        this.type = type;
        this.keys = keys;
        this.keyField = keyField;
        this.withCrmId = withCrmId;
    }

    /**
     * Stores {@code records}, each replacing whatever the server held under its crmId.
     *
     * @param records the records to store, in any number; a null element fails alone
     * @return one result per record, in the order given; a failed batch fails only its own records
     * @throws NullPointerException if {@code records} is null
     * @throws TransportException if the waiting thread is interrupted (the call is then cancelled)
     */
    public BatchResult upsert(Collection<? extends T> records) {
        return upsert(records, RequestOptions.defaults());
    }

    /**
     * {@link #upsert(Collection)} with per-call options.
     *
     * @param records the records to store, in any number; a null element fails alone
     * @param options the per-call options; not null, {@link RequestOptions#defaults()} for none
     * @return one result per record, in the order given; a failed batch fails only its own records
     * @throws NullPointerException if {@code records} or {@code options} is null
     * @throws TransportException if the waiting thread is interrupted (the call is then cancelled)
     */
    public BatchResult upsert(Collection<? extends T> records, RequestOptions options) {
        return Futures.await(upsertBatches(records, options, true));
    }

    /**
     * {@link #upsert(Collection)}, completing on the client's executor.
     *
     * @param records the records to store, in any number; a null element fails alone
     * @return a future of one result per record, in the order given; it fails only with a
     *     {@link NullPointerException} for null records or when it is cancelled
     */
    public CompletableFuture<BatchResult> upsertAsync(Collection<? extends T> records) {
        return upsertAsync(records, RequestOptions.defaults());
    }

    /**
     * {@link #upsert(Collection, RequestOptions)}, completing on the client's executor.
     *
     * @param records the records to store, in any number; a null element fails alone
     * @param options the per-call options; not null, {@link RequestOptions#defaults()} for none
     * @return a future of one result per record, in the order given; it fails only with a
     *     {@link NullPointerException} for null arguments or when it is cancelled
     */
    public CompletableFuture<BatchResult> upsertAsync(Collection<? extends T> records, RequestOptions options) {
        return upsertBatches(records, options, false);
    }

    private CompletableFuture<BatchResult> upsertBatches(Collection<? extends T> records, RequestOptions options,
            boolean callerWaits) {
        return guarded(() -> {
            Objects.requireNonNull(records, "records must not be null");
            Objects.requireNonNull(options, "options must not be null");
            List<T> input = new ArrayList<>(records);
            RecordResult[] results = new RecordResult[input.size()];
            Set<String> seen = new HashSet<>();
            List<Integer> toSend = new ArrayList<>();
            for (int i = 0; i < input.size(); i++) {
                T record = input.get(i);
                if (record == null) {
                    results[i] = RecordResult.failed(null, 0, "records[" + i + "]: must not be null", null);
                } else if (record.visibility() == Visibility.PRIVATE) {
                    results[i] = RecordResult.done(record.crmId(), RecordResult.Outcome.SKIPPED_PRIVATE, 0);
                } else if (record.crmId() == null) {
                    results[i] = RecordResult.failed(null, 0, entity + ".crmId: is required to upsert", null);
                } else if (!seen.add(record.crmId())) {
                    results[i] = RecordResult.failed(record.crmId(), 0,
                            entity + ".crmId: appears more than once in this call; only the first was sent", null);
                } else {
                    toSend.add(i);
                }
            }
            return inBatches(toSend, batch -> {
                List<String> crmIds = new ArrayList<>(batch.size());
                for (int i : batch) {
                    crmIds.add(input.get(i).crmId());
                }
                BatchKeys batchKeys = new BatchKeys(keys, crmIds);
                Map<String, Object> entities = new LinkedHashMap<>(batch.size() * 2);
                for (int k = 0; k < batch.size(); k++) {
                    entities.put(batchKeys.bodyKey(k), input.get(batch.get(k)));
                }
                ApiRequest request = ApiRequest.batchUpdate(path, batchKeys.idsQuery(), Map.of("entities", entities),
                        batch.size()).withRoute(route);
                return settle(request, batch, crmIds, batchKeys, RecordResult.Outcome.STORED, results, options,
                        callerWaits);
            }).thenApply(done -> new BatchResult(Arrays.asList(results)));
        });
    }

    /**
     * Deletes the records with {@code crmIds}; one already absent counts as deleted. A crmId given twice is sent once
     * and both places share its result.
     *
     * @param crmIds the crmIds of the records to delete, in any number, each 1 to 64 characters
     * @return one result per record, in the order given; a failed batch fails only its own records
     * @throws NullPointerException if {@code crmIds} is null
     * @throws IllegalArgumentException if a crmId is null, blank or longer than 64 characters; nothing is sent
     * @throws TransportException if the waiting thread is interrupted (the call is then cancelled)
     */
    public BatchResult delete(Collection<String> crmIds) {
        return delete(crmIds, RequestOptions.defaults());
    }

    /**
     * {@link #delete(Collection)} with per-call options.
     *
     * @param crmIds the crmIds of the records to delete, in any number, each 1 to 64 characters
     * @param options the per-call options; not null, {@link RequestOptions#defaults()} for none
     * @return one result per record, in the order given; a failed batch fails only its own records
     * @throws NullPointerException if {@code crmIds} or {@code options} is null
     * @throws IllegalArgumentException if a crmId is null, blank or longer than 64 characters; nothing is sent
     * @throws TransportException if the waiting thread is interrupted (the call is then cancelled)
     */
    public BatchResult delete(Collection<String> crmIds, RequestOptions options) {
        return Futures.await(deleteBatches(crmIds, options, true));
    }

    /**
     * {@link #delete(Collection)}, completing on the client's executor.
     *
     * @param crmIds the crmIds of the records to delete, in any number, each 1 to 64 characters
     * @return a future of one result per record, in the order given; it fails only when {@code crmIds} is null or
     *     holds an invalid crmId, or when it is cancelled
     */
    public CompletableFuture<BatchResult> deleteAsync(Collection<String> crmIds) {
        return deleteAsync(crmIds, RequestOptions.defaults());
    }

    /**
     * {@link #delete(Collection, RequestOptions)}, completing on the client's executor.
     *
     * @param crmIds the crmIds of the records to delete, in any number, each 1 to 64 characters
     * @param options the per-call options; not null, {@link RequestOptions#defaults()} for none
     * @return a future of one result per record, in the order given; it fails only when an argument is null or
     *     {@code crmIds} holds an invalid crmId, or when it is cancelled
     */
    public CompletableFuture<BatchResult> deleteAsync(Collection<String> crmIds, RequestOptions options) {
        return deleteBatches(crmIds, options, false);
    }

    private CompletableFuture<BatchResult> deleteBatches(Collection<String> crmIds, RequestOptions options,
            boolean callerWaits) {
        return guarded(() -> {
            Objects.requireNonNull(options, "options must not be null");
            List<String> ids = checkedIds(crmIds);
            RecordResult[] results = new RecordResult[ids.size()];
            Map<String, Integer> first = new HashMap<>();
            List<Integer> toSend = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                if (first.putIfAbsent(ids.get(i), i) == null) {
                    toSend.add(i);
                }
            }
            return inBatches(toSend, batch -> {
                List<String> batchIds = batch.stream().map(ids::get).toList();
                BatchKeys batchKeys = new BatchKeys(keys, batchIds);
                ApiRequest request = ApiRequest.batchDelete(path, batchKeys.idsQuery(), batch.size()).withRoute(route);
                return settle(request, batch, batchIds, batchKeys, RecordResult.Outcome.DELETED, results, options,
                        callerWaits);
            }).thenApply(done -> {
                for (int i = 0; i < ids.size(); i++) { // a repeated id shares its first occurrence's result
                    results[i] = results[first.get(ids.get(i))];
                }
                return new BatchResult(Arrays.asList(results));
            });
        });
    }

    /**
     * Every record of the tenant, fetched lazily a page at a time.
     *
     * @return the listing; nothing is fetched until it is iterated
     */
    public PagedIterable<T> list() {
        return list(RequestOptions.defaults());
    }

    /**
     * {@link #list()} with options kept on every page.
     *
     * @param options the options for every page's call; not null
     * @return the listing; nothing is fetched until it is iterated
     */
    public PagedIterable<T> list(RequestOptions options) {
        return finder(Map.of("q", "integrationContext", "integrationContext", context.api().integrationContext()),
                options);
    }

    /**
     * One page of {@link #list()}, for callers that page by hand.
     *
     * @param start the 0-based index in the listing of the first element to fetch; not negative
     * @param count the most elements to fetch, 1 to 100 by the contract
     * @param options the options for the call; not null
     * @return a future of the page; it fails with the call's {@link CrmConnectException}, or, before any request,
     *     with an {@link IllegalArgumentException} naming {@code start} or {@code count} when it is out of range
     */
    public CompletableFuture<Page<T>> listPageAsync(int start, int count, RequestOptions options) {
        return guarded(() -> context.api().fetchPage(finderRequest(
                Map.of("q", "integrationContext", "integrationContext", context.api().integrationContext())),
                start, count, this::element, options));
    }

    /** A lazy FINDER listing with {@code params} (q and its parameters). */
    PagedIterable<T> finder(Map<String, ?> params, RequestOptions options) {
        return context.api().paged(finderRequest(params), context.pageSize(), this::element, options);
    }

    /** A lazy listing of the records logged on a contact (FINDER {@code q=contact}). */
    PagedIterable<T> byContact(String contactCrmId, RequestOptions options) {
        Check.requiredId(entity + ".contactId", contactCrmId);
        return finder(Map.of("q", "contact", "contactId", contactCrmId), options);
    }

    /** One page of {@link #byContact}, from {@code start}, at most {@code count} (1 to 100) elements. */
    CompletableFuture<Page<T>> byContactPageAsync(String contactCrmId, int start, int count, RequestOptions options) {
        return guarded(() -> {
            Check.requiredId(entity + ".contactId", contactCrmId);
            return context.api().fetchPage(finderRequest(Map.of("q", "contact", "contactId", contactCrmId)),
                    start, count, this::element, options);
        });
    }

    ApiRequest finderRequest(Map<String, ?> params) {
        return ApiRequest.finder(path, RestLi.encodeQuery(params)).withRoute(route);
    }

    /** An element of a page: the record, with its crmId when the server sends it beside the fields. */
    T element(ApiResponse response, JsonNode element) {
        T record = response.convert(element, type);
        JsonNode id = element.get(keyField);
        return id != null && id.isTextual() ? withCrmId.apply(record, id.asText()) : record;
    }

    BatchKeys batchKeys(List<String> crmIds) {
        return new BatchKeys(keys, crmIds);
    }

    List<String> checkedIds(Collection<String> crmIds) {
        Objects.requireNonNull(crmIds, "crmIds must not be null");
        List<String> ids = new ArrayList<>(crmIds);
        for (int i = 0; i < ids.size(); i++) {
            Check.requiredId(entity + ".crmIds[" + i + "]", ids.get(i));
        }
        return ids;
    }

    /**
     * Sends {@code request}; {@code callerWaits} when the synchronous API blocks on the outcome, so
     * that it completes on the thread that ends the call rather than hopping to the executor.
     */
    CompletableFuture<ApiResponse> send(ApiRequest request, RequestOptions options, boolean callerWaits) {
        return callerWaits ? context.api().sendForWaitingCaller(request, options) : context.api().send(request, options);
    }

    /**
     * Sends one batch and fills its records' results from the response's {@code results} and
     * {@code errors} maps. Never fails: a failed call fails each of its records with the cause.
     */
    CompletableFuture<Void> settle(ApiRequest request, List<Integer> batch, List<String> crmIds,
                                   BatchKeys batchKeys, RecordResult.Outcome success, RecordResult[] results,
                                   RequestOptions options, boolean callerWaits) {
        return send(request, options, callerWaits).handle((response, failure) -> {
            if (failure == null) {
                try {
                    Map<String, Entry> byCrmId = perRecord(response, batchKeys);
                    for (int k = 0; k < batch.size(); k++) {
                        results[batch.get(k)] = outcome(crmIds.get(k), byCrmId.get(crmIds.get(k)), success);
                    }
                    return null;
                } catch (CrmConnectException e) {
                    failure = e;
                }
            }
            CrmConnectException cause = asCrmConnectException(failure);
            for (int k = 0; k < batch.size(); k++) {
                results[batch.get(k)] = RecordResult.failed(crmIds.get(k), cause);
            }
            return null;
        });
    }

    /**
     * One record's entry of a batch response, and whether it came from the {@code errors} map;
     * {@link #AMBIGUOUS} when more than one entry of a map names the record.
     */
    private record Entry(JsonNode node, boolean error) {
    }

    private static final Entry AMBIGUOUS = new Entry(null, false);

    /** The response's per-record entries by crmId; an error entry wins over a result for one key. */
    private Map<String, Entry> perRecord(ApiResponse response, BatchKeys batchKeys) {
        JsonNode resultsNode = response.json().path("results");
        JsonNode errorsNode = response.json().path("errors");
        if (!resultsNode.isObject() && !errorsNode.isObject()) {
            throw response.invalid("no results or errors map");
        }
        Set<String> ambiguous = new HashSet<>();
        Map<String, Entry> byCrmId = new HashMap<>();
        batchKeys.entries(resultsNode, ambiguous).forEach((crmId, node) -> byCrmId.put(crmId, new Entry(node, false)));
        batchKeys.entries(errorsNode, ambiguous).forEach((crmId, node) -> byCrmId.put(crmId, new Entry(node, true)));
        ambiguous.forEach(crmId -> byCrmId.put(crmId, AMBIGUOUS));
        return byCrmId;
    }

    /**
     * A record's outcome from its entry. An entry of the {@code errors} map is a failure whatever
     * it holds; one of the {@code results} map succeeds unless it carries an error status. A
     * status that is not a whole number is not the contract's, so it never counts as success.
     */
    private RecordResult outcome(String crmId, Entry entry, RecordResult.Outcome success) {
        if (entry == AMBIGUOUS) {
            return RecordResult.failed(crmId, 0, entity + ": the response holds more than one entry for this record's"
                    + " key", null);
        }
        if (entry == null || !entry.node().isObject()) {
            return RecordResult.failed(crmId, 0, entity + ": the response holds no result for this record", null);
        }
        JsonNode statusNode = entry.node().get("status");
        if (statusNode != null && !(statusNode.isIntegralNumber() && statusNode.canConvertToInt())) {
            return RecordResult.failed(crmId, 0, entity + ": the response's entry for this record has an invalid"
                    + " status", null);
        }
        ServiceError error = ServiceError.from(entry.node());
        int status = error.status() != null ? error.status() : entry.error() ? 0 : 200;
        if (!entry.error() && status >= 200 && status < 300) {
            return RecordResult.done(crmId, success, status);
        }
        String why = status == 0 ? "refused without a status" : "refused with HTTP " + status;
        return RecordResult.failed(crmId, status, error.message() == null ? entity + ": " + why : error.message(),
                error.serviceErrorCode());
    }

    /**
     * Runs {@code send} for each batch of {@code indices}, at most {@code batchesInFlight} at once.
     * The returned future completes when every batch has; batches never fail it.
     */
    CompletableFuture<Void> inBatches(List<Integer> indices, Function<List<Integer>, CompletableFuture<Void>> send) {
        List<List<Integer>> batches = new ArrayList<>();
        for (int from = 0; from < indices.size(); from += context.batchSize()) {
            batches.add(indices.subList(from, Math.min(indices.size(), from + context.batchSize())));
        }
        return new BatchRun(batches, send).start(context.batchesInFlight());
    }

    /**
     * The batches of one call: each finished batch launches the next on the thread that finished
     * it. A batch already done when launched is followed in a loop, not by recursion, so a run of
     * batches failing at once cannot grow the stack.
     */
    private static final class BatchRun {
        private final List<List<Integer>> batches;
        private final Function<List<Integer>, CompletableFuture<Void>> send;
        private final CompletableFuture<Void> all = new CompletableFuture<>();
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger remaining;

        BatchRun(List<List<Integer>> batches, Function<List<Integer>, CompletableFuture<Void>> send) {
            this.batches = batches;
            this.send = send;
            this.remaining = new AtomicInteger(batches.size());
        }

        CompletableFuture<Void> start(int inFlight) {
            if (batches.isEmpty()) {
                all.complete(null);
            }
            for (int k = 0; k < Math.min(inFlight, batches.size()); k++) {
                launchFrom();
            }
            return all;
        }

        private void launchFrom() {
            while (true) {
                int i = next.getAndIncrement();
                if (i >= batches.size()) {
                    return;
                }
                CompletableFuture<Void> sent;
                try {
                    sent = send.apply(batches.get(i));
                } catch (RuntimeException e) {
                    sent = CompletableFuture.failedFuture(e);
                }
                if (!sent.isDone()) {
                    sent.whenComplete((done, failure) -> {
                        if (finished(failure)) {
                            launchFrom();
                        }
                    });
                    return;
                }
                if (!finished(sent.isCompletedExceptionally() ? failureOf(sent) : null)) {
                    return;
                }
            }
        }

        /** Counts one batch done; true when more are left to launch. */
        private boolean finished(Throwable failure) {
            if (failure != null) {
                all.completeExceptionally(failure);
                return false;
            }
            if (remaining.decrementAndGet() == 0) {
                all.complete(null);
                return false;
            }
            return true;
        }

        private static Throwable failureOf(CompletableFuture<Void> done) {
            try {
                done.join();
                return null;
            } catch (RuntimeException e) {
                return Failures.unwrap(e);
            }
        }
    }

    static CrmConnectException asCrmConnectException(Throwable failure) {
        Throwable t = Failures.unwrap(failure);
        return t instanceof CrmConnectException e ? e
                : new CrmConnectException("unexpected failure (" + t.getClass().getName() + ")", ErrorDetails.none(), t);
    }

    /** Runs {@code body}, turning what it throws into a failed future: async methods never throw. */
    static <R> CompletableFuture<R> guarded(java.util.function.Supplier<CompletableFuture<R>> body) {
        try {
            return body.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
