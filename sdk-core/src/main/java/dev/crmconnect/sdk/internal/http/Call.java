package dev.crmconnect.sdk.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.crmconnect.sdk.ClientListener;
import dev.crmconnect.sdk.exception.CrmConnectException;
import dev.crmconnect.sdk.exception.RateLimitedException;
import dev.crmconnect.sdk.RequestDecorator;
import dev.crmconnect.sdk.RetryPolicy;
import dev.crmconnect.sdk.exception.ServerException;
import dev.crmconnect.sdk.exception.ErrorDetails;
import dev.crmconnect.sdk.exception.TransportException;
import dev.crmconnect.sdk.exception.TransportException.Reason;
import dev.crmconnect.sdk.internal.json.Json;
import dev.crmconnect.sdk.internal.json.Utf8;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One API call from start to end: attempts (throttle, token, exchange, one token refresh on a
 * 401), retries through resilience4j, the whole-call timeout, and the final exception with the
 * attempt count and the earlier attempts' failures as suppressed exceptions.
 */
final class Call {

    private static final Logger LOG = LoggerFactory.getLogger("dev.crmconnect.sdk.http");
    private static final CompletableFuture<Void> NO_WAIT = CompletableFuture.completedFuture(null);
    private static final AtomicLong CALL_IDS = new AtomicLong();
    /** Headers the SDK sets itself, which a {@link RequestDecorator} cannot add. */
    private static final Set<String> OWN_HEADERS = Set.of("authorization", "accept", "content-type", "user-agent",
            "x-idempotency-key", "x-restli-method", "x-restli-protocol-version");

    private final ApiClient client;
    private final ApiRequest request;
    private final Map<String, String> extraHeaders;
    private final URI uri;
    private final byte[] body;
    private final String idempotencyKey;
    private final Duration timeout;
    /** Yields the throttle: books no send time ahead (see {@code RequestOptions.background}). */
    private final boolean background;
    private final String what;
    private final RetryPolicy policy;
    private final long deadline;
    private final ClientListener.CallInfo info;

    private final AtomicInteger attempts = new AtomicInteger();
    private final List<CrmConnectException> failures = new CopyOnWriteArrayList<>();
    private final CompletableFuture<ApiResponse> result = new CompletableFuture<>();
    private volatile CompletableFuture<RawResponse> inFlight;
    private volatile ScheduledFuture<?> pendingWait;
    private volatile String lastRequestId;
    /** Whether the current attempt reached the point of sending the API request. */
    private volatile boolean sentInAttempt;

    Call(ApiClient client, ApiRequest request, Map<String, String> extraHeaders, URI uri, byte[] body,
            String idempotencyKey, Duration timeout, boolean background) {
        this.client = client;
        this.background = background;
        this.request = request;
        this.extraHeaders = extraHeaders;
        this.uri = uri;
        this.body = body;
        this.idempotencyKey = idempotencyKey;
        this.timeout = timeout;
        this.what = request.describe();
        this.policy = client.config().retryPolicy();
        this.deadline = System.nanoTime() + timeout.toNanos();
        Route route = request.route();
        this.info = new ClientListener.CallInfo(CALL_IDS.incrementAndGet(), route.resource(), request.method().name(),
                request.method().httpMethod(), route.template(), client.integrationContext(), request.recordCount());
    }

    /** Starts the first attempt; the future completes once, with the response or the final failure. */
    CompletableFuture<ApiResponse> start() {
        long started = System.nanoTime();
        notifyListener(listener -> listener.onCallStarted(new ClientListener.CallStarted(info)));
        Deadlines.Deadline timer = client.deadlines().after(timeout, this::timeOut);
        // The caller sees the outcome only once the listener has been told of it.
        CompletableFuture<ApiResponse> outcome = new CompletableFuture<>();
        result.whenComplete((response, failure) -> {
            timer.cancel();
            abortInFlight();
            callCompleted(response, failure, Duration.ofNanos(System.nanoTime() - started));
            if (failure == null) {
                outcome.complete(response);
            } else {
                outcome.completeExceptionally(failure);
            }
        });
        RetryConfig config = RetryConfig.<ApiResponse>custom()
                .maxAttempts(policy.maxAttempts())
                .retryOnException(this::shouldRetry)
                .intervalBiFunction(this::delayBeforeRetry)
                .failAfterMaxAttempts(false)
                .build();
        Retry.decorateCompletionStage(Retry.of("crmconnect", config), client.scheduler(), this::attempt).get()
                .whenComplete(this::finish);
        return outcome;
    }

