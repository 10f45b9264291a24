package dev.crmconnect.sdk.internal.resource;

import dev.crmconnect.model.DataCategory;
import dev.crmconnect.model.DataRequest;
import dev.crmconnect.model.DataRequestScope;
import dev.crmconnect.model.DataRequestStatus;
import dev.crmconnect.model.DataRequestType;
import dev.crmconnect.model.ScopeType;
import dev.crmconnect.model.internal.Check;
import dev.crmconnect.sdk.RequestOptions;
import dev.crmconnect.sdk.Routes;
import dev.crmconnect.sdk.internal.http.ApiRequest;
import dev.crmconnect.sdk.internal.http.ApiResponse;
import dev.crmconnect.sdk.internal.http.Futures;
import dev.crmconnect.sdk.internal.http.Route;
import dev.crmconnect.sdk.privacy.Confirmation;
import dev.crmconnect.sdk.privacy.DataRequestPolling;
import dev.crmconnect.sdk.restli.RestLi;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The engine of GDPR data requests ({@code /dataRequests}): checks every argument before any call
 * (a failed check names each offending field at once), creates (CREATE, retried only with one
 * idempotency key), reads (GET) and polls until a request is COMPLETED or FAILED. Every method
 * returns a future that never throws.
 */
public final class DataRequestCalls {

    private final ResourceContext context;
    private final DataRequestPolling polling;
    private final String path;
    private final Route route;

    /** The data requests of {@code context}'s tenant, polled as {@code polling} says. */
    public DataRequestCalls(ResourceContext context, DataRequestPolling polling) {
        this.context = context;
        this.polling = Objects.requireNonNull(polling, "polling must not be null");
        this.path = context.routes().path(Routes.Resource.DATA_REQUESTS);
        this.route = Route.of(context.routes(), Routes.Resource.DATA_REQUESTS);
    }

    /**
     * Creates a request of {@code type}; a DELETION needs {@link Confirmation#IRREVERSIBLE}, an
     * EXPORT refuses the categories that can only be deleted.
     */
    public CompletableFuture<DataRequest> create(DataRequestType type, DataRequestScope scope,
                                                 Collection<DataCategory> categories, Confirmation confirmation,
                                                 RequestOptions options, boolean callerWaits) {
        return Futures.guarded(() -> {
            Objects.requireNonNull(options, "options must not be null");
            DataRequest request = checked(type, scope, categories, confirmation);
            ApiRequest create = ApiRequest.create(path, request).withRoute(route);
            return Futures.map(send(create, options, callerWaits), DataRequestCalls::created);
        });
    }

    /** The request {@code id}, with its current status. */
    public CompletableFuture<DataRequest> get(String id, RequestOptions options, boolean callerWaits) {
        return Futures.guarded(() -> {
            Check.requiredText("dataRequest.id", id, Check.SHORT_TEXT);
            Objects.requireNonNull(options, "options must not be null");
            ApiRequest get = ApiRequest.get(path + "/" + RestLi.encode(id)).withRoute(route.entity());
            return Futures.map(send(get, options, callerWaits), response -> response.read(DataRequest.class));
        });
    }

    /**
     * Polls the request {@code id} until it is COMPLETED or FAILED, or {@code timeout} has passed
     * on the polling's clock; the request as last read.
     */
    public CompletableFuture<DataRequest> awaitCompletion(String id, Duration timeout, RequestOptions options) {
        return Futures.guarded(() -> {
            Check.requiredText("dataRequest.id", id, Check.SHORT_TEXT);
            Objects.requireNonNull(timeout, "timeout must not be null");
            Objects.requireNonNull(options, "options must not be null");
            Check.positive("timeout", timeout);
            return poll(id, polling.clock().instant().plus(timeout), 1, options);
        });
    }

    private CompletableFuture<DataRequest> poll(String id, Instant deadline, int attempt, RequestOptions options) {
        return get(id, options, false).thenCompose(request -> {
            Duration remaining = Duration.between(polling.clock().instant(), deadline);
            if (isFinished(request) || remaining.isNegative() || remaining.isZero()) {
                return CompletableFuture.completedFuture(request);
            }
            Duration wait = pollInterval(polling, attempt);
            return polling.sleeper().sleep(wait.compareTo(remaining) < 0 ? wait : remaining)
                    .thenCompose(slept -> poll(id, deadline, attempt + 1, options));
        });
    }

    private static boolean isFinished(DataRequest request) {
        return request.status() == DataRequestStatus.COMPLETED || request.status() == DataRequestStatus.FAILED;
    }

    /** The wait after the {@code attempt}-th poll: doubling, capped, jittered to [half, all]. */
    static Duration pollInterval(DataRequestPolling polling, int attempt) {
        long max = polling.maxInterval().toMillis();
        long ceiling = polling.firstInterval().toMillis();
        for (int i = 1; i < attempt && ceiling < max; i++) {
            ceiling *= 2;
        }
        ceiling = Math.min(ceiling, max);
        long half = ceiling / 2;
        return Duration.ofMillis(half + (long) (polling.random().nextDouble() * (ceiling - half + 1)));
    }

    private CompletableFuture<ApiResponse> send(ApiRequest request, RequestOptions options, boolean callerWaits) {
        return callerWaits ? context.api().sendForWaitingCaller(request, options) : context.api().send(request, options);
    }

    /** The created entity; its id from {@code X-RestLi-Id} when the body leaves it out. */
    private static DataRequest created(ApiResponse response) {
        DataRequest created = response.read(DataRequest.class);
        if (created.id() != null) {
            return created;
        }
        String id = response.header("X-RestLi-Id")
                .orElseThrow(() -> response.invalid("a created data request without an id or X-RestLi-Id"));
        return created.toBuilder().id(id).build();
    }

    /** The request to send; every problem of the arguments at once, each naming its field. */
    private static DataRequest checked(DataRequestType type, DataRequestScope scope,
                                       Collection<DataCategory> categories, Confirmation confirmation) {
        List<String> problems = new ArrayList<>();
        if (scope == null) {
            problems.add("dataRequest.scope: is required");
        } else if (scope.type() != ScopeType.SEAT && scope.type() != ScopeType.CONTRACT) {
            problems.add("dataRequest.scope.type: must be SEAT or CONTRACT");
        }
        Set<DataCategory> sent = new LinkedHashSet<>();
        if (categories == null || categories.isEmpty()) {
            problems.add("dataRequest.categories: at least one category is required");
        } else {
            int i = 0;
            for (DataCategory category : categories) {
                String field = "dataRequest.categories[" + i++ + "]";
                if (category == null) {
                    problems.add(field + ": must not be null");
                } else if (category == DataCategory.UNKNOWN) {
                    problems.add(field + ": UNKNOWN is not a category that can be requested");
                } else if (type == DataRequestType.EXPORT && category.deletionOnly()) {
                    problems.add(field + ": " + category + " can be deleted but not exported");
                } else {
                    sent.add(category);
                }
            }
        }
        if (type == DataRequestType.DELETION && confirmation != Confirmation.IRREVERSIBLE) {
            problems.add("confirmation: must be Confirmation.IRREVERSIBLE: a DELETION cannot be undone");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid " + type + " data request: " + String.join("; ", problems));
        }
        return DataRequest.builder()
                .type(type)
                .scope(scope)
                .categories(sent)
                .confirmIrreversible(type == DataRequestType.DELETION ? Boolean.TRUE : null)
                .build();
    }
}
