package dev.crmconnect.sdk.internal.http;

import dev.crmconnect.sdk.exception.CrmConnectException;
import dev.crmconnect.sdk.exception.ErrorDetails;
import dev.crmconnect.sdk.exception.TransportException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.function.Supplier;

/** Small helpers for the futures the resources build, so that failures are never wrapped twice. */
public final class Futures {

    private Futures() {
    }

    /**
     * Applies {@code mapping} to the value; the returned future fails with the original failure,
     * or with whatever {@code mapping} throws, unwrapped (unlike {@code thenApply}).
     */
    public static <T, R> CompletableFuture<R> map(CompletableFuture<T> future, Function<? super T, ? extends R> mapping) {
        CompletableFuture<R> mapped = new CompletableFuture<>();
        future.whenComplete((value, failure) -> {
            if (failure != null) {
                mapped.completeExceptionally(Failures.unwrap(failure));
                return;
            }
            try {
                mapped.complete(mapping.apply(value));
            } catch (RuntimeException | Error e) {
                mapped.completeExceptionally(e);
            }
        });
        mapped.whenComplete((value, failure) -> {
            if (mapped.isCancelled()) {
                future.cancel(true);
            }
        });
        return mapped;
    }

    /**
     * Waits for the future, for the synchronous API: returns its value or throws its failure as
     * it is (a {@link CrmConnectException} for every failure of a call). An interrupt cancels
     * the call, keeps the thread's interrupt flag, and throws a {@link TransportException}.
     */
    public static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw rethrowable(e.getCause());
        } catch (CancellationException e) {
            throw new TransportException("the call was cancelled", TransportException.Reason.ABORTED, ErrorDetails.none(), e);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted while waiting for the call", TransportException.Reason.ABORTED,
                    ErrorDetails.none(), e);
        }
    }

    /**
     * Runs {@code body}, turning what it throws into a failed future, so that the async API never
     * throws: a bad argument fails the returned future instead.
     */
    public static <R> CompletableFuture<R> guarded(Supplier<CompletableFuture<R>> body) {
        try {
            return body.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static RuntimeException rethrowable(Throwable failure) {
        Throwable t = Failures.unwrap(failure);
        if (t instanceof RuntimeException runtime) {
            return runtime;
        }
        if (t instanceof Error error) {
            throw error;
        }
        return new CrmConnectException("unexpected failure (" + t.getClass().getName() + ")", ErrorDetails.none(), t);
    }
}