    /** Ends the call at once, for a cancellation or the client's close. */
    void abort(String why) {
        int n = attempts.get();
        terminate(new TransportException(what + ": " + why + suffix(n), Reason.ABORTED, details(n), null));
    }

    private void timeOut() {
        int n = attempts.get();
        terminate(new TransportException(what + ": the call timed out after " + timeout + suffix(n), Reason.TIMEOUT,
                details(n), null));
    }

    private ErrorDetails details(int attempts) {
        return ErrorDetails.builder().requestId(lastRequestId).attempts(attempts).build();
    }

    private CompletionStage<ApiResponse> attempt() {
        int attempt = attempts.incrementAndGet();
        sentInAttempt = false;
        CompletableFuture<ApiResponse> outcome = new CompletableFuture<>();
        try {
            if (result.isDone()) {
                throw new CancellationException("the call has ended");
            }
            waitForThrottle()
                    .thenCompose(ignored -> client.tokens().token())
                    .thenCompose(token -> exchange(token, attempt, true))
                    .whenComplete((response, failure) -> {
                        if (failure == null) {
                            outcome.complete(response);
                        } else {
                            fail(outcome, failure, attempt);
                        }
                    });
        } catch (RuntimeException e) {
            fail(outcome, e, attempt);
        }
        return outcome;
    }

    private void fail(CompletableFuture<ApiResponse> outcome, Throwable failure, int attempt) {
        CrmConnectException e = Failures.fromThrowable(what, failure, attempt, client.config().clock());
        failures.add(e);
        outcome.completeExceptionally(e);
    }

    private CompletableFuture<Void> waitForThrottle() {
        Throttler throttler = client.throttler();
        if (throttler == null) {
            return NO_WAIT;
        }
        long waitNanos = throttler.reserve(request.recordCount(), background);
        if (waitNanos == 0) {
            return NO_WAIT;
        }
        if (waitNanos < 0) {
            TransportException refused = Failures.transport(what,
                    "the client-side throttle cannot admit the call within the call timeout", Reason.TIMEOUT, 0,
                    attempts.get(), null);
            terminate(refused);
            return CompletableFuture.failedFuture(refused);
        }
        Duration wait = Duration.ofNanos(waitNanos);
        LOG.debug("{} {} throttled for {} ms ({} records)", request.method(), request.path(), wait.toMillis(),
                request.recordCount());
        int attempt = attempts.get();
        notifyListener(listener -> listener.onThrottled(
                new ClientListener.Throttled(info, attempt, request.recordCount(), wait)));
        CompletableFuture<Void> ready = new CompletableFuture<>();
        pendingWait = client.scheduler().schedule(() -> ready.complete(null), waitNanos, TimeUnit.NANOSECONDS);
        if (result.isDone()) {
            pendingWait.cancel(false);
        }
        // A background call booked nothing: when its wait ends it asks again, behind any call booked meanwhile.
        return background ? ready.thenCompose(ignored -> waitForThrottle()) : ready;
    }

    /** One HTTP exchange; on a 401, when allowed, drops the token and repeats once with a fresh one. */
    private CompletableFuture<ApiResponse> exchange(String token, int attempt, boolean mayRefreshToken) {
        if (result.isDone()) {
            return CompletableFuture.failedFuture(new CancellationException("the call has ended"));
        }
        ClientListener.RequestSent sent = new ClientListener.RequestSent(info, attempt);
        notifyListener(listener -> listener.onRequestSent(sent));
        HttpRequest httpRequest = httpRequest(token, sent);
        long started = System.nanoTime();
        sentInAttempt = true;
        CompletableFuture<RawResponse> exchange = client.exchanger().exchange(httpRequest,
                client.config().attemptTimeout());
        inFlight = exchange;
        if (result.isDone()) {
            abortInFlight();
        }
        return exchange.handle((raw, failure) -> {
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            if (failure != null) {
                CrmConnectException e = Failures.fromThrowable(what, failure, attempt, client.config().clock());
                completed(attempt, e.status(), took, null, e);
                return CompletableFuture.<ApiResponse>failedFuture(e);
            }
            String requestId = raw.requestId().orElse(null);
            lastRequestId = requestId;
            if (!raw.isSuccess()) {
                CrmConnectException e = Failures.fromResponse(what, raw, attempt, client.config().clock());
                completed(attempt, raw.status(), took, requestId, e);
                if (raw.status() == 401 && mayRefreshToken) {
                    client.tokens().invalidate(token);
                    return client.tokens().token().thenCompose(fresh -> exchange(fresh, attempt, false));
                }
                return CompletableFuture.<ApiResponse>failedFuture(e);
            }
            try {
                ApiResponse response = new ApiResponse(what, raw, parse(raw), attempt);
                completed(attempt, raw.status(), took, requestId, null);
                return CompletableFuture.completedFuture(response);
            } catch (ExchangeFailure.InvalidBody invalid) {
                CrmConnectException e = Failures.fromThrowable(what, invalid, attempt, client.config().clock());
                completed(attempt, raw.status(), took, requestId, e);
                return CompletableFuture.<ApiResponse>failedFuture(e);
            }
        }).thenCompose(next -> next);
    }

