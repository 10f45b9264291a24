package dev.crmconnect.sdk;

import dev.crmconnect.sdk.exception.CrmConnectException;
import dev.crmconnect.sdk.exception.NotFoundException;
import dev.crmconnect.sdk.exception.ValidationException;
import dev.crmconnect.model.DataRequest;
import dev.crmconnect.model.internal.Check;
import dev.crmconnect.sdk.internal.http.ApiRequest;
import dev.crmconnect.sdk.internal.http.ApiResponse;
import dev.crmconnect.sdk.internal.http.Futures;
import dev.crmconnect.sdk.internal.http.Route;
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
    private final Route route;

    DataRequestService(ResourceContext context) {
        this.context = context;
        this.path = context.routes().path(Routes.Resource.DATA_REQUESTS);
        this.route = Route.of(context.routes(), Routes.Resource.DATA_REQUESTS);
    }

    /**
     * Creates {@code request} (CREATE), returning it as the server holds it, with its id and
     * status. Retried only with one {@code X-Idempotency-Key} on every attempt, so it is created once.
     *
     * @param request the request to create; built and so validated by the model
     * @return the request as created, with its id and status
     * @throws NullPointerException if {@code request} is null
     * @throws CrmConnectException if the call fails, for example {@link ValidationException} when the server refuses
     *     the request
     */
    public DataRequest create(DataRequest request) {
        return Futures.await(createAsync(request, RequestOptions.defaults()));
    }

    /**
     * {@link #create(DataRequest)} with per-call options (for example your own idempotency key).
     *
     * @param request the request to create; built and so validated by the model
     * @param options the per-call options; not null, {@link RequestOptions#defaults()} for none
     * @return the request as created, with its id and status
     * @throws NullPointerException if {@code request} is null
     * @throws CrmConnectException if the call fails, for example {@link ValidationException} when the server refuses
     *     the request
     */
    public DataRequest create(DataRequest request, RequestOptions options) {
        return Futures.await(createAsync(request, options));
    }

    /**
     * {@link #create(DataRequest, RequestOptions)}, completing on the client's executor.
     *
     * @param request the request to create; built and so validated by the model
     * @param options the per-call options; not null, {@link RequestOptions#defaults()} for none
     * @return a future of the request as created; it fails with what {@link #create(DataRequest, RequestOptions)}
     *     would throw
     */
    public CompletableFuture<DataRequest> createAsync(DataRequest request, RequestOptions options) {
        return SyncedRecords.guarded(() -> {
            Objects.requireNonNull(request, "request must not be null");
            return Futures.map(context.api().send(ApiRequest.create(path, request).withRoute(route), options), this::created);
        });
    }

    /**
     * The request {@code id}, with its current status.
     *
     * @param id the request's id, as {@link #create(DataRequest)} returned it; not blank, at most 500 characters
     * @return the request as the server holds it
     * @throws IllegalArgumentException if {@code id} is null, blank or too long; nothing is sent
     * @throws NotFoundException if the server holds no request {@code id}
     * @throws CrmConnectException if the call fails otherwise
     */
    public DataRequest get(String id) {
        return Futures.await(getAsync(id, RequestOptions.defaults()));
    }

    /**
     * {@link #get(String)} with per-call options, completing on the client's executor.
     *
     * @param id the request's id; not blank, at most 500 characters
     * @param options the per-call options; not null, {@link RequestOptions#defaults()} for none
     * @return a future of the request; it fails with what {@link #get(String)} would throw
     */
    public CompletableFuture<DataRequest> getAsync(String id, RequestOptions options) {
        return SyncedRecords.guarded(() -> {
            Check.requiredText("dataRequest.id", id, Check.SHORT_TEXT);
            ApiRequest get = ApiRequest.get(path + "/" + RestLi.encode(id)).withRoute(route.entity());
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
