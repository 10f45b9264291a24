package dev.crmconnect.sdk.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crmconnect.sdk.internal.json.Json;
import dev.crmconnect.sdk.internal.json.Utf8;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OAuth 2.0 client credentials: fetches an access token, caches it, and fetches a new one shortly
 * before it expires. However many calls wait, at most one token request is in flight. A failed
 * fetch fails every waiter with an {@link ExchangeFailure} (or an I/O failure) and is not cached,
 * so the next call tries again; it is never retried here, the calls' retry policy decides.
 * The token and the secret are never logged and never appear in messages.
 */
final class TokenProvider {

    private static final Logger LOG = LoggerFactory.getLogger("dev.crmconnect.sdk.http");
    /** How long before its expiry a token is replaced, at most. */
    static final Duration REFRESH_SKEW = Duration.ofSeconds(60);

    private final URI tokenUrl;
    private final String form;
    private final HttpExchanger exchanger;
    private final Duration attemptTimeout;
    private final String userAgent;
    private final Clock clock;

    private AccessToken current;
    private CompletableFuture<AccessToken> refreshing;
    private volatile CompletableFuture<RawResponse> inFlight;

    private record AccessToken(String value, Instant refreshAt) {
        @Override
        public String toString() {
            return "AccessToken[refreshAt=" + refreshAt + "]";
        }
    }

    TokenProvider(URI tokenUrl, String clientId, String clientSecret, HttpExchanger exchanger,
            Duration attemptTimeout, String userAgent, Clock clock) {
        this.tokenUrl = tokenUrl;
        this.form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
        this.exchanger = exchanger;
        this.attemptTimeout = attemptTimeout;
        this.userAgent = userAgent;
        this.clock = clock;
    }

    /** A valid access token: the cached one, or the one being fetched. */
    CompletableFuture<String> token() {
        CompletableFuture<AccessToken> promise;
        boolean fetch = false;
        synchronized (this) {
            if (current != null && clock.instant().isBefore(current.refreshAt())) {
                return CompletableFuture.completedFuture(current.value());
            }
            if (refreshing == null) {
                refreshing = new CompletableFuture<>();
                fetch = true;
            }
            promise = refreshing;
        }
        if (fetch) {
            fetch(promise);
        }
        return promise.thenApply(AccessToken::value);
    }

    /** Forgets {@code token} after the API refused it, unless a newer one replaced it already. */
    synchronized void invalidate(String token) {
        if (current != null && current.value().equals(token)) {
            current = null;
        }
    }

    /** Aborts a token request in flight, when the client closes. */
    void abort() {
        CompletableFuture<RawResponse> exchange = inFlight;
        if (exchange != null) {
            exchange.completeExceptionally(new java.util.concurrent.CancellationException("the client was closed"));
        }
    }

    private void fetch(CompletableFuture<AccessToken> promise) {
        long started = System.nanoTime();
        CompletableFuture<RawResponse> exchange;
        try {
            exchange = exchanger.exchange(request(), attemptTimeout);
        } catch (RuntimeException e) {
            exchange = CompletableFuture.failedFuture(e);
        }
        inFlight = exchange;
        exchange.handle((response, failure) -> {
            if (failure != null) {
                LOG.debug("token request failed after {} ms: {}", elapsedMillis(started),
                        failure.getClass().getSimpleName());
                return settle(promise, null, Failures.unwrap(failure));
            }
            LOG.debug("token request -> {} in {} ms", response.status(), elapsedMillis(started));
            if (!response.isSuccess()) {
                return settle(promise, null, new ExchangeFailure.Rejected(response, true));
            }
            try {
                return settle(promise, parse(response), null);
            } catch (ExchangeFailure.InvalidBody invalid) {
                return settle(promise, null, invalid);
            }
        });
    }

    private HttpRequest request() {
        HttpRequest.Builder builder = HttpRequest.newBuilder(tokenUrl)
                .timeout(attemptTimeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .header("User-Agent", userAgent)
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8));
        if ("http".equalsIgnoreCase(tokenUrl.getScheme())) {
            builder.version(java.net.http.HttpClient.Version.HTTP_1_1);
        }
        return builder.build();
    }

    private AccessToken parse(RawResponse response) {
        JsonNode json;
        if (Utf8.firstInvalidByte(response.body()) >= 0) {
            throw new ExchangeFailure.InvalidBody(response, "the token response is not valid UTF-8");
        }
        try {
            json = Json.mapper().readTree(response.body());
        } catch (Exception e) {
            throw new ExchangeFailure.InvalidBody(response, "the token response is not JSON");
        }
        JsonNode token = json == null ? null : json.get("access_token");
        JsonNode expiresIn = json == null ? null : json.get("expires_in");
        if (token == null || !token.isTextual() || token.asText().isBlank()) {
            throw new ExchangeFailure.InvalidBody(response, "the token response has no access_token");
        }
        if (!isHeaderSafe(token.asText())) {
            // It would fail as an Authorization header, with the JDK's message quoting it.
            throw new ExchangeFailure.InvalidBody(response,
                    "the token response's access_token holds characters a bearer token cannot");
        }
        if (expiresIn == null || !expiresIn.isIntegralNumber() || expiresIn.asLong() <= 0) {
            throw new ExchangeFailure.InvalidBody(response, "the token response has no positive expires_in");
        }
        Duration lifetime = Duration.ofSeconds(expiresIn.asLong());
        Duration skew = lifetime.dividedBy(2).compareTo(REFRESH_SKEW) < 0 ? lifetime.dividedBy(2) : REFRESH_SKEW;
        return new AccessToken(token.asText(), clock.instant().plus(lifetime).minus(skew));
    }

    /** Visible ASCII only (RFC 6750's b64token is a subset): what an HTTP header value can carry as it is. */
    private static boolean isHeaderSafe(String token) {
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }

    /** Updates the cache before waking the waiters, so that they see the new state. */
    private Void settle(CompletableFuture<AccessToken> promise, AccessToken token, Throwable failure) {
        synchronized (this) {
            if (token != null) {
                current = token;
            }
            refreshing = null;
        }
        if (token != null) {
            promise.complete(token);
        } else {
            promise.completeExceptionally(failure);
        }
        return null;
    }

    private static long elapsedMillis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
