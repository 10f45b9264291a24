package dev.crmconnect.sdk;

import dev.crmconnect.sdk.exception.CrmConnectException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.crmconnect.model.SyncedRecord;
import dev.crmconnect.sdk.internal.http.ApiRequest;
import dev.crmconnect.sdk.internal.http.ApiResponse;
import dev.crmconnect.sdk.internal.http.Failures;
import dev.crmconnect.sdk.internal.http.Futures;
import dev.crmconnect.sdk.internal.http.Route;
import dev.crmconnect.sdk.internal.http.ServiceError;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.stream.IntStream;

/**
 * A synced resource that can also be read back by key: {@code get} (BATCH_GET).
 *
 * @param <T> the record type
 */
public class ReadableRecords<T extends SyncedRecord> extends SyncedRecords<T> {

    private final BiFunction<T, String, T> withCrmId;

    ReadableRecords(ResourceContext context, Routes.Resource resource, String entity, Class<T> type,
                    BiFunction<T, String, T> withCrmId) {
        super(context, context.routes().path(resource), Route.of(context.routes(), resource), entity, type, KeyScheme.complex(context.api().integrationContext()), "crmId", withCrmId);
        this.withCrmId = withCrmId;
    }

    /**
     * The records with {@code crmIds} (their crmId set), and the crmIds the server does not hold.
     *
     * @param crmIds the crmIds to read, in any number, each 1 to 64 characters; a crmId given twice is read once
     * @return the records found and the crmIds missing, each in the order asked
     * @throws NullPointerException if {@code crmIds} is null
     * @throws IllegalArgumentException if a crmId is null, blank or longer than 64 characters; nothing is sent
     * @throws CrmConnectException if a batch call fails, or the server answers a key with an error other than 404;
     *     the first failure is thrown, the others are attached to it as suppressed
     */
    public GetResult<T> get(Collection<String> crmIds) {
        return get(crmIds, RequestOptions.defaults());
    }

    /**
     * {@link #get(Collection)} with per-call options.
     *
     * @param crmIds the crmIds to read, in any number, each 1 to 64 characters; a crmId given twice is read once
     * @param options the per-call options; not null, {@link RequestOptions#defaults()} for none
     * @return the records found and the crmIds missing, each in the order asked
     * @throws NullPointerException if {@code crmIds} is null
     * @throws IllegalArgumentException if a crmId is null, blank or longer than 64 characters; nothing is sent
     * @throws CrmConnectException if a batch call fails, or the server answers a key with an error other than 404;
     *     the first failure is thrown, the others are attached to it as suppressed
     */
    public GetResult<T> get(Collection<String> crmIds, RequestOptions options) {
        return Futures.await(getBatches(crmIds, options, true));
    }

    /**
     * {@link #get(Collection)}, completing on the client's executor.
     *
     * @param crmIds the crmIds to read, in any number, each 1 to 64 characters; a crmId given twice is read once
     * @return a future of the records found and the crmIds missing; it fails with what {@link #get(Collection)}
     *     would throw
     */
    public CompletableFuture<GetResult<T>> getAsync(Collection<String> crmIds) {
        return getAsync(crmIds, RequestOptions.defaults());
    }

    /**
     * {@link #get(Collection, RequestOptions)}, completing on the client's executor. A key the
     * server answers with an error other than 404 fails the whole call.
     *
     * @param crmIds the crmIds to read, in any number, each 1 to 64 characters; a crmId given twice is read once
     * @param options the per-call options; not null, {@link RequestOptions#defaults()} for none
     * @return a future of the records found and the crmIds missing; it fails with what
     *     {@link #get(Collection, RequestOptions)} would throw
     */
    public CompletableFuture<GetResult<T>> getAsync(Collection<String> crmIds, RequestOptions options) {
        return getBatches(crmIds, options, false);
    }

    private CompletableFuture<GetResult<T>> getBatches(Collection<String> crmIds, RequestOptions options,
            boolean callerWaits) {
        return guarded(() -> {
            List<String> ids = new ArrayList<>(new LinkedHashSet<>(checkedIds(crmIds)));
            Map<String, T> found = new ConcurrentHashMap<>();
            List<CrmConnectException> failures = Collections.synchronizedList(new ArrayList<>());
            List<Integer> indices = IntStream.range(0, ids.size()).boxed().toList();
            return inBatches(indices, batch -> {
                List<String> batchIds = batch.stream().map(ids::get).toList();
                BatchKeys batchKeys = batchKeys(batchIds);
                ApiRequest request = ApiRequest.batchGet(path, batchKeys.idsQuery(), batchIds.size()).withRoute(route);
                return send(request, options, callerWaits).handle((response, failure) -> {
                    try {
                        if (failure != null) {
                            throw asCrmConnectException(failure);
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

    /** Adds the records found to {@code found}; a 404 is simply absent, another error fails the call. */
    private void read(ApiResponse response, List<String> asked, BatchKeys batchKeys, Map<String, T> found) {
        JsonNode results = response.json().path("results");
        JsonNode errors = response.json().path("errors");
        if (!results.isObject()) {
            throw response.invalid("no results map");
        }
        Set<String> ambiguous = new HashSet<>();
        Map<String, T> got = new HashMap<>();
        batchKeys.entries(results, ambiguous).forEach((crmId, entity) ->
                got.put(crmId, withCrmId.apply(response.convert(entity, type), crmId)));
        Map<String, ServiceError> failed = new HashMap<>();
        batchKeys.entries(errors, ambiguous).forEach((crmId, error) -> failed.put(crmId, ServiceError.from(error)));
        if (!ambiguous.isEmpty()) {
            throw response.invalid("more than one entry for a key asked for");
        }
        for (String crmId : asked) {
            T record = got.get(crmId);
            ServiceError error = failed.get(crmId);
            if (record != null) {
                found.put(crmId, record);
            } else if (error == null || error.status() == null) {
                throw response.invalid("no result for a key asked for");
            } else if (error.status() != 404) {
                throw Failures.forStatus(entity + " BATCH_GET of one key", error.status(), error,
                        response.requestId().orElse(null), response.attempts(), null);
            }
        }
    }
}
