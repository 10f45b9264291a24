package dev.crmconnect.sdk.internal.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmconnect.sdk.exception.CrmConnectException;
import dev.crmconnect.sdk.exception.ErrorDetails;
import dev.crmconnect.sdk.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AsyncPagesTest {

    /** A listing of {@code size} numbers served 100 at a time, recording the starts asked for. */
    private static AsyncPages.Fetcher<Integer> listing(int size, boolean withTotal, List<Integer> starts) {
        return (start, count) -> {
            starts.add(start);
            List<Integer> elements = IntStream.range(start, Math.min(size, start + count)).boxed().toList();
            return CompletableFuture.supplyAsync(() -> new Page<>(elements, start,
                    withTotal ? OptionalInt.of(size) : OptionalInt.empty()));
        };
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
        AsyncPages.Fetcher<Integer> stuck = (start, count) -> CompletableFuture.completedFuture(
                new Page<>(IntStream.range(0, count).boxed().toList(), 0, OptionalInt.empty()));
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> AsyncPages.all(stuck).get(10, TimeUnit.SECONDS));
        assertInstanceOf(CrmConnectException.class, e.getCause());
        assertTrue(e.getCause().getMessage().contains("again"), e.getCause().getMessage());
    }

    @Test
    void aFailedPageFailsTheListing() {
        CrmConnectException boom = new CrmConnectException("page 2 failed", ErrorDetails.builder().status(503).attempts(1).build(), null);
        AsyncPages.Fetcher<Integer> failing = (start, count) -> start == 0
                ? CompletableFuture.completedFuture(new Page<>(IntStream.range(0, 100).boxed().toList(), 0,
                        OptionalInt.empty()))
                : CompletableFuture.failedFuture(boom);
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> AsyncPages.all(failing).get(10, TimeUnit.SECONDS));
        assertEquals(boom, e.getCause());
    }
}
