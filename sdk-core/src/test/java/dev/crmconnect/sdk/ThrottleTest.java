package dev.crmconnect.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.crmconnect.sdk.exception.CrmConnectException;
import dev.crmconnect.sdk.exception.TransportException;
import dev.crmconnect.sdk.internal.http.ApiResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ThrottleTest {

    @RegisterExtension
    static WireMockExtension wm = TestSupport.wireMock();

    private final List<ClientListener.Throttled> throttled = new CopyOnWriteArrayList<>();
    private final ClientListener listener = new ClientListener() {
        @Override
        public void onThrottled(Throttled event) {
            throttled.add(event);
        }
    };

    @Test
    void aCallOverTheQuotaWaitsWithoutBlockingAndTheListenerHears() {
        TestSupport.stubToken(wm);
        wm.stubFor(get(urlPathEqualTo("/v2/crmContacts")).willReturn(okJson("{}")));
        // Two requests a day, a minute before midnight on the client's clock: the third and fourth
        // calls wait a minute, within the client's call timeout (the longest throttle wait), but
        // beyond each call's own short timeout.
        try (CrmConnectClient client = TestSupport.builder(wm).throttle(Throttle.of(10_000, 2)).listener(listener)
                .clock(Clock.fixed(Instant.parse("2025-03-01T23:59:00Z"), ZoneOffset.UTC))
                .callTimeout(Duration.ofMinutes(3)).build()) {
            RequestOptions shortCall = RequestOptions.builder().timeout(Duration.ofMillis(300)).build();
            List<CompletableFuture<ApiResponse>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(TestSupport.api(client).send(TestSupport.finder(), shortCall));
            }
            assertFalse(calls.get(3).isDone(), "sending returned at once: the wait is scheduled, not blocking");
            TestSupport.await(calls.get(0));
            TestSupport.await(calls.get(1));
            for (CompletableFuture<ApiResponse> call : calls.subList(2, 4)) {
                TransportException e = assertInstanceOf(TransportException.class, TestSupport.failure(call));
                assertEquals(TransportException.Reason.TIMEOUT, e.reason());
                assertTrue(e.getMessage().contains("timed out after"),
                        "its own timeout, while waiting: " + e.getMessage());
            }
        }
        assertEquals(2, throttled.size(), throttled.toString());
        throttled.forEach(event -> {
            assertEquals("/crmContacts", event.call().route());
            assertEquals(Duration.ofMinutes(1), event.delay(), event.toString());
        });
    }

    @Test
    void aGetCountsItsKeysAgainstTheRecordsQuota() {
        TestSupport.stubToken(wm);
        wm.stubFor(get(urlPathEqualTo("/v2/crmContacts")).willReturn(okJson("{\"results\":{}}")));
        List<String> ids = java.util.stream.IntStream.range(0, 100).mapToObj(i -> "c-" + i).toList();
        try (CrmConnectClient client = TestSupport.builder(wm).throttle(Throttle.of(100, 100_000))
                .retryPolicy(RetryPolicy.none()).build()) {
            // The first 100 keys use the minute's quota (the answer, holding none of them, fails the call) ...
            TransportException first = assertInstanceOf(TransportException.class,
                    TestSupport.failure(client.contacts().getAsync(ids)));
            assertEquals(TransportException.Reason.INVALID_RESPONSE, first.reason());
            // ... so one more key waits 61 s, beyond the call timeout.
            TransportException second = assertInstanceOf(TransportException.class,
                    TestSupport.failure(client.contacts().getAsync(List.of("c-100"))));
            assertTrue(second.getMessage().contains("throttle cannot admit"), second.getMessage());
        }
    }

    @Test
    void aWaitBeyondTheCallTimeoutFailsAtOnce() {
        TestSupport.stubToken(wm);
        wm.stubFor(get(urlPathEqualTo("/v2/crmContacts")).willReturn(okJson("{}")));
        // One request a day at noon: the next would wait until midnight, far beyond the call timeout. The
        // timeouts are generous so that a slow first answer on a busy machine cannot fail the first call.
        try (CrmConnectClient client = TestSupport.builder(wm).throttle(Throttle.of(10_000, 1))
                .clock(Clock.fixed(Instant.parse("2025-03-01T12:00:00Z"), ZoneOffset.UTC))
                .attemptTimeout(Duration.ofSeconds(20)).callTimeout(Duration.ofSeconds(30)).build()) {
            List<CompletableFuture<ApiResponse>> calls = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                calls.add(TestSupport.api(client).send(TestSupport.finder(), RequestOptions.defaults()));
            }
            TestSupport.await(calls.get(0));
            for (CompletableFuture<ApiResponse> call : calls.subList(1, 3)) {
                CrmConnectException e = TestSupport.failure(call);
                assertTrue(e.getMessage().contains("the client-side throttle cannot admit the call within the call"
                        + " timeout"), e.getMessage());
                assertEquals(TransportException.Reason.TIMEOUT, ((TransportException) e).reason());
            }
        }
        assertEquals(List.of(), throttled);
    }

    @Test
    void aDisabledThrottleNeverWaits() {
        TestSupport.stubToken(wm);
        wm.stubFor(get(urlPathEqualTo("/v2/crmContacts")).willReturn(okJson("{}")));
        try (CrmConnectClient client = TestSupport.builder(wm).throttle(Throttle.disabled()).listener(listener).build()) {
            for (int i = 0; i < 5; i++) {
                TestSupport.call(client, TestSupport.finder());
            }
        }
        assertEquals(List.of(), throttled);
    }
}
