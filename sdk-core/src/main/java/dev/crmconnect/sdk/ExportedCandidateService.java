package dev.crmconnect.sdk;

import dev.crmconnect.model.ExportedCandidate;
import dev.crmconnect.model.internal.Check;
import dev.crmconnect.sdk.exception.CrmConnectException;
import dev.crmconnect.sdk.internal.http.Futures;
import dev.crmconnect.sdk.internal.resource.FinderSource;
import dev.crmconnect.sdk.internal.resource.PageSource;
import dev.crmconnect.sdk.internal.resource.ResourceContext;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Members exported into the CRM with 1-Click Export ({@code /exportedCandidates}).
 *
 * <p>Every operation comes as {@code op(args)}, {@code op(args, options)}, {@code opAsync(args)} and
 * {@code opAsync(args, options)}; the async forms never throw, a bad argument fails their future.
 */
public final class ExportedCandidateService {

    private final ResourceContext context;

    ExportedCandidateService(ResourceContext context) {
        this.context = context;
    }

    /**
     * The candidates that the export {@code requestId} delivered, usually one (FINDER {@code q=request}),
     * fetched
     * lazily a page at a time. Only what the member's visibility allowed is present.
     *
     * @param requestId the export request's id (from the push), at most 500 characters
     * @return the listing, empty when the request delivered none; nothing is fetched until it is iterated
     * @throws IllegalArgumentException if {@code requestId} is null, blank or too long; nothing is sent
     */
    public PagedIterable<ExportedCandidate> listByRequest(String requestId) {
        return listByRequest(requestId, RequestOptions.defaults());
    }

    /**
     * {@link #listByRequest(String)} with options kept on every page.
     *
     * @param requestId the export request's id (from the push), at most 500 characters
     * @param options the options for every page's call; not null, {@link RequestOptions#defaults()} for none
     * @return the listing, empty when the request delivered none; nothing is fetched until it is iterated
     * @throws NullPointerException if {@code options} is null
     * @throws IllegalArgumentException if {@code requestId} is null, blank or too long; nothing is sent
     */
    public PagedIterable<ExportedCandidate> listByRequest(String requestId, RequestOptions options) {
        return new PagedIterable<>(source(requestId, options));
    }

    /**
     * The first page of {@link #listByRequest(String)}, completing on the client's executor; {@link
     * Page#nextAsync()} fetches the next.
     *
     * @param requestId the export request's id (from the push), at most 500 characters
     * @return a future of the first page; it fails with the call's {@link CrmConnectException}, or with an
     *     {@link IllegalArgumentException} for an invalid {@code requestId}
     */
    public CompletableFuture<Page<ExportedCandidate>> listByRequestAsync(String requestId) {
        return listByRequestAsync(requestId, RequestOptions.defaults());
    }

    /**
     * The first page of {@link #listByRequest(String, RequestOptions)}, completing on the client's executor;
     * {@link Page#nextAsync()} fetches the next with the same options.
     *
     * @param requestId the export request's id (from the push), at most 500 characters
     * @param options the options for every page's call; not null, {@link RequestOptions#defaults()} for none
     * @return a future of the first page; it fails with the call's {@link CrmConnectException}, or with an
     *     {@link IllegalArgumentException} for an invalid {@code requestId}
     */
    public CompletableFuture<Page<ExportedCandidate>> listByRequestAsync(String requestId, RequestOptions options) {
        return Futures.guarded(() -> Page.first(source(requestId, options), false));
    }

    private PageSource<ExportedCandidate> source(String requestId, RequestOptions options) {
        Check.requiredText("exportedCandidate.requestId", requestId, Check.SHORT_TEXT);
        return FinderSource.of(context, Routes.Resource.EXPORTED_CANDIDATES,
                Map.of("q", "request", "requestId", requestId), ExportedCandidate.class, options);
    }
}
