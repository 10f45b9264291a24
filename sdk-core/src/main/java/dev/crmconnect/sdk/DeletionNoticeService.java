package dev.crmconnect.sdk;

import dev.crmconnect.sdk.exception.ComplianceGapException;
import dev.crmconnect.sdk.exception.CrmConnectException;
import dev.crmconnect.model.DeletionNotice;
import dev.crmconnect.sdk.internal.http.ApiRequest;
import dev.crmconnect.sdk.internal.http.Futures;
import dev.crmconnect.sdk.internal.http.Route;
import dev.crmconnect.sdk.poller.NoticeFeed;
import dev.crmconnect.sdk.restli.RestLi;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The feed of notices that exported members deleted their LinkedIn account
 * ({@code /exportDeletionNotices}), oldest first. A {@code publishedAfter} older than the feed's
 * 30-day retention fails with {@link ComplianceGapException}: notices may have been missed.
 * {@link dev.crmconnect.sdk.poller.DeletionNoticePoller} reads it through {@link #feed()}.
 */
public final class DeletionNoticeService {

    private final ResourceContext context;
    private final String path;
    private final Route route;

    DeletionNoticeService(ResourceContext context) {
        this.context = context;
        this.path = context.routes().path(Routes.Resource.DELETION_NOTICES);
        this.route = Route.of(context.routes(), Routes.Resource.DELETION_NOTICES);
    }

    /**
     * The notices published strictly after {@code publishedAfter}, fetched lazily a page at a time. Iteration throws
     * {@link ComplianceGapException} when {@code publishedAfter} is older than the feed's retention.
     *
     * @param publishedAfter the exclusive lower bound on the notices' {@code publishedAt}; within the feed's 30-day
     *     retention
     * @return the listing, oldest first
     * @throws NullPointerException if {@code publishedAfter} is null
     */
    public PagedIterable<DeletionNotice> list(Instant publishedAfter) {
        return list(publishedAfter, RequestOptions.defaults());
    }

    /**
     * {@link #list(Instant)} with options kept on every page.
     *
     * @param publishedAfter the exclusive lower bound on the notices' {@code publishedAt}; within the feed's 30-day
     *     retention
     * @param options the options for every page's call; not null
     * @return the listing, oldest first
     * @throws NullPointerException if {@code publishedAfter} is null
     */
    public PagedIterable<DeletionNotice> list(Instant publishedAfter, RequestOptions options) {
        return context.api().paged(finder(publishedAfter), context.pageSize(), DeletionNotice.class, options);
    }

    /**
     * One page of {@link #list(Instant)}, for callers that page by hand.
     *
     * @param publishedAfter the exclusive lower bound on the notices' {@code publishedAt}; within the feed's 30-day
     *     retention
     * @param start the 0-based index in the listing of the first notice to fetch; not negative
     * @param count the most notices to fetch, 1 to 100 by the contract
     * @return the page, oldest first
     * @throws NullPointerException if {@code publishedAfter} is null
     * @throws IllegalArgumentException if {@code start} is negative or {@code count} is not 1 to 100; nothing is
     *     sent
     * @throws ComplianceGapException if {@code publishedAfter} is older than the feed's retention
     * @throws CrmConnectException if the call fails otherwise
     */
    public Page<DeletionNotice> page(Instant publishedAfter, int start, int count) {
        return Futures.await(pageAsync(publishedAfter, start, count, RequestOptions.defaults()));
    }

    /**
     * {@link #page(Instant, int, int)} with per-call options, completing on the client's executor.
     *
     * @param publishedAfter the exclusive lower bound on the notices' {@code publishedAt}; within the feed's 30-day
     *     retention
     * @param start the 0-based index in the listing of the first notice to fetch; not negative
     * @param count the most notices to fetch, 1 to 100 by the contract
     * @param options the per-call options; not null, {@link RequestOptions#defaults()} for none
     * @return a future of the page; it fails with what {@link #page(Instant, int, int)} would throw, the
     *     {@link IllegalArgumentException} for {@code start} or {@code count} before any request
     */
    public CompletableFuture<Page<DeletionNotice>> pageAsync(Instant publishedAfter, int start, int count,
                                                             RequestOptions options) {
        return SyncedRecords.guarded(() ->
                context.api().fetchPage(finder(publishedAfter), start, count, DeletionNotice.class, options));
    }

    /**
     * This tenant's feed for the poller; a 410 is thrown as the {@link ComplianceGapException} it is.
     *
     * @return a feed whose {@code fetch} calls {@link #page(Instant, int, int)}
     */
    public NoticeFeed feed() {
        String tenant = context.api().integrationContext();
        return new NoticeFeed() {
            @Override
            public String tenant() {
                return tenant;
            }

            @Override
            public List<DeletionNotice> fetch(Instant publishedAfter, int start, int count) {
                return page(publishedAfter, start, count).elements();
            }
        };
    }

    private ApiRequest finder(Instant publishedAfter) {
        Objects.requireNonNull(publishedAfter, "publishedAfter must not be null");
        return ApiRequest.finder(path, RestLi.encodeQuery(Map.of("q", "integrationContext",
                "integrationContext", context.api().integrationContext(),
                "publishedAfter", publishedAfter.toEpochMilli()))).withRoute(route);
    }
}