    private HttpRequest httpRequest(String token, ClientListener.RequestSent sent) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(client.config().attemptTimeout())
                .header("Authorization", "Bearer " + token)
                .header("X-RestLi-Protocol-Version", "2.0.0")
                .header("User-Agent", client.config().userAgent())
                .header("Accept", "application/json");
        if (request.method().headerValue() != null) {
            builder.header("X-RestLi-Method", request.method().headerValue());
        }
        if (idempotencyKey != null) {
            builder.header("X-Idempotency-Key", idempotencyKey);
        }
        extraHeaders.forEach(builder::header);
        decorate(builder, sent);
        if (body != null) {
            builder.header("Content-Type", "application/json");
            builder.method(request.method().httpMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        } else {
            builder.method(request.method().httpMethod(), HttpRequest.BodyPublishers.noBody());
        }
        if ("http".equalsIgnoreCase(uri.getScheme())) {
            builder.version(HttpClient.Version.HTTP_1_1); // no h2c upgrade dance on plain loopback http
        }
        return builder.build();
    }

    private JsonNode parse(RawResponse raw) {
        if (raw.body().length == 0) {
            return MissingNode.getInstance();
        }
        int invalid = Utf8.firstInvalidByte(raw.body());
        if (invalid >= 0) {
            throw new ExchangeFailure.InvalidBody(raw, "not valid UTF-8 (at byte " + invalid + ")");
        }
        try {
            JsonNode json = request.method().batch() ? Json.readKeyedTree(raw.body())
                    : Json.mapper().readTree(raw.body());
            return json == null ? MissingNode.getInstance() : json;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new ExchangeFailure.InvalidBody(raw, "not valid JSON" + where);
        } catch (java.io.IOException e) {
            throw new ExchangeFailure.InvalidBody(raw, "unreadable");
        }
    }

    private boolean shouldRetry(Throwable failure) {
        if (result.isDone() || !(Failures.unwrap(failure) instanceof CrmConnectException e)) {
            return false;
        }
        // A failure before the request was sent (token, throttle) leaves nothing to repeat.
        boolean repeatable = request.idempotent() || idempotencyKey != null || !sentInAttempt;
        boolean retryable;
        if (e instanceof RateLimitedException) {
            retryable = true; // refused before any processing
        } else if (e instanceof ServerException) {
            retryable = e.status() != 501 && repeatable;
        } else if (e instanceof TransportException transport) {
            retryable = transport.reason() == Reason.CONNECT_FAILED // nothing reached the server
                    || (repeatable && (transport.reason() == Reason.CONNECTION_LOST
                            || transport.reason() == Reason.TIMEOUT));
        } else {
            retryable = false;
        }
        Duration retryAfter = retryAfterOf(e);
        if (retryable && retryAfter != null && retryAfter.compareTo(policy.maxRetryAfter()) > 0) {
            LOG.debug("{} {} not retried: Retry-After {} s exceeds the maximum of {} s", request.method(),
                    request.path(), retryAfter.toSeconds(), policy.maxRetryAfter().toSeconds());
            return false;
        }
        return retryable;
    }

