package dev.crmconnect.sdk;

import dev.crmconnect.sdk.exception.CrmConnectException;
import dev.crmconnect.sdk.exception.ErrorDetails;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A lazy listing: pages are fetched on demand, one at a time, as iteration reaches them, so memory
 * stays flat however long the listing. Each iteration starts over from the first page. Iteration
 * stops after a short page (fewer elements than the page size), an empty page, or the last page
 * of a known total. A server that returns the same page twice (the same {@code start}, or the
 * same elements) makes iteration throw a {@link CrmConnectException} instead of looping forever.
 *
 * <p>Fetch failures surface from {@code hasNext()}/{@code next()} as {@link CrmConnectException}s.
 *
 * @param <T> the element type
 */
public final class PagedIterable<T> implements Iterable<T> {

    /**
     * Fetches one page of a listing. Implementations keep the original request's options on
     * every page.
     *
     * @param <T> the element type
     */
    @FunctionalInterface
    public interface PageFetcher<T> {

        /**
         * Fetches the page of at most {@code count} elements beginning at {@code start}.
         *
         * @param start the index of the first element wanted
         * @param count the page size
         * @return the page; never null
         */
        Page<T> fetch(int start, int count);
    }

    private final int pageSize;
    private final PageFetcher<T> fetcher;

    private PagedIterable(int pageSize, PageFetcher<T> fetcher) {
        this.pageSize = pageSize;
        this.fetcher = fetcher;
    }

    /**
     * A listing fetched page by page.
     *
     * @param pageSize the number of elements asked for per page, 1 to 100
     * @param fetcher fetches a page; not null
     * @param <T> the element type
     * @return the listing; nothing is fetched until it is iterated
     * @throws IllegalArgumentException if {@code pageSize} is out of range
     * @throws NullPointerException if {@code fetcher} is null
     */
    public static <T> PagedIterable<T> of(int pageSize, PageFetcher<T> fetcher) {
        if (pageSize < 1 || pageSize > 100) {
            throw new IllegalArgumentException("pageSize must be between 1 and 100, was " + pageSize);
        }
        return new PagedIterable<>(pageSize, Objects.requireNonNull(fetcher, "fetcher must not be null"));
    }

    /**
     * The number of elements asked for per page.
     *
     * @return the page size, 1 to 100
     */
    public int pageSize() {
        return pageSize;
    }

    /** Iterates over the elements of every page, fetching pages as needed. */
    @Override
    public Iterator<T> iterator() {
        Iterator<Page<T>> pages = new PageIterator();
        return new Iterator<>() {
            private Iterator<T> current = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && pages.hasNext()) {
                    current = pages.next().elements().iterator();
                }
                return current.hasNext();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    /**
     * The elements as a sequential, lazy stream. Fetch failures surface from the stream's terminal operation.
     *
     * @return a new stream that starts over from the first page
     */
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
    }

    /**
     * The pages themselves, fetched lazily, for callers that work a page at a time.
     *
     * @return an iterable whose each iteration starts over from the first page; empty pages are never returned
     */
    public Iterable<Page<T>> byPage() {
        return PageIterator::new;
    }

    /** Walks the pages, fetching each only when asked for it. */
    private final class PageIterator implements Iterator<Page<T>> {

        private int nextStart;
        private Page<T> previous;
        private Page<T> fetched;
        private boolean finished;

        @Override
        public boolean hasNext() {
            if (fetched != null) {
                return true;
            }
            if (finished) {
                return false;
            }
            int requested = nextStart;
            Page<T> page = Objects.requireNonNull(fetcher.fetch(requested, pageSize), "the page fetcher returned null");
            checkNotRepeated(page, requested);
            previous = page;
            finished = isLast(page);
            nextStart = requested + pageSize;
            if (page.elements().isEmpty()) {
                return false;
            }
            fetched = page;
            return true;
        }

        @Override
        public Page<T> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Page<T> page = fetched;
            fetched = null;
            return page;
        }

        private boolean isLast(Page<T> page) {
            int size = page.elements().size();
            return size < pageSize
                    || (page.total().isPresent() && page.start() + size >= page.total().getAsInt());
        }

        private void checkNotRepeated(Page<T> page, int requested) {
            if (previous == null) {
                return;
            }
            if (page.start() == previous.start() || page.elements().equals(previous.elements())) {
                finished = true;
                throw new CrmConnectException("the server returned the page at start " + previous.start()
                        + " again when asked for start " + requested + "; stopping instead of looping",
                        ErrorDetails.none(), null);
            }
            if (page.start() < requested) { // an earlier page again: a server cycling through pages never ends
                finished = true;
                throw new CrmConnectException("the server returned the page at start " + page.start()
                        + " when asked for start " + requested + "; stopping instead of looping",
                        ErrorDetails.none(), null);
            }
        }
    }
}
