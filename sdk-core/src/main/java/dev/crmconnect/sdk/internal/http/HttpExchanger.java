package dev.crmconnect.sdk.internal.http;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends one HTTP request and reads the whole response, bounded in time and size.
 * {@code HttpRequest.timeout} only bounds the wait for the headers; here a timer also bounds the
 * body, however slowly it dribbles in. The exchange runs as a blocking {@code send} on a send
 * thread (see {@link SendThreads}). The returned future fails with the raw cause (an
 * {@link IOException}, an {@link ExchangeFailure}); completing it from outside (a call's timeout
 * or cancellation) aborts the exchange.
 */
final class HttpExchanger {

    private final HttpClient http;
    private final Executor sendThreads;
    private final Deadlines deadlines;
    private final long maxResponseBytes;

    HttpExchanger(HttpClient http, Executor sendThreads, Deadlines deadlines, long maxResponseBytes) {
        this.http = http;
        this.sendThreads = sendThreads;
        this.deadlines = deadlines;
        this.maxResponseBytes = maxResponseBytes;
    }

    CompletableFuture<RawResponse> exchange(HttpRequest request, Duration timeout) {
        CompletableFuture<RawResponse> result = new CompletableFuture<>();
        AtomicReference<CappedBodySubscriber> body = new AtomicReference<>();
        BodyHandler<byte[]> handler = info -> {
            CappedBodySubscriber subscriber = new CappedBodySubscriber(maxResponseBytes,
                    info.headers().firstValueAsLong("Content-Length").orElse(-1L), info.statusCode());
            body.set(subscriber);
            if (result.isDone()) {
                subscriber.abort(new ExchangeFailure.TimedOut(timeout));
            }
            return subscriber;
        };
        AtomicBoolean sendReturned = new AtomicBoolean();
        FutureTask<Void> send = new FutureTask<>(() -> send(request, handler, timeout, result, sendReturned), null);
        result.whenComplete((response, failure) -> {
            if (failure != null && !sendReturned.get()) {
                CappedBodySubscriber subscriber = body.get();
                if (subscriber != null) {
                    subscriber.abort(failure);
                }
                send.cancel(true); // interrupts the send; the JDK then cancels the exchange
            }
        });
        try {
            sendThreads.execute(send);
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(e);
        }
        return result;
    }

    /** Runs on a send thread: the attempt's timer starts when the exchange does, not while it waits. */
    private void send(HttpRequest request, BodyHandler<byte[]> handler, Duration timeout,
            CompletableFuture<RawResponse> result, AtomicBoolean sendReturned) {
        if (result.isDone()) {
            return;
        }
        Deadlines.Deadline timer;
        try {
            timer = deadlines.after(timeout, () -> result.completeExceptionally(new ExchangeFailure.TimedOut(timeout)));
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(e);
            return;
        }
        RawResponse response = null;
        Throwable failure = null;
        try {
            HttpResponse<byte[]> sent = http.send(request, handler);
            response = new RawResponse(sent.statusCode(), sent.headers(), sent.body());
        } catch (InterruptedException e) {
            // Only a cancellation interrupts a send thread, and it completed the result first.
            failure = new CancellationException("the exchange was aborted");
        } catch (IOException | RuntimeException e) {
            failure = originalCause(e);
        } finally {
            timer.cancel();
        }
        // From here on nothing needs interrupting: what follows the result runs on this thread.
        sendReturned.set(true);
        if (failure == null) {
            result.complete(response);
        } else {
            result.completeExceptionally(failure);
        }
    }

    /**
     * The failure as the exchange produced it. The synchronous {@code send} rethrows a failure of
     * the exchange as a new exception of the same type, or as a plain {@code IOException} whose
     * cause is the original (an {@link ExchangeFailure} from the body subscriber, say).
     */
    static Throwable originalCause(Throwable thrown) {
        Throwable t = thrown;
        while (t.getClass() == IOException.class && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
