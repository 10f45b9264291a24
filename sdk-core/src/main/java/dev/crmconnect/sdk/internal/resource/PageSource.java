package dev.crmconnect.sdk.internal.resource;

import java.util.concurrent.CompletableFuture;

/**
 * Where the pages of one listing come from: a FINDER with its query and the options of the call
 * that started the listing, kept for every page.
 *
 * @param <T> the element type
 */
public interface PageSource<T> {

    /** The number of elements asked for per page, 1 to 100. */
    int pageSize();

    /**
     * Fetches the page of at most {@code count} elements beginning at {@code start}.
     *
     * @param callerWaits true when the synchronous API blocks on the result, so that it completes
     *     on the thread that ends the call rather than hopping to the client's executor
     * @return the page; fails with the call's {@code CrmConnectException}, or with an
     *     {@link IllegalArgumentException} before any request when {@code start} or {@code count} is out of range
     */
    CompletableFuture<PageData<T>> fetch(int start, int count, boolean callerWaits);
}
