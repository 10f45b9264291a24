package dev.crmconnect.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.crmconnect.sdk.exception.CrmConnectException;
import dev.crmconnect.sdk.internal.http.ApiClient;
import dev.crmconnect.sdk.internal.http.ApiRequest;
import dev.crmconnect.sdk.internal.http.ApiResponse;
import dev.crmconnect.sdk.internal.http.RestMethod;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Builders, stubs and helpers shared by the client's tests. */
final class TestSupport {

    static final String CLIENT_ID = "client-7";
    static final String CLIENT_SECRET = "s3cr3t-Xq9-never-log";
    static final String TOKEN = "tok-Abc123-never-log";
    static final String CONTEXT = "urn:li:organization:1001";
    static final String TOKEN_PATH = "/oauth/v2/accessToken";

    private TestSupport() {
    }

    static WireMockExtension wireMock() {
        return WireMockExtension.newInstance()
                .options(com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig().dynamicPort())
                .build();
    }

    /** A client aimed at {@code wm}, with tiny retry waits and no throttle. */
    static CrmConnectClient.Builder builder(WireMockExtension wm) {
        return CrmConnectClient.builder()
                .baseUrl(wm.baseUrl() + "/v2")
                .tokenUrl(wm.baseUrl() + TOKEN_PATH)
                .credentials(CLIENT_ID, CLIENT_SECRET)
                .integrationContext(CONTEXT)
                .retryPolicy(fastRetries(4))
                .throttle(Throttle.disabled())
                .attemptTimeout(Duration.ofSeconds(5))
                .callTimeout(Duration.ofSeconds(20));
    }

    static RetryPolicy fastRetries(int maxAttempts) {
        return RetryPolicy.builder()
                .maxAttempts(maxAttempts)
                .initialBackoff(Duration.ofMillis(1))
                .maxBackoff(Duration.ofMillis(5))
                .build();
    }

    static void stubToken(WireMockExtension wm) {
        stubToken(wm, TOKEN);
    }

    static void stubToken(WireMockExtension wm, String token) {
        wm.stubFor(post(urlPathEqualTo(TOKEN_PATH))
                .willReturn(okJson("{\"access_token\":\"" + token + "\",\"expires_in\":1800}")));
    }

    static void stubBadCredentials(WireMockExtension wm) {
        wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}")));
    }

    static ApiClient api(CrmConnectClient client) {
        return client.apiClient();
    }

    static ApiRequest finder() {
        return ApiRequest.finder("/crmContacts", "q=integrationContext&integrationContext=urn%3Ali%3Aorganization%3A1001");
    }

    static ApiRequest getContacts() {
        return ApiRequest.builder(RestMethod.GET, "/crmContacts").build();
    }

    /** Sends and waits, bounded so that a future that never completes fails the test. */
    static ApiResponse call(CrmConnectClient client, ApiRequest request) {
        return await(api(client).send(request, RequestOptions.defaults()));
    }

    /** The failure of a future that must fail, bounded so that one that never completes fails the test. */
    static CrmConnectException failure(CompletableFuture<?> future) {
        try {
            future.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CrmConnectException crm) {
                return crm;
            }
            throw new AssertionError("failed with " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("the future never completed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        throw new AssertionError("the future completed normally");
    }

    static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("failed with " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("the future never completed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
