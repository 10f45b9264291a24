package dev.crmconnect.sdk.internal.http;

import dev.crmconnect.sdk.ClientListener;
import dev.crmconnect.sdk.RequestDecorator;
import dev.crmconnect.sdk.RetryPolicy;
import dev.crmconnect.sdk.Throttle;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * A client's settings, already validated by the public builder. {@code toString()} leaves the
 * secret out.
 *
 * @param baseUrl the API base URL, without a trailing slash
 * @param tokenUrl the OAuth token URL
 * @param clientId the OAuth client id
 * @param clientSecret the OAuth client secret
 * @param integrationContext the tenant's {@code urn:li:organization:<digits>}
 * @param httpClient the caller's HTTP client, or null for one the client builds and owns
 * @param executor the caller's executor, or null for a bounded one the client owns
 * @param connectTimeout the connect timeout of a client-built HTTP client
 * @param attemptTimeout the bound on one attempt, body included
 * @param callTimeout the bound on a whole call, all attempts and waits included
 * @param retryPolicy the retry policy
 * @param throttle the client-side throttle
 * @param listener the listener
 * @param decorator adds headers to each attempt
 * @param userAgent the whole {@code User-Agent} value
 * @param maxResponseBytes the largest response body accepted
 * @param clock the clock for token expiry and {@code Retry-After} dates
 */
public record ClientConfig(URI baseUrl, URI tokenUrl, String clientId, String clientSecret,
        String integrationContext, HttpClient httpClient, Executor executor, Duration connectTimeout,
        Duration attemptTimeout, Duration callTimeout, RetryPolicy retryPolicy, Throttle throttle,
        ClientListener listener, RequestDecorator decorator, String userAgent, long maxResponseBytes, Clock clock) {

    @Override
    public String toString() {
        return "ClientConfig[baseUrl=" + baseUrl + ", tokenUrl=" + tokenUrl + ", clientId=" + clientId
                + ", integrationContext=" + integrationContext + ", connectTimeout=" + connectTimeout
                + ", attemptTimeout=" + attemptTimeout + ", callTimeout=" + callTimeout + ", retryPolicy="
                + retryPolicy + ", throttle=" + throttle + ", maxResponseBytes=" + maxResponseBytes + "]";
    }
}
