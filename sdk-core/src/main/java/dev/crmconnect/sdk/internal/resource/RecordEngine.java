package dev.crmconnect.sdk.internal.resource;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crmconnect.model.PoolMember;
import dev.crmconnect.model.RecordKey;
import dev.crmconnect.model.SyncedRecord;
import dev.crmconnect.model.Visibility;
import dev.crmconnect.model.internal.Check;
import dev.crmconnect.sdk.BatchResult;
import dev.crmconnect.sdk.GetResult;
import dev.crmconnect.sdk.RecordResult;
import dev.crmconnect.sdk.RequestOptions;
import dev.crmconnect.sdk.Routes;
import dev.crmconnect.sdk.exception.CrmConnectException;
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
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * The engine under every resource of synced records: {@code upsert} (BATCH_UPDATE, a full
 * replace), {@code delete} (BATCH_DELETE), {@code get} (BATCH_GET), a partial update of one record
 * (BATCH_PARTIAL_UPDATE) and the FINDER listings. Batch calls take any number of records, split
 * them into batches, run a few batches at once, and give one {@link RecordResult} per record in
 * the order given. A record marked {@link Visibility#PRIVATE} is never sent; a record without a
 * crmId, or whose crmId appears earlier in the same call, fails alone without being sent.
 *
 * <p>Every method returns a future that never throws: a bad argument fails it. {@code callerWaits}
 * is true when the synchronous API blocks on the outcome, so that it completes on the thread that
 * ends the call rather than hopping to the client's executor.
 *
 * @param <T> the record type
 */
public final class RecordEngine<T extends SyncedRecord> {

    private final ResourceContext context;
    private final String path;
    private final Route route;
    private final String entity;
    private final Class<T> type;
    private final KeyScheme keys;
    private final String keyField;
    private final BiFunction<T, String, T> withCrmId;

    private RecordEngine(ResourceContext context, String path, Route route, String entity, Class<T> type,
                         KeyScheme keys, String keyField, BiFunction<T, String, T> withCrmId) {
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
     * A top-level resource, keyed by the complex key {@code (crmId, dataProvider, integrationContext)}.
     *
     * @param entity the record's name in messages, for example {@code contact}
     * @param withCrmId the record with its crmId set, for elements that carry it beside the fields
     */
    public static <T extends SyncedRecord> RecordEngine<T> of(ResourceContext context, Routes.Resource resource,
                                                              String entity, Class<T> type,
                                                              BiFunction<T, String, T> withCrmId) {
        return new RecordEngine<>(context, context.routes().path(resource), Route.of(context.routes(), resource),
                entity, type, KeyScheme.complex(context.api().integrationContext()), "crmId", withCrmId);
    }

    /**
     * The members of the pool {@code poolCrmId} ({@code /crmPools/{key}/members}), keyed by the
     * contact's crmId.
     *
     * @throws IllegalArgumentException if {@code poolCrmId} is null, blank or longer than 64 characters
     */
    public static RecordEngine<PoolMember> poolMembers(ResourceContext context, String poolCrmId) {
        RecordKey pool = RecordKey.of(poolCrmId, context.api().integrationContext());
        Routes routes = context.routes();
        String membersPath = routes.path(Routes.Resource.POOLS) + "/" + RestLi.encode(RestLi.keyValue(pool))
                + routes.path(Routes.Resource.POOL_MEMBERS);
        Route membersRoute = Route.of(routes, Routes.Resource.POOLS).below(routes, Routes.Resource.POOL_MEMBERS);
        return new RecordEngine<>(context, membersPath, membersRoute, "poolMember", PoolMember.class,
                KeyScheme.simple(), "contactId",
                (member, contactCrmId) -> member.toBuilder().contactCrmId(contactCrmId).build());
    }

    /** Stores {@code records}, each replacing whatever the server held under its crmId. */
    public CompletableFuture<BatchResult> upsert(Collection<? extends T> records, RequestOptions options,
                                                 boolean callerWaits) {
        return Futures.guarded(() -> {
            Objects.requireNonNull(records, "records must not be null");
            Objects.requireNonNull(options, "options must not be null");
            List<T> input = new ArrayList<>(records);
            RecordResult[] results = new RecordResult[input.size()];
            Set<String> seen = new HashSet<>();
            List<Integer> toSend = new ArrayList<>();
            for (int i = 0; i < input.size(); i++) {
                T record = input.get(i);
                if (record == null) {
                    results[i] = failed(null, 0, "records[" + i + "]: must not be null", null);
                } else if (record.visibility() == Visibility.PRIVATE) {
                    results[i] = new RecordResult(record.crmId(), RecordResult.Outcome.SKIPPED_PRIVATE, 0, null, null,
                            null);
                } else if (record.crmId() == null) {
                    results[i] = failed(null, 0, entity + ".crmId: is required to upsert", null);
                } else if (!seen.add(record.crmId())) {
                    results[i] = failed(record.crmId(), 0,
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
     * Deletes the records with {@code crmIds}; one already absent counts as deleted. A crmId given
     * twice is sent once and both places share its result.
     */
    public CompletableFuture<BatchResult> delete(Collection<String> crmIds, RequestOptions options,
                                                 boolean callerWaits) {
        return Futures.guarded(() -> {
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
     * The records with {@code crmIds} (their crmId set), and the crmIds the server does not hold.
     * A key the server answers with an error other than 404 fails the whole call: the first
     * failure, the others attached to it as suppressed.
     */
    public CompletableFuture<GetResult<T>> get(Collection<String> crmIds, RequestOptions options,
                                               boolean callerWaits) {
        return Futures.guarded(() -> {
            Objects.requireNonNull(options, "options must not be null");
            List<String> ids = new ArrayList<>(new LinkedHashSet<>(checkedIds(crmIds)));
            Map<String, T> found = new ConcurrentHashMap<>();
            List<CrmConnectException> failures = Collections.synchronizedList(new ArrayList<>());
            List<Integer> indices = IntStream.range(0, ids.size()).boxed().toList();
            return inBatches(indices, batch -> {
                List<String> batchIds = batch.stream().map(ids::get).toList();
                BatchKeys batchKeys = new BatchKeys(keys, batchIds);
                ApiRequest request = ApiRequest.batchGet(path, batchKeys.idsQuery(), batchIds.size()).withRoute(route);
                return send(request, options, callerWaits).handle((response, failure) -> {
                    try {
                        if (failure != null) {
                            throw Failures.asCrmConnectException(failure);
                        }
                        read(response, batchIds, batchKeys, found);
                    } catch (CrmConnectException e) {
                        failures.add(e);
                    }
                    return null;
                });
            }).thenApply(done -> {
                if (!failures.isEmpty()) {
                    CrmConnectException first = failures.get(0);
                    failures.stream().skip(1).forEach(first::addSuppressed);
                    throw first;
                }
                Map<String, T> ordered = new LinkedHashMap<>();
                List<String> absent = new ArrayList<>();
                for (String id : ids) {
                    if (found.containsKey(id)) {
                        ordered.put(id, found.get(id));
                    } else {
                        absent.add(id);
                    }
                }
                return new GetResult<>(ordered, absent);
            });
        });
    }

    /**
     * Sets {@code fields} of the one record {@code crmId} (a BATCH_PARTIAL_UPDATE with {@code $set}).
     *
     * @return a future of the record's outcome: STORED, or FAILED with the server's reason or the call's failure
     */
    public CompletableFuture<RecordResult> set(String crmId, Map<String, Object> fields, RequestOptions options,
                                               boolean callerWaits) {
        return Futures.guarded(() -> {
            Objects.requireNonNull(options, "options must not be null");
            String id = checkedIds(List.of(crmId)).get(0);
            Map<String, Object> patch = Map.of("patch", Map.of("$set", fields));
            BatchKeys batchKeys = new BatchKeys(keys, List.of(id));
            ApiRequest request = ApiRequest.batchPartialUpdate(path, batchKeys.idsQuery(),
                    Map.of("entities", Map.of(batchKeys.bodyKey(0), patch)), 1, true).withRoute(route);
            RecordResult[] result = new RecordResult[1];
            return settle(request, List.of(0), List.of(id), batchKeys, RecordResult.Outcome.STORED, result, options,
                    callerWaits).thenApply(done -> result[0]);
        });
    }

    /**
     * Every record of the tenant (FINDER {@code q=integrationContext}).
     *
     * @throws NullPointerException if {@code options} is null
     */
    public PageSource<T> list(RequestOptions options) {
        return finder(Map.of("q", "integrationContext", "integrationContext", context.api().integrationContext()),
                options);
    }

    /**
     * The records logged on the contact {@code contactCrmId} (FINDER {@code q=contact}).
     *
     * @throws IllegalArgumentException if {@code contactCrmId} is null, blank or longer than 64 characters
     * @throws NullPointerException if {@code options} is null
     */
    public PageSource<T> listByContact(String contactCrmId, RequestOptions options) {
        Check.requiredId(entity + ".contactId", contactCrmId);
        return finder(Map.of("q", "contact", "contactId", contactCrmId), options);
    }

    private PageSource<T> finder(Map<String, ?> params, RequestOptions options) {
        ApiRequest finder = ApiRequest.finder(path, RestLi.encodeQuery(params)).withRoute(route);
        return new FinderSource<>(context.api(), finder, context.pageSize(), this::element, options);
    }

    /** An element of a page: the record, with its crmId when the server sends it beside the fields. */
    private T element(ApiResponse response, JsonNode element) {
        T record = response.convert(element, type);
        JsonNode id = element.get(keyField);
        return id != null && id.isTextual() ? withCrmId.apply(record, id.asText()) : record;
    }

    private List<String> checkedIds(Collection<String> crmIds) {
        Objects.requireNonNull(crmIds, "crmIds must not be null");
        List<String> ids = new ArrayList<>(crmIds);
        for (int i = 0; i < ids.size(); i++) {
            Check.requiredId(entity + ".crmIds[" + i + "]", ids.get(i));
        }
        return ids;
    }

    private CompletableFuture<Void> inBatches(List<Integer> indices,
                                              Function<List<Integer>, CompletableFuture<Void>> send) {
        return BatchRun.inBatches(indices, context.batchSize(), context.batchesInFlight(), send);
    }

    private CompletableFuture<ApiResponse> send(ApiRequest request, RequestOptions options, boolean callerWaits) {
        return callerWaits ? context.api().sendForWaitingCaller(request, options) : context.api().send(request, options);
    }

    /**
     * Sends one batch and fills its records' results from the response's {@code results} and
     * {@code errors} maps. Never fails: a failed call fails each of its records with the cause.
     */
    private CompletableFuture<Void> settle(ApiRequest request, List<Integer> batch, List<String> crmIds,
                                           BatchKeys batchKeys, RecordResult.Outcome success, RecordResult[] results,
                                           RequestOptions options, boolean callerWaits) {
        return send(request, options, callerWaits).handle((response, failure) -> {
            if (failure == null) {
                try {
                    BatchResponse entries = BatchResponse.of(response, batchKeys);
                    if (!entries.hasAnyMap()) {
                        throw response.invalid("no results or errors map");
                    }
                    for (int k = 0; k < batch.size(); k++) {
                        results[batch.get(k)] = outcome(crmIds.get(k), entries, success);
                    }
                    return null;
                } catch (CrmConnectException e) {
                    failure = e;
                }
            }
            CrmConnectException cause = Failures.asCrmConnectException(failure);
            for (int k = 0; k < batch.size(); k++) {
                results[batch.get(k)] = failed(crmIds.get(k), cause);
            }
            return null;
        });
    }

    /**
     * A record's outcome from its entry. An entry of the {@code errors} map is a failure whatever
     * it holds, and wins over one of the {@code results} map; one of the {@code results} map
     * succeeds unless it carries an error status. A status that is not a whole number is not the
     * contract's, so it never counts as success.
     */
    private RecordResult outcome(String crmId, BatchResponse entries, RecordResult.Outcome success) {
        if (entries.isAmbiguous(crmId)) {
            return failed(crmId, 0, entity + ": the response holds more than one entry for this record's key", null);
        }
        BatchResponse.Entry entry = entries.entry(crmId);
        boolean isError = entry.error() != null;
        JsonNode node = isError ? entry.error() : entry.result();
        if (node == null || !node.isObject()) {
            return failed(crmId, 0, entity + ": the response holds no result for this record", null);
        }
        JsonNode statusNode = node.get("status");
        if (statusNode != null && !(statusNode.isIntegralNumber() && statusNode.canConvertToInt())) {
            return failed(crmId, 0, entity + ": the response's entry for this record has an invalid status", null);
        }
        ServiceError error = ServiceError.from(node);
        int status = error.status() != null ? error.status() : isError ? 0 : 200;
        if (!isError && status >= 200 && status < 300) {
            return new RecordResult(crmId, success, status, null, null, null);
        }
        String why = status == 0 ? "refused without a status" : "refused with HTTP " + status;
        return failed(crmId, status, error.message() == null ? entity + ": " + why : error.message(),
                error.serviceErrorCode());
    }

    /** Adds the records found to {@code found}; a 404 is simply absent, another error fails the call. */
    private void read(ApiResponse response, List<String> asked, BatchKeys batchKeys, Map<String, T> found) {
        BatchResponse entries = BatchResponse.of(response, batchKeys);
        if (!entries.hasResultsMap()) {
            throw response.invalid("no results map");
        }
        if (entries.anyAmbiguous()) {
            throw response.invalid("more than one entry for a key asked for");
        }
        for (String crmId : asked) {
            BatchResponse.Entry entry = entries.entry(crmId);
            ServiceError error = entry.error() == null ? null : ServiceError.from(entry.error());
            if (entry.result() != null) {
                found.put(crmId, withCrmId.apply(response.convert(entry.result(), type), crmId));
            } else if (error == null || error.status() == null) {
                throw response.invalid("no result for a key asked for");
            } else if (error.status() != 404) {
                throw Failures.forStatus(entity + " BATCH_GET of one key", error.status(), error,
                        response.requestId().orElse(null), response.attempts(), null);
            }
        }
    }

    private static RecordResult failed(String crmId, int status, String message, Integer serviceErrorCode) {
        return new RecordResult(crmId, RecordResult.Outcome.FAILED, status, message, serviceErrorCode, null);
    }

    private static RecordResult failed(String crmId, CrmConnectException cause) {
        return new RecordResult(crmId, RecordResult.Outcome.FAILED, cause.status(), cause.getMessage(),
                cause.serviceErrorCode().isPresent() ? cause.serviceErrorCode().getAsInt() : null, cause);
    }
}
