package dev.crmconnect.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.crmconnect.sdk.exception.AuthenticationException;
import dev.crmconnect.sdk.exception.CrmConnectException;
import dev.crmconnect.sdk.exception.TransportException;
import dev.crmconnect.sdk.internal.http.ApiRequest;
import dev.crmconnect.sdk.internal.http.ApiResponse;
import dev.crmconnect.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AuthTest {

    @RegisterExtension
    static WireMockExtension wm = TestSupport.wireMock();

    private void stubContacts() {
        wm.stubFor(get(urlPathEqualTo("/v2/crmContacts")).willReturn(okJson("{\"elements\":[]}")));
    }

    private void stubTokens(String... tokens) {
        for (int i = 0; i < tokens.length; i++) {
            var mapping = post(urlPathEqualTo(TestSupport.TOKEN_PATH))
                    .inScenario("tokens")
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "token-" + i)
                    .willReturn(okJson("{\"access_token\":\"" + tokens[i] + "\",\"expires_in\":1800}"));
            if (i < tokens.length - 1) {
                mapping = mapping.willSetStateTo("token-" + (i + 1));
            }
            wm.stubFor(mapping);
        }
    }

    @Test
    void everyCallCarriesTheContractHeaders() {
        TestSupport.stubToken(wm);
        stubContacts();
        try (CrmConnectClient client = TestSupport.builder(wm).userAgentSuffix("acme-crm/4.2").build()) {
            TestSupport.call(client, TestSupport.finder());
            TestSupport.call(client, TestSupport.getContacts());
        }
        String userAgent = "crmconnect-java/" + SdkVersion.version() + " Java/" + System.getProperty("java.version")
                + " acme-crm/4.2";
        wm.verify(2, getRequestedFor(urlPathEqualTo("/v2/crmContacts"))
                .withHeader("Authorization", equalTo("Bearer " + TestSupport.TOKEN))
                .withHeader("X-RestLi-Protocol-Version", equalTo("2.0.0"))
                .withHeader("User-Agent", equalTo(userAgent)));
        wm.verify(1, getRequestedFor(urlPathEqualTo("/v2/crmContacts"))
                .withQueryParam("q", equalTo("integrationContext"))
                .withHeader("X-RestLi-Method", equalTo("FINDER")));
        wm.verify(1, getRequestedFor(urlPathEqualTo("/v2/crmContacts")).withHeader("X-RestLi-Method", absent()));
    }

    @Test
    void theTokenRequestIsClientCredentialsAsAForm() {
        TestSupport.stubToken(wm);
        stubContacts();
        try (CrmConnectClient client = TestSupport.builder(wm).build()) {
            TestSupport.call(client, TestSupport.finder());
        }
        wm.verify(1, postRequestedFor(urlPathEqualTo(TestSupport.TOKEN_PATH))
                .withHeader("Content-Type", matching("application/x-www-form-urlencoded.*"))
                .withRequestBody(equalTo("grant_type=client_credentials&client_id=" + TestSupport.CLIENT_ID
                        + "&client_secret=" + TestSupport.CLIENT_SECRET)));
    }

    @Test
    void theTokenIsCachedAcrossCalls() {
        TestSupport.stubToken(wm);
        stubContacts();
        try (CrmConnectClient client = TestSupport.builder(wm).build()) {
            for (int i = 0; i < 5; i++) {
                TestSupport.call(client, TestSupport.finder());
            }
        }
        wm.verify(1, postRequestedFor(urlPathEqualTo(TestSupport.TOKEN_PATH)));
    }

    @Test
    void theTokenIsRefreshedBeforeItExpiresMidRun() {
        stubTokens("token-a", "token-b");
        stubContacts();
        MutableClock clock = new MutableClock(Instant.parse("2025-03-01T12:00:00Z"));
        try (CrmConnectClient client = TestSupport.builder(wm).clock(clock).build()) {
            TestSupport.call(client, TestSupport.finder());
            clock.advance(Duration.ofSeconds(1800 - 90)); // still well before expiry
            TestSupport.call(client, TestSupport.finder());
            clock.advance(Duration.ofSeconds(40)); // inside the refresh margin, not yet expired
            TestSupport.call(client, TestSupport.finder());
        }
        wm.verify(2, postRequestedFor(urlPathEqualTo(TestSupport.TOKEN_PATH)));
        wm.verify(2, getRequestedFor(urlPathEqualTo("/v2/crmContacts"))
                .withHeader("Authorization", equalTo("Bearer token-a")));
        wm.verify(1, getRequestedFor(urlPathEqualTo("/v2/crmContacts"))
                .withHeader("Authorization", equalTo("Bearer token-b")));
    }

    @Test
    void aHundredThreadsShareOneTokenRequest() throws Exception {
        wm.stubFor(post(urlPathEqualTo(TestSupport.TOKEN_PATH)).willReturn(
                okJson("{\"access_token\":\"" + TestSupport.TOKEN + "\",\"expires_in\":1800}").withFixedDelay(300)));
        stubContacts();
        ExecutorService threads = Executors.newFixedThreadPool(100);
        try (CrmConnectClient client = TestSupport.builder(wm).build()) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ApiResponse>> results = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                results.add(threads.submit(() -> {
                    start.await();
                    return TestSupport.call(client, TestSupport.finder());
                }));
            }
            start.countDown();
            for (Future<ApiResponse> result : results) {
                assertEquals(200, result.get(30, TimeUnit.SECONDS).status());
            }
        } finally {
            threads.shutdownNow();
        }
        wm.verify(1, postRequestedFor(urlPathEqualTo(TestSupport.TOKEN_PATH)));
        wm.verify(100, getRequestedFor(urlPathEqualTo("/v2/crmContacts")));
    }

    @Test
    void aRefused401RefreshesTheTokenOnceAndRetries() {
        stubTokens("token-a", "token-b");
        wm.stubFor(get(urlPathEqualTo("/v2/crmContacts")).inScenario("expiry").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(401).withBody("{\"serviceErrorCode\":65600,\"status\":401}"))
                .willSetStateTo("refreshed"));
        wm.stubFor(get(urlPathEqualTo("/v2/crmContacts")).inScenario("expiry").whenScenarioStateIs("refreshed")
                .willReturn(okJson("{\"elements\":[]}")));
        try (CrmConnectClient client = TestSupport.builder(wm).build()) {
            ApiResponse response = TestSupport.call(client, TestSupport.finder());
            assertEquals(200, response.status());
            assertEquals(1, response.attempts());
        }
        wm.verify(2, postRequestedFor(urlPathEqualTo(TestSupport.TOKEN_PATH)));
        wm.verify(1, getRequestedFor(urlPathEqualTo("/v2/crmContacts"))
                .withHeader("Authorization", equalTo("Bearer token-b")));
    }

    @Test
    void aSecond401IsAnAuthenticationFailureNotALoop() {
        stubTokens("token-a", "token-b", "token-c");
        wm.stubFor(get(urlPathEqualTo("/v2/crmContacts")).willReturn(
                aResponse().withStatus(401).withBody("{\"serviceErrorCode\":65600,\"status\":401}")));
        try (CrmConnectClient client = TestSupport.builder(wm).build()) {
            CrmConnectException e = TestSupport.failure(
                    TestSupport.api(client).send(TestSupport.finder(), RequestOptions.defaults()));
            assertInstanceOf(AuthenticationException.class, e);
            assertEquals(65600, e.serviceErrorCode().getAsInt());
        }
        wm.verify(2, postRequestedFor(urlPathEqualTo(TestSupport.TOKEN_PATH)));
        wm.verify(2, getRequestedFor(urlPathEqualTo("/v2/crmContacts")));
    }

    @Test
    void aBadSecretFailsAtTheFirstCallWithOneTokenRequest() {
        TestSupport.stubBadCredentials(wm);
        stubContacts();
        try (CrmConnectClient client = TestSupport.builder(wm).build()) {
            CrmConnectException e = TestSupport.failure(
                    TestSupport.api(client).send(TestSupport.finder(), RequestOptions.defaults()));
            assertInstanceOf(AuthenticationException.class, e);
            assertEquals(401, e.status());
            assertEquals(1, e.attempts());
            assertTrue(e.getMessage().contains("invalid_client"), e.getMessage());
            assertFalse(e.getMessage().contains(TestSupport.CLIENT_SECRET), e.getMessage());
            assertFalse(e.getMessage().contains("Client authentication failed"), e.getMessage());
        }
        wm.verify(1, postRequestedFor(urlPathEqualTo(TestSupport.TOKEN_PATH)));
        wm.verify(0, getRequestedFor(urlPathEqualTo("/v2/crmContacts")));
    }

    @Test
    void aFailedTokenRequestIsNotCachedAndTheCallRetriesIt() {
        wm.stubFor(post(urlPathEqualTo(TestSupport.TOKEN_PATH)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        wm.stubFor(post(urlPathEqualTo(TestSupport.TOKEN_PATH)).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(okJson("{\"access_token\":\"token-a\",\"expires_in\":1800}")));
        stubContacts();
        try (CrmConnectClient client = TestSupport.builder(wm).build()) {
            assertEquals(2, TestSupport.call(client, TestSupport.finder()).attempts());
        }
        wm.verify(2, postRequestedFor(urlPathEqualTo(TestSupport.TOKEN_PATH)));
    }

    @Test
    void aTokenFailureIsRetriedEvenForANonIdempotentRequestBecauseNothingWasSent() {
        wm.stubFor(post(urlPathEqualTo(TestSupport.TOKEN_PATH)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(502)).willSetStateTo("up"));
        wm.stubFor(post(urlPathEqualTo(TestSupport.TOKEN_PATH)).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(okJson("{\"access_token\":\"token-a\",\"expires_in\":1800}")));
        wm.stubFor(post(urlPathEqualTo("/v2/crmContacts")).willReturn(okJson("{\"results\":{}}")));
        try (CrmConnectClient client = TestSupport.builder(wm).build()) {
            ApiRequest patch = ApiRequest.batchPartialUpdate("/crmContacts", "ids=List(x)", java.util.Map.of(), 1, false);
            assertEquals(2, TestSupport.call(client, patch).attempts());
        }
        wm.verify(1, postRequestedFor(urlPathEqualTo("/v2/crmContacts")));
    }

    @Test
    void aTokenResponseWithoutATokenIsAnInvalidResponse() {
        wm.stubFor(post(urlPathEqualTo(TestSupport.TOKEN_PATH)).willReturn(okJson("{\"expires_in\":1800}")));
        try (CrmConnectClient client = TestSupport.builder(wm).build()) {
            CompletableFuture<ApiResponse> future = TestSupport.api(client).send(
                    ApiRequest.get("/dataRequests/1"), RequestOptions.defaults());
            TransportException e = assertInstanceOf(TransportException.class, TestSupport.failure(future));
            assertEquals(TransportException.Reason.INVALID_RESPONSE, e.reason());
        }
    }
}
