package dev.crmconnect.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmconnect.sdk.exception.CrmConnectException;
import dev.crmconnect.sdk.exception.ErrorDetails;
import dev.crmconnect.sdk.internal.resource.PageData;
import dev.crmconnect.sdk.internal.resource.PageSource;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PagedIterableTest {

    /** A listing of {@code size} numbers, recording every fetch. */
    private static final class Listing implements Fetcher {
        final int size;
        final boolean withTotal;
        final List<Integer> fetchedStarts = new ArrayList<>();

        Listing(int size, boolean withTotal) {
            this.size = size;
            this.withTotal = withTotal;
        }

        @Override
        public PageData<Integer> fetch(int start, int count) {
            fetchedStarts.add(start);
            List<Integer> elements = IntStream.range(start, Math.min(size, start + count)).boxed().toList();
            return new PageData<>(elements, start, withTotal ? OptionalInt.of(size) : OptionalInt.empty());
        }
    }

    /** Fetches one page, synchronously. */
    @FunctionalInterface
    interface Fetcher {
        PageData<Integer> fetch(int start, int count);
    }

    /** A listing of pages of {@code pageSize} from {@code fetcher}, as the services build them. */
    static PagedIterable<Integer> paged(int pageSize, Fetcher fetcher) {
        return new PagedIterable<>(source(pageSize, fetcher));
    }

    static PageSource<Integer> source(int pageSize, Fetcher fetcher) {
        return new PageSource<>() {
            @Override
            public int pageSize() {
                return pageSize;
            }

            @Override
            public CompletableFuture<PageData<Integer>> fetch(int start, int count, boolean callerWaits) {
                return CompletableFuture.supplyAsync(() -> fetcher.fetch(start, count));
            }
        };
    }

    @Test
    void anEmptyListingFetchesOnePage() {
        Listing listing = new Listing(0, false);
        assertEquals(List.of(), paged(10, listing).stream().toList());
        assertEquals(List.of(0), listing.fetchedStarts);
    }

    @Test
    void aShortPageIsTheLast() {
        Listing listing = new Listing(25, false);
        assertEquals(IntStream.range(0, 25).boxed().toList(), paged(10, listing).stream().toList());
        assertEquals(List.of(0, 10, 20), listing.fetchedStarts);
    }

    @Test
    void anExactMultipleOfThePageSizeEndsOnAnEmptyPageWithoutATotal() {
        Listing listing = new Listing(20, false);
        assertEquals(IntStream.range(0, 20).boxed().toList(), paged(10, listing).stream().toList());
        assertEquals(List.of(0, 10, 20), listing.fetchedStarts);
    }

    @Test
    void anExactMultipleOfThePageSizeEndsAtTheTotalWhenKnown() {
        Listing listing = new Listing(20, true);
        assertEquals(20, paged(10, listing).stream().count());
        assertEquals(List.of(0, 10), listing.fetchedStarts);
    }

    @Test
    void pagesAreFetchedOnlyAsIterationReachesThem() {
        Listing listing = new Listing(1000, false);
        PagedIterable<Integer> paged = paged(10, listing);
        assertEquals(List.of(), listing.fetchedStarts, "nothing fetched before iteration");
        assertEquals(List.of(0, 1, 2), paged.stream().limit(3).toList());
        assertEquals(List.of(0), listing.fetchedStarts);
        assertEquals(14, paged.stream().skip(14).findFirst().orElseThrow());
        assertEquals(List.of(0, 0, 10), listing.fetchedStarts, "each iteration starts over");
    }

    @Test
    void byPageGivesThePagesWithTheirStartAndTotal() {
        List<Page<Integer>> pages = new ArrayList<>();
        paged(10, new Listing(25, true)).byPage().forEach(pages::add);
        assertEquals(List.of(0, 10, 20), pages.stream().map(Page::start).toList());
        assertEquals(List.of(10, 10, 5), pages.stream().map(p -> p.elements().size()).toList());
        assertEquals(OptionalInt.of(25), pages.get(0).total());
    }

    @Test
    void aServerReturningTheSameStartAgainFailsInsteadOfLooping() {
        PagedIterable<Integer> paged = paged(2, (start, count) ->
                new PageData<>(List.of(start, start + 1), 0, OptionalInt.empty())); // ignores start
        List<Integer> seen = new ArrayList<>();
        CrmConnectException e = assertThrows(CrmConnectException.class, () -> paged.forEach(seen::add));
        assertEquals(List.of(0, 1), seen);
        assertTrue(e.getMessage().contains("again"), e.getMessage());
    }

    @Test
    void aServerCyclingThroughEarlierPagesFailsInsteadOfLooping() {
        // Ignores start and alternates between its first two pages, each with its true start.
        PagedIterable<Integer> paged = paged(2, (start, count) -> (start / 2) % 2 == 0
                ? new PageData<>(List.of(0, 1), 0, OptionalInt.empty())
                : new PageData<>(List.of(2, 3), 2, OptionalInt.empty()));
        List<Integer> seen = new ArrayList<>();
        CrmConnectException e = assertThrows(CrmConnectException.class, () -> paged.forEach(seen::add));
        assertEquals(List.of(0, 1, 2, 3), seen);
        assertEquals("the server returned an earlier page when asked for the next one; stopping instead of looping",
                e.getMessage());
    }

    @Test
    void aServerReturningTheSameElementsAgainFailsInsteadOfLooping() {
        PagedIterable<Integer> paged = paged(2, (start, count) ->
                new PageData<>(List.of(7, 8), start, OptionalInt.empty())); // right start, same elements
        CrmConnectException e = assertThrows(CrmConnectException.class, () -> paged.stream().count());
        assertTrue(e.getMessage().startsWith("the server returned the same page again"), e.getMessage());
    }

    @Test
    void aPageLeadsToTheNextUntilTheListingEnds() {
        Listing listing = new Listing(25, false);
        Page<Integer> page = Page.first(source(10, listing), false).join();
        List<Integer> seen = new ArrayList<>(page.elements());
        while (page.hasNext()) {
            page = page.nextAsync().join();
            seen.addAll(page.elements());
        }
        assertEquals(IntStream.range(0, 25).boxed().toList(), seen);
        assertEquals(List.of(0, 10, 20), listing.fetchedStarts);
        assertEquals(20, page.start());
        Page<Integer> last = page;
        assertThrows(NoSuchElementException.class, last::next);
        CompletionException e = assertThrows(CompletionException.class, () -> last.nextAsync().join());
        assertInstanceOf(NoSuchElementException.class, e.getCause(), "the async form fails its future");
    }

    @Test
    void aPageRepeatedByTheServerFailsTheNextPageInsteadOfLooping() {
        Page<Integer> first = Page.first(source(2, (start, count) ->
                new PageData<>(List.of(start, start + 1), 0, OptionalInt.empty())), true).join();
        assertTrue(first.hasNext());
        CrmConnectException e = assertThrows(CrmConnectException.class, first::next);
        assertEquals("the server returned the same page again when asked for the next one; stopping instead of"
                + " looping", e.getMessage());
    }

    @Test
    void aFailedFetchIsAskedForAgainByTheNextIteration() {
        int[] calls = {0};
        PagedIterable<Integer> paged = paged(2, (start, count) -> {
            if (calls[0]++ == 1) {
                throw new CrmConnectException("the page failed", ErrorDetails.none(), null);
            }
            return new PageData<>(start == 0 ? List.of(0, 1) : List.of(2), start, OptionalInt.empty());
        });
        Iterator<Integer> it = paged.iterator();
        assertEquals(0, it.next());
        assertEquals(1, it.next());
        assertThrows(CrmConnectException.class, it::hasNext);
        assertEquals(2, it.next(), "the second page, asked for again");
        assertEquals(false, it.hasNext());
    }

    @Test
    void aPageNeverPrintsItsElements() {
        Page<Integer> page = Page.first(source(10, (start, count) ->
                new PageData<>(List.of(42), 0, OptionalInt.of(1))), true).join();
        assertTrue(!page.toString().contains("42"), page.toString());
    }

    @Test
    void aNegativeStartIsRefusedWithoutEchoingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PageData<>(List.of(), -987654321, OptionalInt.empty()));
        assertEquals("start: must not be negative", e.getMessage());
        assertNull(e.getCause());
    }
}
