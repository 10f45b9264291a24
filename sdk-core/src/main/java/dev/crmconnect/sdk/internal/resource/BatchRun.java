package dev.crmconnect.sdk.internal.resource;

import dev.crmconnect.sdk.internal.http.Failures;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The batch scheduler: splits the indices of one call's records into batches and runs a few at
 * once. Each finished batch launches the next on the thread that finished it. A batch already
 * done when launched is followed in a loop, not by recursion, so a run of batches failing at once
 * cannot grow the stack.
 */
final class BatchRun {

    private final List<List<Integer>> batches;
    private final Function<List<Integer>, CompletableFuture<Void>> send;
    private final CompletableFuture<Void> all = new CompletableFuture<>();
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger remaining;

    private BatchRun(List<List<Integer>> batches, Function<List<Integer>, CompletableFuture<Void>> send) {
        this.batches = batches;
        this.send = send;
        this.remaining = new AtomicInteger(batches.size());
    }

    /**
     * Runs {@code send} for each batch of at most {@code batchSize} of {@code indices}, at most
     * {@code inFlight} at once. The returned future completes when every batch has; a batch that
     * fails its own future (it should not: batches settle their records) fails it.
     */
    static CompletableFuture<Void> inBatches(List<Integer> indices, int batchSize, int inFlight,
                                             Function<List<Integer>, CompletableFuture<Void>> send) {
        List<List<Integer>> batches = new ArrayList<>();
        for (int from = 0; from < indices.size(); from += batchSize) {
            batches.add(indices.subList(from, Math.min(indices.size(), from + batchSize)));
        }
        return new BatchRun(batches, send).start(inFlight);
    }

    private CompletableFuture<Void> start(int inFlight) {
        if (batches.isEmpty()) {
            all.complete(null);
        }
        for (int k = 0; k < Math.min(inFlight, batches.size()); k++) {
            launchFrom();
        }
        return all;
    }

    private void launchFrom() {
        while (true) {
            int i = next.getAndIncrement();
            if (i >= batches.size()) {
                return;
            }
            CompletableFuture<Void> sent;
            try {
                sent = send.apply(batches.get(i));
            } catch (RuntimeException e) {
                sent = CompletableFuture.failedFuture(e);
            }
            if (!sent.isDone()) {
                sent.whenComplete((done, failure) -> {
                    if (finished(failure)) {
                        launchFrom();
                    }
                });
                return;
            }
            if (!finished(sent.isCompletedExceptionally() ? failureOf(sent) : null)) {
                return;
            }
        }
    }

    /** Counts one batch done; true when more are left to launch. */
    private boolean finished(Throwable failure) {
        if (failure != null) {
            all.completeExceptionally(failure);
            return false;
        }
        if (remaining.decrementAndGet() == 0) {
            all.complete(null);
            return false;
        }
        return true;
    }

    private static Throwable failureOf(CompletableFuture<Void> done) {
        try {
            done.join();
            return null;
        } catch (RuntimeException e) {
            return Failures.unwrap(e);
        }
    }
}