    private Long delayBeforeRetry(Integer failedAttempts, Either<Throwable, ApiResponse> outcome) {
        if (!outcome.isLeft() || !(Failures.unwrap(outcome.getLeft()) instanceof CrmConnectException e)) {
            return -1L;
        }
        Duration retryAfter = retryAfterOf(e);
        double random = ThreadLocalRandom.current().nextDouble();
        long delayMillis = retryAfter != null ? Backoff.retryAfterMillis(retryAfter.toMillis(), random)
                : Backoff.delayMillis(policy, failedAttempts, random);
        if (TimeUnit.MILLISECONDS.toNanos(delayMillis) >= deadline - System.nanoTime()) {
            LOG.debug("{} {} not retried: a wait of {} ms would outlast the call timeout", request.method(),
                    request.path(), delayMillis);
            return -1L;
        }
        Duration delay = Duration.ofMillis(delayMillis);
        LOG.debug("{} {} retry after attempt {} in {} ms", request.method(), request.path(), failedAttempts,
                delayMillis);
        notifyListener(listener -> listener.onRetryScheduled(
                new ClientListener.RetryScheduled(info, failedAttempts, delay, e)));
        return delayMillis;
    }

    private static Duration retryAfterOf(CrmConnectException e) {
        if (e instanceof RateLimitedException limited) {
            return limited.retryAfter().orElse(null);
        }
        if (e instanceof ServerException server) {
            return server.retryAfter().orElse(null);
        }
        return null;
    }

    private void finish(ApiResponse response, Throwable failure) {
        if (failure == null) {
            result.complete(response);
            return;
        }
        terminate(Failures.fromThrowable(what, failure, attempts.get(), client.config().clock()));
    }

    /** Completes the call with {@code failure}, the other attempts' failures suppressed in it. */
    private synchronized void terminate(CrmConnectException failure) {
        if (result.isDone()) {
            return;
        }
        for (CrmConnectException earlier : failures) {
            if (earlier != failure) {
                failure.addSuppressed(earlier);
            }
        }
        result.completeExceptionally(failure);
    }

    private void abortInFlight() {
        ScheduledFuture<?> wait = pendingWait;
        if (wait != null) {
            wait.cancel(false);
        }
        CompletableFuture<RawResponse> exchange = inFlight;
        if (exchange != null) {
            exchange.completeExceptionally(new CancellationException("the call has ended"));
        }
    }

    private void completed(int attempt, int status, Duration took, String requestId, CrmConnectException failure) {
        if (LOG.isDebugEnabled()) {
            String reason = failure instanceof TransportException t ? t.reason().name() : "failed";
            String outcome = status == 0 ? reason
                    : failure != null && status < 300 ? status + " " + reason : Integer.toString(status);
            LOG.debug("{} {} -> {} attempt {} in {} ms request id {}", request.method(), request.path(), outcome,
                    attempt, took.toMillis(), requestId == null ? "-" : requestId);
        }
        notifyListener(listener -> listener.onRequestCompleted(new ClientListener.RequestCompleted(info, attempt,
                status, took, Optional.ofNullable(requestId), Optional.ofNullable(failure))));
    }

    private void callCompleted(ApiResponse response, Throwable failure, Duration took) {
        CrmConnectException e = failure == null ? null
                : Failures.unwrap(failure) instanceof CrmConnectException known ? known
                : Failures.fromThrowable(what, failure, attempts.get(), client.config().clock());
        int status = response != null ? response.status() : e != null ? e.status() : 0;
        notifyListener(listener -> listener.onCallCompleted(new ClientListener.CallCompleted(info, attempts.get(),
                status, took, Optional.ofNullable(e))));
    }

    /** Adds the {@link RequestDecorator}'s headers, leaving out the SDK's own and those the JDK refuses. */
    private void decorate(HttpRequest.Builder builder, ClientListener.RequestSent sent) {
        RequestDecorator decorator = client.config().decorator();
        if (decorator == RequestDecorator.NONE) {
            return;
        }
        try {
            decorator.decorate(sent, (name, value) -> {
                if (name == null || value == null || OWN_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                    LOG.debug("a RequestDecorator's header {} ignored", name);
                    return;
                }
                try {
                    builder.header(name, value);
                } catch (IllegalArgumentException refused) {
                    LOG.debug("a RequestDecorator's header {} refused by the HTTP client", name);
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("a RequestDecorator threw {}; ignored", e.getClass().getName());
        }
    }

    private void notifyListener(java.util.function.Consumer<ClientListener> event) {
        try {
            event.accept(client.config().listener());
        } catch (RuntimeException e) {
            LOG.warn("a ClientListener threw {}; ignored", e.getClass().getName());
        }
    }

    private static String suffix(int attempts) {
        return " [" + attempts + (attempts == 1 ? " attempt]" : " attempts]");
    }
}
