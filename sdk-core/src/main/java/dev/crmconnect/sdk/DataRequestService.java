package dev.crmconnect.sdk;

import dev.crmconnect.model.DataRequest;
import dev.crmconnect.model.internal.Check;
import dev.crmconnect.sdk.internal.http.ApiRequest;
import dev.crmconnect.sdk.internal.http.ApiResponse;
import dev.crmconnect.sdk.internal.http.Futures;
import dev.crmconnect.sdk.restli.RestLi;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * GDPR export and deletion requests for a Sales Navigator seat or contract ({@code /dataRequests}).
 * A deletion cannot be undone: the model refuses one without {@code confirmIrreversible(true)}.
 */
public final class DataRequestService {

    private final ResourceContext context;
    private final String path;

    DataRequestService(ResourceContext context) {
        this.context = context;
        this.path = context.routes().path(Routes.Resource.DATA_REQUESTS);
    }

    /**
     * Creates {@code request} (CREATE), returning it as the server holds it, with its id and
     * status. Retried only with one {@code X-Idempotency-Key} on every attempt, so it is created once.
     */
    public DataRequest create(DataRequest request) {
        return Futures.await(createAsync(request, RequestOptions.defaults()));
    }

    /** {@link #create(DataRequest)} with per-call options (for example your own idempotency key). */
    public DataRequest create(DataRequest request, RequestOptions options) {
        return Futures.await(createAsync(request, options));
    }

    /** {@link #create(DataRequest, RequestOptions)}, completing on the client's executor. */
    public CompletableFuture<DataRequest> createAsync(DataRequest request, RequestOptions options) {
        return SyncedRecords.guarded(() -> {
            Objects.requireNonNull(request, "request must not be null");
            return Futures.map(context.api().send(ApiRequest.create(path, request), options), this::created);
        });
    }

    /** The request {@code id}, with its current status. */
    public DataRequest get(String id) {
        return Futures.await(getAsync(id, RequestOptions.defaults()));
    }

    /** {@link #get(String)}, completing on the client's executor. */
    public CompletableFuture<DataRequest> getAsync(String id, RequestOptions options) {
        return SyncedRecords.guarded(() -> {
            Check.requiredText("dataRequest.id", id, Check.SHORT_TEXT);
            ApiRequest get = ApiRequest.get(path + "/" + RestLi.encode(id));
            return Futures.map(context.api().send(get, options), response -> response.read(DataRequest.class));
        });
    }

    /** The created entity; its id from {@code X-RestLi-Id} when the body leaves it out. */
    private DataRequest created(ApiResponse response) {
        DataRequest created = response.read(DataRequest.class);
        if (created.id() != null) {
            return created;
        }
        String id = response.header("X-RestLi-Id")
                .orElseThrow(() -> response.invalid("a created data request without an id or X-RestLi-Id"));
        return created.toBuilder().id(id).build();
    }
}
