package dev.crmconnect.sdk.internal.privacy;

import dev.crmconnect.sdk.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Reads every page of a listing without blocking a thread: the next page is asked for when the
 * previous one arrives, through {@link Page#nextAsync()}, which ends the listing and refuses a
 * repeated page as {@code PagedIterable} does.
 */
public final class AsyncPages {

    private AsyncPages() {
    }

    /** Every element of the listing whose first page is {@code first}, in the server's order. */
    public static <T> CompletableFuture<List<T>> all(CompletableFuture<Page<T>> first) {
        List<T> elements = new ArrayList<>();
        return from(first, elements).thenApply(done -> elements);
    }

    private static <T> CompletableFuture<Void> from(CompletableFuture<Page<T>> page, List<T> out) {
        return page.thenCompose(current -> {
            out.addAll(current.elements());
            return current.hasNext() ? from(current.nextAsync(), out) : CompletableFuture.<Void>completedFuture(null);
        });
    }
}
