package dev.crmconnect.sdk;

import dev.crmconnect.sdk.exception.CrmConnectException;
import dev.crmconnect.sdk.internal.http.Futures;
import dev.crmconnect.sdk.internal.resource.PageSource;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A lazy listing, as the {@code list} and {@code listBy...} calls return it: pages are fetched on
 * demand, one at a time, as iteration reaches them, so memory stays flat however long the listing.
 * Each iteration starts over from the first page and walks the {@link Page}s as
 * {@link Page#next()} does: it stops after a short page, an empty page, or the last page of a
 * known total, and throws a {@link CrmConnectException} instead of looping forever when the
 * server returns the same page twice.
 *
 * <p>Fetch failures surface from {@code hasNext()}/{@code next()} as {@link CrmConnectException}s.
 *
 * @param <T> the element type
 */
public final class PagedIterable<T> implements Iterable<T> {

    private final PageSource<T> source;

    PagedIterable(PageSource<T> source) {
        this.source = Objects.requireNonNull(source, "source must not be null");
    }

    /**
     * The number of elements asked for per page.
     *
     * @return the page size, 1 to 100
     */
    public int pageSize() {
        return source.pageSize();
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

        private Page<T> last;
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
            // A failed fetch leaves the state as it was: the next hasNext() asks for the same page again.
            Page<T> page = last == null ? Futures.await(Page.first(source, true)) : last.next();
            last = page;
            finished = !page.hasNext();
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
    }
}
