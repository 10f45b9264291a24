package dev.crmconnect.sdk.internal.http;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends one HTTP request and reads the whole response, bounded in time and size.
 * {@code HttpRequest.timeout} only bounds the wait for the headers; here a timer also bounds the
 * body, however slowly it dribbles in. The returned future fails with the raw cause (an
 * {@link java.io.IOException}, an {@link ExchangeFailure}); completing it from outside (a call's
 * timeout or cancellation) aborts the exchange.
 */
final class HttpExchanger {

    private final HttpClient http;
    private final ScheduledExecutorService scheduler;
    private final long maxResponseBytes;

    HttpExchanger(HttpClient http, ScheduledExecutorService scheduler, long maxResponseBytes) {
        this.http = http;
        this.scheduler = scheduler;
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
        CompletableFuture<HttpResponse<byte[]>> sent;
        ScheduledFuture<?> timer = null;
        try {
            timer = scheduler.schedule(() -> result.completeExceptionally(new ExchangeFailure.TimedOut(timeout)),
                    timeout.toNanos(), TimeUnit.NANOSECONDS);
            sent = http.sendAsync(request, handler);
        } catch (RejectedExecutionException | IllegalArgumentException | SecurityException e) {
            if (timer != null) {
                timer.cancel(false);
            }
            result.completeExceptionally(e);
            return result;
        }
        ScheduledFuture<?> attemptTimer = timer;
        sent.whenComplete((response, failure) -> {
            if (failure != null) {
                result.completeExceptionally(Failures.unwrap(failure));
            } else {
                result.complete(new RawResponse(response.statusCode(), response.headers(), response.body()));
            }
        });
        result.whenComplete((response, failure) -> {
            attemptTimer.cancel(false);
            if (failure != null) {
                CappedBodySubscriber subscriber = body.get();
                if (subscriber != null) {
                    subscriber.abort(failure);
                }
                sent.cancel(true);
            }
        });
        return result;
    }
}
