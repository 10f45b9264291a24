package dev.crmconnect.opentelemetry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.crmconnect.sdk.ClientListener;
import dev.crmconnect.sdk.CrmConnectClient;
import dev.crmconnect.sdk.exception.NotFoundException;
import dev.crmconnect.sdk.RetryPolicy;
import dev.crmconnect.sdk.Throttle;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CrmConnectTracingTest {

    private static final String CONTEXT = "urn:li:organization:1001";
    private static final String EMPTY_PAGE = "{\"elements\":[],\"paging\":{\"start\":0,\"count\":10,\"total\":0}}";
    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(WireMockConfiguration.wireMockConfig().dynamicPort()).build();

    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    private final OpenTelemetrySdk openTelemetry = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter))
                    .build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build();
    private final CrmConnectTracing tracing = CrmConnectTracing.create(openTelemetry);

    @BeforeEach
    void setUp() {
        wm.resetAll();
        wm.stubFor(post(urlPathEqualTo("/oauth/v2/accessToken"))
                .willReturn(okJson("{\"access_token\":\"tok\",\"expires_in\":1800}")));
    }

    @AfterEach
    void tearDown() {
        openTelemetry.close();
    }

    private CrmConnectClient client() {
        return tracing.instrument(CrmConnectClient.builder())
                .baseUrl(wm.baseUrl() + "/v2")
                .tokenUrl(wm.baseUrl() + "/oauth/v2/accessToken")
                .credentials("client-7", "secret")
                .integrationContext(CONTEXT)
                .retryPolicy(RetryPolicy.builder().maxAttempts(3).initialBackoff(Duration.ofMillis(1))
                        .maxBackoff(Duration.ofMillis(5)).build())
                .throttle(Throttle.disabled())
                .build();
    }

    @Test
    void aCallIsOneClientSpanWithItsAttemptsAsEventsAndEachAttemptCarriesItsTraceparent() {
        wm.stubFor(get(urlPathMatching("/v2/crmPools/.*/members")).inScenario("503")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                        .withBody("{\"status\":503}"))
                .willSetStateTo("ok"));
        wm.stubFor(get(urlPathMatching("/v2/crmPools/.*/members")).inScenario("503").whenScenarioStateIs("ok")
                .willReturn(okJson(EMPTY_PAGE).withHeader("X-LI-UUID", "req-2")));
        Tracer tracer = openTelemetry.getTracer("test");
        Span parent = tracer.spanBuilder("sync job").startSpan();
        try (CrmConnectClient client = client()) {
            try (Scope scope = parent.makeCurrent()) {
                assertTrue(Span.current() == parent, scope::toString);
                assertFalse(client.pools().members("pool-SECRET-1").list().iterator().hasNext());
            }
        } finally {
            parent.end();
        }

        List<SpanData> calls = exporter.getFinishedSpanItems().stream()
                .filter(span -> span.getKind() == SpanKind.CLIENT).toList();
        assertEquals(1, calls.size(), calls::toString);
        SpanData span = calls.get(0);
        assertEquals("FINDER /crmPools/{key}/members", span.getName());
        assertEquals(parent.getSpanContext().getTraceId(), span.getTraceId());
        assertEquals(parent.getSpanContext().getSpanId(), span.getParentSpanId());
        assertEquals("poolMembers", span.getAttributes().get(CrmConnectTracing.RESOURCE));
        assertEquals("FINDER", span.getAttributes().get(CrmConnectTracing.OPERATION));
        assertEquals("GET", span.getAttributes().get(CrmConnectTracing.HTTP_METHOD));
        assertEquals("/crmPools/{key}/members", span.getAttributes().get(CrmConnectTracing.URL_TEMPLATE));
        assertEquals(CONTEXT, span.getAttributes().get(CrmConnectTracing.TENANT));
        assertEquals(2L, span.getAttributes().get(CrmConnectTracing.ATTEMPTS));
        assertEquals(200L, span.getAttributes().get(CrmConnectTracing.STATUS));
        assertEquals(StatusCode.UNSET, span.getStatus().getStatusCode());
        assertFalse(span.toString().contains("SECRET"), "no key in the span: " + span);

        List<EventData> attempts = span.getEvents().stream()
                .filter(event -> event.getName().equals("crmconnect.attempt")).toList();
        assertEquals(2, attempts.size(), span.getEvents()::toString);
        assertEquals(503L, attempts.get(0).getAttributes().get(CrmConnectTracing.STATUS));
        assertEquals(1L, attempts.get(0).getAttributes().get(CrmConnectTracing.ATTEMPT));
        assertEquals(200L, attempts.get(1).getAttributes().get(CrmConnectTracing.STATUS));
        assertEquals("req-2", attempts.get(1).getAttributes().get(CrmConnectTracing.REQUEST_ID));
        assertEquals(1, span.getEvents().stream().filter(event -> event.getName().equals("crmconnect.retry")).count());

        List<LoggedRequest> sent = wm.findAll(anyRequestedFor(urlPathMatching("/v2/.*")));
        assertEquals(2, sent.size());
        for (LoggedRequest request : sent) {
            String traceparent = request.getHeader("traceparent");
            Matcher matcher = TRACEPARENT.matcher(traceparent == null ? "" : traceparent);
            assertTrue(matcher.matches(), "a valid traceparent: " + traceparent);
            assertEquals(span.getTraceId(), matcher.group(1), "the span's trace id");
            assertEquals(span.getSpanId(), matcher.group(2), "the call's span as the parent of the server's");
            assertEquals(1, Integer.parseInt(matcher.group(3), 16) & 1, "sampled");
        }
    }

    @Test
    void aFailedCallEndsItsSpanWithAnErrorStatusAndTheExceptionTypeButNotItsMessage() {
        wm.stubFor(get(urlPathMatching("/v2/dataRequests/.*")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"status\":404}")));
        try (CrmConnectClient client = client()) {
            assertThrows(NotFoundException.class, () -> client.dataRequests().get("request-SECRET-2"));
        }

        List<SpanData> spans = exporter.getFinishedSpanItems();
        assertEquals(1, spans.size(), spans::toString);
        SpanData span = spans.get(0);
        assertEquals("GET /dataRequests/{key}", span.getName());
        assertEquals(span.getTraceId().length(), 32);
        assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode());
        assertEquals(NotFoundException.class.getName(), span.getAttributes().get(CrmConnectTracing.ERROR_TYPE));
        assertEquals(404L, span.getAttributes().get(CrmConnectTracing.STATUS));
        assertFalse(span.toString().contains("SECRET"), "no key in the span: " + span);
        String traceparent = wm.findAll(anyRequestedFor(urlPathMatching("/v2/.*"))).get(0).getHeader("traceparent");
        Matcher matcher = TRACEPARENT.matcher(traceparent == null ? "" : traceparent);
        assertTrue(matcher.matches(), "a valid traceparent: " + traceparent);
        assertEquals(span.getTraceId(), matcher.group(1));
        assertEquals(span.getSpanId(), matcher.group(2));
    }

    @Test
    void withAnotherListenerInACompositeBothAreTold() {
        wm.stubFor(get(urlPathEqualTo("/v2/crmContacts")).willReturn(okJson(EMPTY_PAGE)));
        java.util.concurrent.atomic.AtomicInteger completed = new java.util.concurrent.atomic.AtomicInteger();
        ClientListener counting = new ClientListener() {
            @Override
            public void onCallCompleted(CallCompleted event) {
                completed.incrementAndGet();
            }
        };
        try (CrmConnectClient client = CrmConnectClient.builder()
                .baseUrl(wm.baseUrl() + "/v2")
                .tokenUrl(wm.baseUrl() + "/oauth/v2/accessToken")
                .credentials("client-7", "secret")
                .integrationContext(CONTEXT)
                .listener(ClientListener.composite(counting, tracing.listener()))
                .requestDecorator(tracing.requestDecorator())
                .build()) {
            client.contacts().list().iterator().hasNext();
        }
        assertEquals(1, completed.get());
        assertEquals(1, exporter.getFinishedSpanItems().size());
        assertTrue(wm.findAll(anyRequestedFor(urlPathEqualTo("/v2/crmContacts"))).get(0)
                .containsHeader("traceparent"));
        assertEquals(AttributeKey.stringKey("crmconnect.resource"), CrmConnectTracing.RESOURCE);
    }
}
