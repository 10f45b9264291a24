package dev.crmconnect.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.crmconnect.sdk.internal.http.ApiResponse;
import java.time.Duration;
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
        // 1441 requests per day: one per one-minute slice. Of three calls at least two must wait,
        // however the slices fall. The client's call timeout (the longest throttle wait) exceeds a
        // slice; each call's own timeout is short.
        try (CrmConnectClient client = TestSupport.builder(wm).throttle(Throttle.of(10_000, 1441)).listener(listener)
                .callTimeout(Duration.ofMinutes(3)).build()) {
            RequestOptions shortCall = RequestOptions.builder().timeout(Duration.ofMillis(300)).build();
            List<CompletableFuture<ApiResponse>> calls = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                calls.add(TestSupport.api(client).send(TestSupport.finder(), shortCall));
            }
            assertFalse(calls.get(2).isDone(), "sending returned at once: the wait is scheduled, not blocking");
            int timedOut = 0;
            for (CompletableFuture<ApiResponse> call : calls) {
                try {
                    TestSupport.await(call);
                } catch (AssertionError failed) {
                    TransportException e = assertInstanceOf(TransportException.class, TestSupport.failure(call));
                    assertEquals(TransportException.Reason.TIMEOUT, e.reason());
                    timedOut++;
                }
            }
            assertTrue(timedOut >= 2, "timed out while throttled: " + timedOut);
        }
        assertTrue(throttled.size() >= 2, throttled.toString());
        throttled.forEach(event -> {
            assertEquals("/crmContacts", event.path());
            assertTrue(event.delay().compareTo(Duration.ZERO) > 0, event.toString());
        });
    }

    @Test
    void aWaitBeyondTheCallTimeoutFailsAtOnce() {
        TestSupport.stubToken(wm);
        wm.stubFor(get(urlPathEqualTo("/v2/crmContacts")).willReturn(okJson("{}")));
        try (CrmConnectClient client = TestSupport.builder(wm).throttle(Throttle.of(10_000, 1441))
                .attemptTimeout(Duration.ofMillis(500)).callTimeout(Duration.ofSeconds(1)).build()) {
            List<CompletableFuture<ApiResponse>> calls = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                calls.add(TestSupport.api(client).send(TestSupport.finder(), RequestOptions.defaults()));
            }
            int refused = 0;
            for (CompletableFuture<ApiResponse> call : calls) {
                try {
                    TestSupport.await(call);
                } catch (AssertionError failed) {
                    CrmConnectException e = TestSupport.failure(call);
                    assertTrue(e.getMessage().contains("throttle"), e.getMessage());
                    assertEquals(TransportException.Reason.TIMEOUT, ((TransportException) e).reason());
                    refused++;
                }
            }
            assertTrue(refused >= 1, "a wait of up to a minute exceeds the 1 s call timeout");
        }
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
