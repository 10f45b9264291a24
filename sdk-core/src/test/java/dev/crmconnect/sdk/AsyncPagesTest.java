package dev.crmconnect.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmconnect.sdk.exception.CrmConnectException;
import dev.crmconnect.sdk.exception.ErrorDetails;
import dev.crmconnect.sdk.internal.privacy.AsyncPages;
import dev.crmconnect.sdk.internal.resource.PageData;
import dev.crmconnect.sdk.internal.resource.PageSource;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@link AsyncPages} reads a whole listing through {@link Page#nextAsync()}. */
class AsyncPagesTest {

    /** Fetches one page. */
    private interface Fetcher {
        CompletableFuture<PageData<Integer>> fetch(int start, int count);
    }

    /** The first page of a listing 100 a page from {@code fetcher}, as the services start one. */
    private static CompletableFuture<Page<Integer>> first(Fetcher fetcher) {
        return Page.first(new PageSource<>() {
            @Override
            public int pageSize() {
                return 100;
            }

            @Override
            public CompletableFuture<PageData<Integer>> fetch(int start, int count, boolean callerWaits) {
                return fetcher.fetch(start, count);
            }
        }, false);
    }

    /** A listing of {@code size} numbers served 100 at a time, recording the starts asked for. */
    private static CompletableFuture<Page<Integer>> listing(int size, boolean withTotal, List<Integer> starts) {
        return first((start, count) -> {
            starts.add(start);
            List<Integer> elements = IntStream.range(start, Math.min(size, start + count)).boxed().toList();
            return CompletableFuture.supplyAsync(() -> new PageData<>(elements, start,
                    withTotal ? OptionalInt.of(size) : OptionalInt.empty()));
        });
    }

    @Test
    void readsEveryPageInOrderAndStopsAfterAShortOne() throws Exception {
        List<Integer> starts = new ArrayList<>();
        List<Integer> all = AsyncPages.all(listing(250, false, starts)).get(10, TimeUnit.SECONDS);
        assertEquals(IntStream.range(0, 250).boxed().toList(), all);
        assertEquals(List.of(0, 100, 200), starts);
    }

    @Test
    void aKnownTotalSavesTheEmptyLastPage() throws Exception {
        List<Integer> starts = new ArrayList<>();
        assertEquals(200, AsyncPages.all(listing(200, true, starts)).get(10, TimeUnit.SECONDS).size());
        assertEquals(List.of(0, 100), starts);

        starts.clear();
        assertEquals(200, AsyncPages.all(listing(200, false, starts)).get(10, TimeUnit.SECONDS).size());
        assertEquals(List.of(0, 100, 200), starts, "without a total, an empty page ends the listing");
    }

    @Test
    void aServerRepeatingAPageFailsInsteadOfLooping() {
        CompletableFuture<Page<Integer>> stuck = first((start, count) -> CompletableFuture.completedFuture(
                new PageData<>(IntStream.range(0, count).boxed().toList(), 0, OptionalInt.empty())));
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> AsyncPages.all(stuck).get(10, TimeUnit.SECONDS));
        assertInstanceOf(CrmConnectException.class, e.getCause());
        assertTrue(e.getCause().getMessage().contains("again"), e.getCause().getMessage());
    }

    @Test
    void aFailedPageFailsTheListing() {
        CrmConnectException boom = new CrmConnectException("page 2 failed", ErrorDetails.builder().status(503).attempts(1).build(), null);
        CompletableFuture<Page<Integer>> failing = first((start, count) -> start == 0
                ? CompletableFuture.completedFuture(new PageData<>(IntStream.range(0, 100).boxed().toList(), 0,
                        OptionalInt.empty()))
                : CompletableFuture.failedFuture(boom));
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> AsyncPages.all(failing).get(10, TimeUnit.SECONDS));
        assertEquals(boom, e.getCause());
    }
}
