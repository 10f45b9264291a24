package dev.crmconnect.sdk;

import dev.crmconnect.sdk.exception.CrmConnectException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PagedIterableTest {

    /** A listing of {@code size} numbers, recording every fetch. */
    private static final class Listing implements PagedIterable.PageFetcher<Integer> {
        final int size;
        final boolean withTotal;
        final List<Integer> fetchedStarts = new ArrayList<>();

        Listing(int size, boolean withTotal) {
            this.size = size;
            this.withTotal = withTotal;
        }

        @Override
        public Page<Integer> fetch(int start, int count) {
            fetchedStarts.add(start);
            List<Integer> elements = IntStream.range(start, Math.min(size, start + count)).boxed().toList();
            return new Page<>(elements, start, withTotal ? OptionalInt.of(size) : OptionalInt.empty());
        }
    }

    @Test
    void anEmptyListingFetchesOnePage() {
        Listing listing = new Listing(0, false);
        assertEquals(List.of(), PagedIterable.of(10, listing).stream().toList());
        assertEquals(List.of(0), listing.fetchedStarts);
    }

    @Test
    void aShortPageIsTheLast() {
        Listing listing = new Listing(25, false);
        assertEquals(IntStream.range(0, 25).boxed().toList(), PagedIterable.of(10, listing).stream().toList());
        assertEquals(List.of(0, 10, 20), listing.fetchedStarts);
    }

    @Test
    void anExactMultipleOfThePageSizeEndsOnAnEmptyPageWithoutATotal() {
        Listing listing = new Listing(20, false);
        assertEquals(IntStream.range(0, 20).boxed().toList(), PagedIterable.of(10, listing).stream().toList());
        assertEquals(List.of(0, 10, 20), listing.fetchedStarts);
    }

    @Test
    void anExactMultipleOfThePageSizeEndsAtTheTotalWhenKnown() {
        Listing listing = new Listing(20, true);
        assertEquals(20, PagedIterable.of(10, listing).stream().count());
        assertEquals(List.of(0, 10), listing.fetchedStarts);
    }

    @Test
    void pagesAreFetchedOnlyAsIterationReachesThem() {
        Listing listing = new Listing(1000, false);
        PagedIterable<Integer> paged = PagedIterable.of(10, listing);
        assertEquals(List.of(), listing.fetchedStarts, "nothing fetched before iteration");
        assertEquals(List.of(0, 1, 2), paged.stream().limit(3).toList());
        assertEquals(List.of(0), listing.fetchedStarts);
        assertEquals(14, paged.stream().skip(14).findFirst().orElseThrow());
        assertEquals(List.of(0, 0, 10), listing.fetchedStarts, "each iteration starts over");
    }

    @Test
    void byPageGivesThePagesWithTheirStartAndTotal() {
        List<Page<Integer>> pages = new ArrayList<>();
        PagedIterable.of(10, new Listing(25, true)).byPage().forEach(pages::add);
        assertEquals(List.of(0, 10, 20), pages.stream().map(Page::start).toList());
        assertEquals(List.of(10, 10, 5), pages.stream().map(p -> p.elements().size()).toList());
        assertEquals(OptionalInt.of(25), pages.get(0).total());
    }

    @Test
    void aServerReturningTheSameStartAgainFailsInsteadOfLooping() {
        PagedIterable<Integer> paged = PagedIterable.of(2, (start, count) ->
                new Page<>(List.of(start, start + 1), 0, OptionalInt.empty())); // ignores start
        List<Integer> seen = new ArrayList<>();
        CrmConnectException e = assertThrows(CrmConnectException.class, () -> paged.forEach(seen::add));
        assertEquals(List.of(0, 1), seen);
        assertTrue(e.getMessage().contains("again"), e.getMessage());
    }

    @Test
    void aServerCyclingThroughEarlierPagesFailsInsteadOfLooping() {
        // Ignores start and alternates between its first two pages, each with its true start.
        PagedIterable<Integer> paged = PagedIterable.of(2, (start, count) -> (start / 2) % 2 == 0
                ? new Page<>(List.of(0, 1), 0, OptionalInt.empty())
                : new Page<>(List.of(2, 3), 2, OptionalInt.empty()));
        List<Integer> seen = new ArrayList<>();
        CrmConnectException e = assertThrows(CrmConnectException.class, () -> paged.forEach(seen::add));
        assertEquals(List.of(0, 1, 2, 3), seen);
        assertEquals("the server returned the page at start 0 when asked for start 4; stopping instead of looping",
                e.getMessage());
    }

    @Test
    void aServerReturningTheSameElementsAgainFailsInsteadOfLooping() {
        PagedIterable<Integer> paged = PagedIterable.of(2, (start, count) ->
                new Page<>(List.of(7, 8), start, OptionalInt.empty())); // right start, same elements
        CrmConnectException e = assertThrows(CrmConnectException.class, () -> paged.stream().count());
        assertTrue(e.getMessage().contains("start 0"), e.getMessage());
    }

    @Test
    void thePageSizeIsChecked() {
        assertThrows(IllegalArgumentException.class, () -> PagedIterable.of(0, (s, c) -> null));
        assertThrows(IllegalArgumentException.class, () -> PagedIterable.of(101, (s, c) -> null));
    }

    @Test
    void aPageNeverPrintsItsElements() {
        Page<String> page = new Page<>(List.of("jane.doe@example.com"), 0, OptionalInt.of(1));
        assertTrue(!page.toString().contains("jane"), page.toString());
    }
}
