package dev.crmconnect.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.crmconnect.sdk.exception.CrmConnectException;
import dev.crmconnect.sdk.exception.RateLimitedException;
import dev.crmconnect.sdk.exception.ServerException;
import dev.crmconnect.sdk.exception.TransportException;
import dev.crmconnect.sdk.internal.http.ApiRequest;
import dev.crmconnect.sdk.internal.http.ApiResponse;
import dev.crmconnect.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RetryTest {

    @RegisterExtension
    static WireMockExtension wm = TestSupport.wireMock();

    private final List<ClientListener.RetryScheduled> retries = new CopyOnWriteArrayList<>();
    private final ClientListener listener = new ClientListener() {
        @Override
        public void onRetryScheduled(RetryScheduled event) {
            retries.add(event);
        }
    };

    /** Stubs GET /v2/crmContacts to answer each response in turn, then the last one forever. */
    private void stubSequence(String path, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder... responses) {
        for (int i = 0; i < responses.length; i++) {
            String state = i == 0 ? Scenario.STARTED : "step-" + i;
            var mapping = (path.equals("/v2/dataRequests") ? post(urlPathEqualTo(path))
                    : path.equals("/v2/crmPools") ? put(urlPathEqualTo(path)) : get(urlPathEqualTo(path)))
                    .inScenario("sequence")
                    .whenScenarioStateIs(state)
                    .willReturn(responses[i]);
            if (i < responses.length - 1) {
                mapping = mapping.willSetStateTo("step-" + (i + 1));
            }
            wm.stubFor(mapping);
        }
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder status(int status) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"status " + status + "\",\"status\":" + status + "}");
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder ok() {
        return okJson("{\"elements\":[]}").withHeader("X-LI-UUID", "req-ok");
    }

    @Test
    void serverErrorsAreRetriedWithBackoffUntilSuccess() {
        TestSupport.stubToken(wm);
        stubSequence("/v2/crmContacts", status(503), status(500), ok());
        try (CrmConnectClient client = TestSupport.builder(wm).listener(listener).build()) {
            ApiResponse response = TestSupport.call(client, TestSupport.finder());
            assertEquals(200, response.status());
            assertEquals(3, response.attempts());
            assertEquals("req-ok", response.requestId().orElseThrow());
        }
        wm.verify(3, getRequestedFor(urlPathEqualTo("/v2/crmContacts")));
        assertEquals(2, retries.size());
        retries.forEach(r -> assertTrue(r.delay().compareTo(Duration.ofMillis(5)) <= 0, "backoff capped: " + r));
    }

    @Test
    void retryAfterInSecondsIsHonoured() {
        TestSupport.stubToken(wm);
        stubSequence("/v2/crmContacts", status(429).withHeader("Retry-After", "1"), ok());
        try (CrmConnectClient client = TestSupport.builder(wm).listener(listener).build()) {
            assertEquals(2, TestSupport.call(client, TestSupport.finder()).attempts());
        }
        assertEquals(1, retries.size());
        Duration delay = retries.get(0).delay();
        assertTrue(delay.compareTo(Duration.ofSeconds(1)) >= 0 && delay.compareTo(Duration.ofMillis(1100)) <= 0,
                "Retry-After 1 s plus at most a tenth: " + delay);
        assertInstanceOf(RateLimitedException.class, retries.get(0).cause());
    }

    @Test
    void retryAfterAsAnHttpDateIsHonoured() {
        TestSupport.stubToken(wm);
        Instant now = Instant.parse("2025-03-01T12:00:00Z");
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(now.plusSeconds(1).atZone(ZoneOffset.UTC));
        stubSequence("/v2/crmContacts", status(503).withHeader("Retry-After", date), ok());
        try (CrmConnectClient client = TestSupport.builder(wm).listener(listener)
                .clock(new MutableClock(now)).build()) {
            assertEquals(2, TestSupport.call(client, TestSupport.finder()).attempts());
        }
        assertEquals(1, retries.size());
        Duration delay = retries.get(0).delay();
        assertTrue(delay.compareTo(Duration.ofSeconds(1)) >= 0 && delay.compareTo(Duration.ofMillis(1100)) <= 0,
                "Retry-After 1 s plus at most a tenth: " + delay);
    }

    @Test
    void withoutRetryAfterTheBackoffApplies() {
        TestSupport.stubToken(wm);
        stubSequence("/v2/crmContacts", status(429), ok());
        try (CrmConnectClient client = TestSupport.builder(wm).listener(listener).build()) {
            assertEquals(2, TestSupport.call(client, TestSupport.finder()).attempts());
        }
        assertEquals(1, retries.size());
        assertTrue(retries.get(0).delay().toMillis() <= 1, "first backoff within initialBackoff: " + retries);
    }

    @Test
    void aRetryAfterAboveTheMaximumFailsAtOnceWithTheWait() {
        TestSupport.stubToken(wm);
        wm.stubFor(get(urlPathEqualTo("/v2/crmContacts")).willReturn(status(429).withHeader("Retry-After", "3600")));
        try (CrmConnectClient client = TestSupport.builder(wm).build()) {
            CrmConnectException e = TestSupport.failure(
                    TestSupport.api(client).send(TestSupport.finder(), RequestOptions.defaults()));
            RateLimitedException limited = assertInstanceOf(RateLimitedException.class, e);
            assertEquals(Duration.ofHours(1), limited.retryAfter().orElseThrow());
            assertTrue(e.getMessage().contains("3600"), e.getMessage());
            assertEquals(1, e.attempts());
        }
        wm.verify(1, getRequestedFor(urlPathEqualTo("/v2/crmContacts")));
    }

    @Test
    void notImplementedIsNeverRetried() {
        TestSupport.stubToken(wm);
        wm.stubFor(get(urlPathEqualTo("/v2/crmContacts")).willReturn(status(501)));
        try (CrmConnectClient client = TestSupport.builder(wm).build()) {
            CrmConnectException e = TestSupport.failure(
                    TestSupport.api(client).send(TestSupport.finder(), RequestOptions.defaults()));
            assertEquals(501, e.status());
        }
        wm.verify(1, getRequestedFor(urlPathEqualTo("/v2/crmContacts")));
    }

    @Test
    void theFinalExceptionCarriesTheAttemptsAndEarlierFailures() {
        TestSupport.stubToken(wm);
        stubSequence("/v2/crmContacts", status(500), status(502), status(503), status(504));
        try (CrmConnectClient client = TestSupport.builder(wm).build()) {
            CrmConnectException e = TestSupport.failure(
                    TestSupport.api(client).send(TestSupport.finder(), RequestOptions.defaults()));
            assertInstanceOf(ServerException.class, e);
            assertEquals(504, e.status());
            assertEquals(4, e.attempts());
            assertEquals(List.of(500, 502, 503), List.of(e.getSuppressed()).stream()
                    .map(s -> ((CrmConnectException) s).status()).toList());
            assertEquals(List.of(1, 2, 3), List.of(e.getSuppressed()).stream()
                    .map(s -> ((CrmConnectException) s).attempts()).toList());
        }
    }

    @Test
    void aCreateKeepsOneIdempotencyKeyAcrossAttempts() {
        TestSupport.stubToken(wm);
        stubSequence("/v2/dataRequests", status(503), aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                aResponse().withStatus(201).withHeader("X-RestLi-Id", "42").withBody("{\"id\":42}"));
        try (CrmConnectClient client = TestSupport.builder(wm).build()) {
            ApiResponse response = TestSupport.call(client, ApiRequest.create("/dataRequests", Map.of("type", "EXPORT")));
            assertEquals(201, response.status());
            assertEquals("42", response.header("X-RestLi-Id").orElseThrow());
        }
        List<String> keys = wm.findAll(postRequestedFor(urlPathEqualTo("/v2/dataRequests"))).stream()
                .map(r -> r.getHeader("X-Idempotency-Key")).collect(Collectors.toList());
        assertEquals(3, keys.size());
        assertTrue(keys.get(0).matches("[0-9a-f-]{36}"), keys.toString());
        assertEquals(1, keys.stream().distinct().count(), keys.toString());
    }

    @Test
    void aCreateUsesTheCallersIdempotencyKeyAndEachCallGetsItsOwn() {
        TestSupport.stubToken(wm);
        wm.stubFor(post(urlPathEqualTo("/v2/dataRequests")).willReturn(aResponse().withStatus(201).withBody("{}")));
        try (CrmConnectClient client = TestSupport.builder(wm).build()) {
            TestSupport.await(TestSupport.api(client).send(ApiRequest.create("/dataRequests", Map.of()),
                    RequestOptions.builder().idempotencyKey("my-key-1").build()));
            TestSupport.call(client, ApiRequest.create("/dataRequests", Map.of()));
            TestSupport.call(client, ApiRequest.create("/dataRequests", Map.of()));
        }
        List<String> keys = wm.findAll(postRequestedFor(urlPathEqualTo("/v2/dataRequests"))).stream()
                .map(r -> r.getHeader("X-Idempotency-Key")).toList();
        assertEquals("my-key-1", keys.get(0));
        assertEquals(3, keys.stream().distinct().count(), keys.toString());
    }

    @Test
    void otherRequestsCarryNoIdempotencyKey() {
        TestSupport.stubToken(wm);
        wm.stubFor(get(urlPathEqualTo("/v2/crmContacts")).willReturn(ok()));
        try (CrmConnectClient client = TestSupport.builder(wm).build()) {
            TestSupport.call(client, TestSupport.finder());
        }
        LoggedRequest request = wm.findAll(getRequestedFor(urlPathEqualTo("/v2/crmContacts"))).get(0);
        assertTrue(!request.containsHeader("X-Idempotency-Key"));
    }

    @Test
    void aNonIdempotentRequestIsNotRetriedAfterItMayHaveBeenProcessed() {
        TestSupport.stubToken(wm);
        wm.stubFor(post(urlPathEqualTo("/v2/crmContacts")).willReturn(status(503)));
        try (CrmConnectClient client = TestSupport.builder(wm).build()) {
            ApiRequest patch = ApiRequest.batchPartialUpdate("/crmContacts", "ids=List(x)", Map.of(), 1, false);
            CrmConnectException e = TestSupport.failure(TestSupport.api(client).send(patch, RequestOptions.defaults()));
            assertEquals(503, e.status());
        }
        wm.verify(1, postRequestedFor(urlPathEqualTo("/v2/crmContacts"))
                .withHeader("X-RestLi-Method", equalTo("BATCH_PARTIAL_UPDATE")));
    }

    @Test
    void aConnectionResetIsRetried() {
        // A PUT: the JDK's HTTP client retries a GET once by itself, which would hide ours.
        TestSupport.stubToken(wm);
        stubSequence("/v2/crmPools", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                aResponse().withFault(Fault.EMPTY_RESPONSE), okJson("{\"results\":{}}"));
        try (CrmConnectClient client = TestSupport.builder(wm).build()) {
            ApiRequest update = ApiRequest.batchUpdate("/crmPools", "ids=List(a)", Map.of("entities", Map.of()), 1);
            assertEquals(3, TestSupport.call(client, update).attempts());
        }
        wm.verify(3, putRequestedFor(urlPathEqualTo("/v2/crmPools")).withHeader("X-RestLi-Method", equalTo("BATCH_UPDATE")));
    }

    @Test
    void theWholeCallTimeoutBoundsAllAttempts() {
        TestSupport.stubToken(wm);
        wm.stubFor(get(urlPathEqualTo("/v2/crmContacts")).willReturn(status(503).withFixedDelay(100)));
        try (CrmConnectClient client = TestSupport.builder(wm).retryPolicy(TestSupport.fastRetries(20)).build()) {
            CrmConnectException e = TestSupport.failure(TestSupport.api(client).send(TestSupport.finder(),
                    RequestOptions.builder().timeout(Duration.ofMillis(450)).build()));
            // Either the timer ended the call, or the client saw that the next wait would outlast it.
            assertTrue(e instanceof TransportException t && t.reason() == TransportException.Reason.TIMEOUT
                    || e instanceof ServerException, e.toString());
            assertTrue(e.attempts() >= 2 && e.attempts() < 20, "attempts " + e.attempts());
            assertTrue(e.getSuppressed().length >= 1, "earlier failures kept");
        }
    }
}
