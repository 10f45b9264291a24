package dev.crmconnect.sdk;

import dev.crmconnect.sdk.exception.CrmConnectException;
import dev.crmconnect.sdk.exception.ErrorDetails;
import dev.crmconnect.sdk.internal.http.Futures;
import dev.crmconnect.sdk.internal.resource.PageData;
import dev.crmconnect.sdk.internal.resource.PageSource;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;

/**
 * One page of a listing, as the {@code listAsync} and {@code listBy...Async} calls return it: its
 * elements, and the way to the next page ({@link #hasNext()}, {@link #nextAsync()}, {@link #next()}),
 * fetched with the options of the call that started the listing.
 *
 * <p>A listing ends after a short page (fewer elements than the page size), an empty page, or the
 * last page of a known total. A server that returns the same page twice (the same {@code start},
 * or the same elements) fails the next page with a {@link CrmConnectException} instead of looping
 * forever. Immutable and thread-safe.
 *
 * <pre>{@code
 * Page<Contact> page = client.contacts().listAsync().join();
 * while (true) {
 *     page.elements().forEach(this::show);
 *     if (!page.hasNext()) break;
 *     page = page.nextAsync().join();
 * }
 * }</pre>
 *
 * @param <T> the element type
 */
public final class Page<T> {

    private final List<T> elements;
    private final int start;
    private final OptionalInt total;
    private final int requestedStart;
    private final PageSource<T> source;

    private Page(PageData<T> data, int requestedStart, PageSource<T> source) {
        this.elements = data.elements();
        this.start = data.start();
        this.total = data.total();
        this.requestedStart = requestedStart;
        this.source = source;
    }

    /** The first page of {@code source}. */
    static <T> CompletableFuture<Page<T>> first(PageSource<T> source, boolean callerWaits) {
        return Futures.map(source.fetch(0, source.pageSize(), callerWaits), data -> new Page<>(data, 0, source));
    }

    /**
     * The page's elements.
     *
     * @return the elements, in the server's order; immutable
     */
    public List<T> elements() {
        return elements;
    }

    /**
     * Where the page begins.
     *
     * @return the index of the first element within the whole listing
     */
    public int start() {
        return start;
    }

    /**
     * The size of the whole listing.
     *
     * @return the total, or empty when the server did not say
     */
    public OptionalInt total() {
        return total;
    }

    /**
     * Whether the listing goes on after this page: false after a short or empty page, or the last
     * page of a known total.
     *
     * @return true when {@link #nextAsync()} may be called
     */
    public boolean hasNext() {
        int size = elements.size();
        return size > 0 && size >= source.pageSize() && !(total.isPresent() && start + size >= total.getAsInt());
    }

    /**
     * Fetches the next page, waiting for it.
     *
     * @return the next page
     * @throws NoSuchElementException if {@link #hasNext()} is false
     * @throws CrmConnectException if the call fails, or the server returned a page already seen
     */
    public Page<T> next() {
        requireNext();
        return Futures.await(fetchNext(true));
    }

    /**
     * Fetches the next page, completing on the client's executor.
     *
     * @return a future of the next page; it fails with a {@link NoSuchElementException} if
     *     {@link #hasNext()} is false, else with what {@link #next()} would throw
     */
    public CompletableFuture<Page<T>> nextAsync() {
        return Futures.guarded(() -> {
            requireNext();
            return fetchNext(false);
        });
    }

    private void requireNext() {
        if (!hasNext()) {
            throw new NoSuchElementException("the listing ends with this page (start " + start + ")");
        }
    }

    private CompletableFuture<Page<T>> fetchNext(boolean callerWaits) {
        int requested = requestedStart + source.pageSize();
        return Futures.map(source.fetch(requested, source.pageSize(), callerWaits), data -> {
            checkNotRepeated(data, requested);
            return new Page<>(data, requested, source);
        });
    }

    private void checkNotRepeated(PageData<T> page, int requested) {
        if (page.start() == start || page.elements().equals(elements)) {
            // No paging values in the message: they are the server's.
            throw new CrmConnectException("the server returned the same page again when asked for the next one;"
                    + " stopping instead of looping", ErrorDetails.none(), null);
        }
        if (page.start() < requested) { // an earlier page again: a server cycling through pages never ends
            throw new CrmConnectException("the server returned an earlier page when asked for the next one;"
                    + " stopping instead of looping", ErrorDetails.none(), null);
        }
    }

    @Override
    public String toString() {
        // Elements may hold personal data: show the shape only.
        return "Page[start=" + start + ", size=" + elements.size() + ", total=" + total + "]";
    }
}
