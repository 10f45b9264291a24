package dev.crmconnect.sdk.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.crmconnect.sdk.exception.CrmConnectException;
import dev.crmconnect.sdk.RequestOptions;
import dev.crmconnect.sdk.exception.ErrorDetails;
import dev.crmconnect.sdk.exception.TransportException;
import dev.crmconnect.sdk.internal.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The engine under every resource: sends {@link ApiRequest}s with auth, the contract's headers,
 * throttle, per-attempt and whole-call timeouts, and retries.
 * Thread-safe. Futures it returns always complete, on the caller's executor when one was given,
 * and fail with a {@link CrmConnectException} (unwrapped) for every failure of a call.
 *
 * <p>Everything but the tenant's own state (token, throttle, listener, calls in flight) is the
 * runtime's {@link SharedTransport}: HTTP clients, send threads (this client's lane), the timer
 * and the completion pool. {@link #close()} fails this client's calls and releases its use of
 * the transport.
 */
public final class ApiClient implements AutoCloseable {

    private final ClientConfig config;
    private final SharedTransport transport;
    private final String baseUrl;
    private final SendThreads.Lane lane;
    private final Executor callbackExecutor;
    private final HttpExchanger exchanger;
    private final TokenProvider tokens;
    private final Throttler throttler;
    private final Set<Call> calls = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();

    private ApiClient(ClientConfig config, SharedTransport transport) {
        this.config = config;
        this.transport = transport;
        String base = config.baseUrl().toString();
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.callbackExecutor = config.executor() == null ? transport.completions() : config.executor();
        this.lane = transport.newLane();
        HttpClient http = config.httpClient() == null ? transport.httpClient(config.connectTimeout())
                : config.httpClient();
        this.exchanger = new HttpExchanger(http, lane, transport.deadlines(), config.maxResponseBytes());
        this.tokens = new TokenProvider(config.tokenUrl(), config.clientId(), config.clientSecret(), exchanger,
                config.attemptTimeout(), config.userAgent(), config.clock());
        this.throttler = Throttler.of(config.throttle(), config.callTimeout(), config.clock());
        transport.register(this);
    }

    /** A client for {@code config}, ready to send. */
    public static ApiClient start(ClientConfig config, SharedTransport transport) {
        return new ApiClient(Objects.requireNonNull(config, "config must not be null"),
                Objects.requireNonNull(transport, "transport must not be null"));
    }

    /** The tenant's {@code integrationContext} URN, for the resources' keys and finders. */
    public String integrationContext() {
        return config.integrationContext();
    }

    /** The executor that completes the futures this client returns; resources may chain on it. */
    public Executor executor() {
        return callbackExecutor;
    }

    /**
     * Sends one API call. A CREATE carries an {@code X-Idempotency-Key} on every attempt: the
     * caller's from {@code options}, else a random UUID generated for this call.
     *
     * @return the 2xx response; fails with a {@link CrmConnectException} subtype otherwise
     */
    public CompletableFuture<ApiResponse> send(ApiRequest request, RequestOptions options) {
        return send(request, options, false);
    }

    /**
     * {@link #send(ApiRequest, RequestOptions)} for a caller that blocks on the result itself, as
     * the synchronous API does: the future completes on whichever thread ends the call, sparing
     * a thread hop per call. Never for a future handed to users, whose callbacks must not run on
     * the client's send threads.
     */
    public CompletableFuture<ApiResponse> sendForWaitingCaller(ApiRequest request, RequestOptions options) {
        return send(request, options, true);
    }

    private CompletableFuture<ApiResponse> send(ApiRequest request, RequestOptions options, boolean callerWaits) {
        CompletableFuture<ApiResponse> out = new CompletableFuture<>();
        try {
            Objects.requireNonNull(request, "request must not be null");
            Objects.requireNonNull(options, "options must not be null");
            if (closed.get() || transport.isClosed()) {
                throw new TransportException(request.describe() + (closed.get() ? ": the client is closed"
                        : ": the client's runtime is closed"), TransportException.Reason.ABORTED, ErrorDetails.none(), null);
            }
            Call call = newCall(request, options);
            calls.add(call);
            call.start().whenComplete((response, failure) -> {
                calls.remove(call);
                relay(out, response, failure, callerWaits);
            });
            out.whenComplete((response, failure) -> {
                if (out.isCancelled()) {
                    call.abort("the call was cancelled");
                }
            });
            if (closed.get()) {
                call.abort("the client was closed");
            }
        } catch (RuntimeException e) {
            out.completeExceptionally(e);
        }
        return out;
    }

    /** Fails every call in flight and releases this client's use of the shared transport. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        abortCalls("the client was closed");
        lane.close();
        transport.unregister(this);
        transport.release();
    }

    /** Fails every call in flight and the token fetch, if any. */
    void abortCalls(String why) {
        for (Call call : calls) {
            call.abort(why);
        }
        tokens.abort();
    }

    /** The runtime's transport this client sends through. */
    public SharedTransport transport() {
        return transport;
    }

    ClientConfig config() {
        return config;
    }

    ScheduledExecutorService scheduler() {
        return transport.scheduler();
    }

    Deadlines deadlines() {
        return transport.deadlines();
    }

    HttpExchanger exchanger() {
        return exchanger;
    }

    TokenProvider tokens() {
        return tokens;
    }

    Throttler throttler() {
        return throttler;
    }

    private Call newCall(ApiRequest request, RequestOptions options) {
        URI uri = URI.create(baseUrl + request.path() + (request.query().isEmpty() ? "" : "?" + request.query()));
        String idempotencyKey = options.idempotencyKey()
                .orElse(request.method() == RestMethod.CREATE ? UUID.randomUUID().toString() : null);
        Duration timeout = options.timeout().orElse(config.callTimeout());
        return new Call(this, request, options.headers(), uri, bodyBytes(request), idempotencyKey, timeout,
                options.background());
    }

    private static byte[] bodyBytes(ApiRequest request) {
        Object body = request.body();
        if (body == null) {
            return null;
        }
        if (body instanceof byte[] bytes) {
            return bytes;
        }
        try {
            return Json.writeRequestBody(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(request.describe() + ": the body of type "
                    + body.getClass().getName() + " cannot be written as JSON");
        }
    }

    private void relay(CompletableFuture<ApiResponse> out, ApiResponse response, Throwable failure,
            boolean callerWaits) {
        Runnable complete = () -> {
            if (failure == null) {
                out.complete(response);
            } else {
                out.completeExceptionally(Failures.unwrap(failure));
            }
        };
        if (callerWaits) {
            complete.run();
            return;
        }
        try {
            callbackExecutor.execute(complete);
        } catch (RejectedExecutionException e) {
            complete.run();
        }
    }
}
