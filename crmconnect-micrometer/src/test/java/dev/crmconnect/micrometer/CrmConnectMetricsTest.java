package dev.crmconnect.micrometer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.crmconnect.sdk.ClientListener;
import dev.crmconnect.sdk.CrmConnectClient;
import dev.crmconnect.sdk.exception.NotFoundException;
import dev.crmconnect.sdk.RetryPolicy;
import dev.crmconnect.sdk.Throttle;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CrmConnectMetricsTest {

    private static final String CONTEXT = "urn:li:organization:1001";
    private static final String EMPTY_PAGE = "{\"elements\":[],\"paging\":{\"start\":0,\"count\":10,\"total\":0}}";

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(WireMockConfiguration.wireMockConfig().dynamicPort()).build();

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeEach
    void setUp() {
        wm.resetAll();
        wm.stubFor(post(urlPathEqualTo("/oauth/v2/accessToken"))
                .willReturn(okJson("{\"access_token\":\"tok\",\"expires_in\":1800}")));
    }

    private CrmConnectClient.Builder client(ClientListener listener) {
        return CrmConnectClient.builder()
                .baseUrl(wm.baseUrl() + "/v2")
                .tokenUrl(wm.baseUrl() + "/oauth/v2/accessToken")
                .credentials("client-7", "secret")
                .integrationContext(CONTEXT)
                .retryPolicy(RetryPolicy.builder().maxAttempts(3).initialBackoff(Duration.ofMillis(1))
                        .maxBackoff(Duration.ofMillis(5)).build())
                .throttle(Throttle.disabled())
                .listener(listener);
    }

    @Test
    void aCallRetriedAfterA429IsTimedCountedAndTaggedByResourceOperationAndStatus() {
        wm.stubFor(get(urlPathEqualTo("/v2/crmContacts")).inScenario("429").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429)
                        .withHeader("Content-Type", "application/json").withBody("{\"status\":429}"))
                .willSetStateTo("ok"));
        wm.stubFor(get(urlPathEqualTo("/v2/crmContacts")).inScenario("429").whenScenarioStateIs("ok")
                .willReturn(okJson(EMPTY_PAGE)));
        try (CrmConnectClient client = client(CrmConnectMetrics.listener(registry)).build()) {
            assertFalse(client.contacts().list().iterator().hasNext());
        }

        Timer call = registry.find(CrmConnectMetrics.CALLS)
                .tags("resource", "contacts", "operation", "FINDER", "status", "200", "exception", "none").timer();
        assertNotNull(call, registry.getMetersAsString());
        assertEquals(1, call.count());
        assertEquals(1, registry.get(CrmConnectMetrics.REQUESTS)
                .tags("resource", "contacts", "operation", "FINDER", "status", "429", "exception",
                        "RateLimitedException").timer().count());
        assertEquals(1, registry.get(CrmConnectMetrics.REQUESTS)
                .tags("resource", "contacts", "operation", "FINDER", "status", "200").timer().count());
        assertEquals(1.0, registry.get(CrmConnectMetrics.RETRIES)
                .tags("resource", "contacts", "operation", "FINDER", "status", "429").counter().count());
        assertEquals(1.0, registry.get(CrmConnectMetrics.RATE_LIMITED)
                .tags("resource", "contacts", "operation", "FINDER").counter().count());
    }

    @Test
    void callsWithAHundredDifferentKeysKeepTheSameFewTimeSeries() {
        wm.stubFor(get(urlPathMatching("/v2/crmPools/.*/members")).willReturn(okJson(EMPTY_PAGE)));
        wm.stubFor(get(urlPathMatching("/v2/dataRequests/.*")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"status\":404}")));
        try (CrmConnectClient client = client(CrmConnectMetrics.builder(registry).tenantTag(true)
                .tags(Tags.of("client", "main")).build()).build()) {
            for (int i = 0; i < 100; i++) {
                String key = "pool-" + i;
                assertFalse(client.pools().members(key).list().iterator().hasNext());
                assertThrows(NotFoundException.class, () -> client.dataRequests().get("request-" + key));
            }
        }

        Set<List<Tag>> tagSets = registry.getMeters().stream().map(meter -> meter.getId().getTags())
                .collect(Collectors.toSet());
        // a FINDER answered 200 and a GET answered 404, each timed as a call and as a request
        assertEquals(2, tagSets.size(), registry.getMetersAsString());
        assertEquals(4, registry.getMeters().size(), registry.getMetersAsString());
        for (Meter meter : registry.getMeters()) {
            for (Tag tag : meter.getId().getTags()) {
                assertFalse(tag.getValue().contains("pool-") || tag.getValue().contains("/"), meter.getId()::toString);
            }
            assertTrue(meter.getId().getTags().contains(Tag.of("tenant", CONTEXT)), meter.getId()::toString);
            assertTrue(meter.getId().getTags().contains(Tag.of("client", "main")), meter.getId()::toString);
        }
        assertEquals(100, registry.get(CrmConnectMetrics.CALLS)
                .tags("resource", "poolMembers", "operation", "FINDER", "status", "200").timer().count());
        assertEquals(100, registry.get(CrmConnectMetrics.CALLS)
                .tags("resource", "dataRequests", "operation", "GET", "status", "404", "exception",
                        "NotFoundException").timer().count());
    }

    @Test
    void throttleWaitsAreTimedPerResourceAndOperation() {
        ClientListener listener = CrmConnectMetrics.listener(registry);
        ClientListener.CallInfo call = new ClientListener.CallInfo(1, "contacts", "BATCH_UPDATE", "PUT",
                "/crmContacts", CONTEXT, 100);
        listener.onThrottled(new ClientListener.Throttled(call, 1, 100, Duration.ofSeconds(2)));
        listener.onThrottled(new ClientListener.Throttled(call, 2, 100, Duration.ofSeconds(3)));

        Timer waits = registry.get(CrmConnectMetrics.THROTTLE_WAITS)
                .tags("resource", "contacts", "operation", "BATCH_UPDATE").timer();
        assertEquals(2, waits.count());
        assertEquals(5.0, waits.totalTime(java.util.concurrent.TimeUnit.SECONDS));
    }
}
