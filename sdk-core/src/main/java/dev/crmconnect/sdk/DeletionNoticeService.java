package dev.crmconnect.sdk;

import dev.crmconnect.model.DeletionNotice;
import dev.crmconnect.sdk.exception.ComplianceGapException;
import dev.crmconnect.sdk.exception.CrmConnectException;
import dev.crmconnect.sdk.internal.http.Futures;
import dev.crmconnect.sdk.internal.resource.FinderSource;
import dev.crmconnect.sdk.internal.resource.PageSource;
import dev.crmconnect.sdk.internal.resource.ResourceContext;
import dev.crmconnect.sdk.poller.NoticeFeed;
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
 *
 * <p>Every operation comes as {@code op(args)}, {@code op(args, options)}, {@code opAsync(args)} and
 * {@code opAsync(args, options)}; the async forms never throw, a bad argument fails their future.
 */
public final class DeletionNoticeService {

    private final ResourceContext context;

    DeletionNoticeService(ResourceContext context) {
        this.context = context;
    }

    /**
     * This tenant's feed for the poller: each {@code fetch} reads one page of {@link #list(Instant)};
     * a 410 is thrown as the {@link ComplianceGapException} it is. Sends nothing itself.
     *
     * @return the feed of this client's tenant
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
                return Futures.await(source(publishedAfter, RequestOptions.defaults()).fetch(start, count, true))
                        .elements();
            }
        };
    }

    /**
     * The notices published strictly after {@code publishedAfter}, oldest first, fetched lazily a page at a
     * time. Iteration throws {@link ComplianceGapException} when {@code publishedAfter} is older than the
     * feed's retention.
     *
     * @param publishedAfter the exclusive lower bound on the notices' {@code publishedAt}; within the feed's
     *     30-day retention
     * @return the listing; nothing is fetched until it is iterated
     * @throws NullPointerException if {@code publishedAfter} is null
     */
    public PagedIterable<DeletionNotice> list(Instant publishedAfter) {
        return list(publishedAfter, RequestOptions.defaults());
    }

    /**
     * {@link #list(Instant)} with options kept on every page.
     *
     * @param publishedAfter the exclusive lower bound on the notices' {@code publishedAt}; within the feed's
     *     30-day retention
     * @param options the options for every page's call; not null, {@link RequestOptions#defaults()} for none
     * @return the listing; nothing is fetched until it is iterated
     * @throws NullPointerException if {@code publishedAfter} or {@code options} is null
     */
    public PagedIterable<DeletionNotice> list(Instant publishedAfter, RequestOptions options) {
        return new PagedIterable<>(source(publishedAfter, options));
    }

    /**
     * The first page of {@link #list(Instant)}, completing on the client's executor; {@link Page#nextAsync()}
     * fetches the next.
     *
     * @param publishedAfter the exclusive lower bound on the notices' {@code publishedAt}; within the feed's
     *     30-day retention
     * @return a future of the first page; it fails with {@link ComplianceGapException} when {@code
     *     publishedAfter} is older than the feed's retention, with the call's {@link CrmConnectException}
     *     otherwise
     */
    public CompletableFuture<Page<DeletionNotice>> listAsync(Instant publishedAfter) {
        return listAsync(publishedAfter, RequestOptions.defaults());
    }

    /**
     * The first page of {@link #list(Instant, RequestOptions)}, completing on the client's executor; {@link
     * Page#nextAsync()} fetches the next with the same options.
     *
     * @param publishedAfter the exclusive lower bound on the notices' {@code publishedAt}; within the feed's
     *     30-day retention
     * @param options the options for every page's call; not null, {@link RequestOptions#defaults()} for none
     * @return a future of the first page; it fails with {@link ComplianceGapException} when {@code
     *     publishedAfter} is older than the feed's retention, with the call's {@link CrmConnectException}
     *     otherwise
     */
    public CompletableFuture<Page<DeletionNotice>> listAsync(Instant publishedAfter, RequestOptions options) {
        return Futures.guarded(() -> Page.first(source(publishedAfter, options), false));
    }

    private PageSource<DeletionNotice> source(Instant publishedAfter, RequestOptions options) {
        Objects.requireNonNull(publishedAfter, "publishedAfter must not be null");
        return FinderSource.of(context, Routes.Resource.DELETION_NOTICES, Map.of("q", "integrationContext",
                "integrationContext", context.api().integrationContext(),
                "publishedAfter", publishedAfter.toEpochMilli()), DeletionNotice.class, options);
    }
}
