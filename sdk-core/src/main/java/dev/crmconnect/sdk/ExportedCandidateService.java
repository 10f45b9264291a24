package dev.crmconnect.sdk;

import dev.crmconnect.sdk.exception.CrmConnectException;
import dev.crmconnect.model.ExportedCandidate;
import dev.crmconnect.model.internal.Check;
import dev.crmconnect.sdk.internal.http.ApiRequest;
import dev.crmconnect.sdk.internal.http.Futures;
import dev.crmconnect.sdk.internal.http.Route;
import dev.crmconnect.sdk.restli.RestLi;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Members exported into the CRM with 1-Click Export ({@code /exportedCandidates}). */
public final class ExportedCandidateService {

    private final ResourceContext context;
    private final String path;
    private final Route route;

    ExportedCandidateService(ResourceContext context) {
        this.context = context;
        this.path = context.routes().path(Routes.Resource.EXPORTED_CANDIDATES);
        this.route = Route.of(context.routes(), Routes.Resource.EXPORTED_CANDIDATES);
    }

    /**
     * The candidates that the export {@code requestId} (from the push) delivered, usually one
     * (FINDER {@code q=request}). Only what the member's visibility allowed is present.
     *
     * @param requestId the export request's id, at most 500 characters
     * @return the candidates, at most 100; empty when the request delivered none
     * @throws IllegalArgumentException if {@code requestId} is null, blank or too long; nothing is sent
     * @throws CrmConnectException if the call fails
     */
    public List<ExportedCandidate> byRequest(String requestId) {
        return Futures.await(byRequestAsync(requestId, RequestOptions.defaults()));
    }

    /**
     * {@link #byRequest(String)} with per-call options, completing on the client's executor.
     *
     * @param requestId the export request's id, at most 500 characters
     * @param options the per-call options; not null, {@link RequestOptions#defaults()} for none
     * @return a future of the candidates; it fails with what {@link #byRequest(String)} would throw
     */
    public CompletableFuture<List<ExportedCandidate>> byRequestAsync(String requestId, RequestOptions options) {
        return SyncedRecords.guarded(() -> {
            Check.requiredText("exportedCandidate.requestId", requestId, Check.SHORT_TEXT);
            ApiRequest finder = ApiRequest.finder(path, RestLi.encodeQuery(Map.of("q", "request", "requestId", requestId))).withRoute(route);
            return Futures.map(context.api().fetchPage(finder, 0, 100, ExportedCandidate.class, options),
                    Page::elements);
        });
    }
}
