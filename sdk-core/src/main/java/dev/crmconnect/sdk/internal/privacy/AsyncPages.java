package dev.crmconnect.sdk.internal.privacy;

import dev.crmconnect.sdk.CrmConnectClient;
import dev.crmconnect.sdk.exception.CrmConnectException;
import dev.crmconnect.sdk.exception.ErrorDetails;
import dev.crmconnect.sdk.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Reads every page of a listing without blocking a thread: the next page is asked for when the
 * previous one arrives. Stops, like {@code PagedIterable}, after a short or empty page or the last
 * page of a known total, and fails instead of looping when the server repeats a page.
 */
public final class AsyncPages {

    /** Fetches one page of a listing. */
    @FunctionalInterface
    public interface Fetcher<T> {

        /** The page of at most {@code count} elements beginning at {@code start}. */
        CompletableFuture<Page<T>> fetch(int start, int count);
    }

    private static final int PAGE_SIZE = CrmConnectClient.MAX_PAGE_SIZE;

    private AsyncPages() {
    }

    /** Every element of the listing, in the server's order. */
    public static <T> CompletableFuture<List<T>> all(Fetcher<T> fetcher) {
        List<T> elements = new ArrayList<>();
        return from(fetcher, 0, -1, elements).thenApply(done -> elements);
    }

    private static <T> CompletableFuture<Void> from(Fetcher<T> fetcher, int start, int previousStart, List<T> out) {
        return fetcher.fetch(start, PAGE_SIZE).thenCompose(page -> {
            if (page.start() == previousStart) {
                throw new CrmConnectException("the server returned the page at start " + previousStart
                        + " again when asked for start " + start + "; stopping instead of looping",
                        ErrorDetails.none(), null);
            }
            out.addAll(page.elements());
            int size = page.elements().size();
            boolean last = size < PAGE_SIZE
                    || (page.total().isPresent() && page.start() + size >= page.total().getAsInt());
            return last ? CompletableFuture.<Void>completedFuture(null)
                    : from(fetcher, start + PAGE_SIZE, page.start(), out);
        });
    }
}
