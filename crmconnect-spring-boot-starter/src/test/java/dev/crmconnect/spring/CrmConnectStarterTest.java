package dev.crmconnect.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmconnect.micrometer.CrmConnectMetrics;
import dev.crmconnect.micrometer.PollerMetrics;
import dev.crmconnect.model.Contact;
import dev.crmconnect.opentelemetry.CrmConnectTracing;
import dev.crmconnect.sdk.BatchResult;
import dev.crmconnect.sdk.CrmConnectClient;
import dev.crmconnect.sdk.CrmConnectRuntime;
import dev.crmconnect.sdk.poller.AuditRecord;
import dev.crmconnect.sdk.poller.Decision;
import dev.crmconnect.sdk.poller.DeletionNoticePoller;
import dev.crmconnect.sdk.poller.PollSummary;
import dev.crmconnect.testkit.ExportDestination;
import dev.crmconnect.testkit.FakeMember;
import dev.crmconnect.testkit.FakeTenant;
import dev.crmconnect.testkit.PushDelivery;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The starter in a real application on a real port, against the fake server: run on Spring Boot 3 by this module
 * and on Spring Boot 4 by crmconnect-spring-boot4-tests, so it uses only what both versions have (no
 * TestRestTemplate, no LocalServerPort: the JDK's HTTP client and the {@code local.server.port} property).
 */
@SpringBootTest(classes = StarterTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CrmConnectStarterTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("crmconnect.base-url", StarterTestApplication.FAKE::baseUrl);
        registry.add("crmconnect.token-url", StarterTestApplication.FAKE::tokenUrl);
        registry.add("crmconnect.tenants.acme.client-id", () -> "acme-client");
        registry.add("crmconnect.tenants.acme.client-secret", () -> "acme-secret");
        registry.add("crmconnect.tenants.acme.integration-context", () -> StarterTestApplication.ACME);
        registry.add("crmconnect.tenants.globex.client-id", () -> "globex-client");
        registry.add("crmconnect.tenants.globex.client-secret", () -> "globex-secret");
        registry.add("crmconnect.tenants.globex.integration-context", () -> StarterTestApplication.GLOBEX);
        registry.add("crmconnect.poller.enabled", () -> "true");
        registry.add("crmconnect.poller.handler-id", () -> "starter-test-1");
        // the first round runs at start; the tests poll when they need to
        registry.add("crmconnect.poller.interval", () -> "1h");
        registry.add("crmconnect.webhook.path", () -> "/linkedin/push");
        registry.add("management.endpoint.health.show-details", () -> "always");
    }

    @Autowired
    private ApplicationContext context;
    @Autowired
    private CrmConnectClients clients;
    @Autowired
    private DeletionNoticePoller poller;
    @Autowired
    private MeterRegistry meters;
    @Autowired
    private Environment environment;

    @AfterEach
    void resetTheClock() {
        StarterTestApplication.FAKE.clock().reset();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + environment.getProperty("local.server.port") + path;
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url(path))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theBeansAreCreatedFromTheProperties() {
        assertNotNull(context.getBean(CrmConnectRuntime.class));
        TenantDirectory directory = context.getBean(TenantDirectory.class);
        assertEquals(List.of("acme", "globex"), directory.tenants().stream().map(CrmConnectTenant::id).toList());
        assertFalse(directory.tenants().toString().contains("secret"), directory.tenants()::toString);
        assertEquals(List.of(StarterTestApplication.ACME, StarterTestApplication.GLOBEX), poller.tenants());
        assertTrue(context.getBean("crmConnectPollerLifecycle", SmartLifecycle.class).isRunning());
        assertNotNull(context.getBean(CrmConnectTracing.class));
        assertTrue(context.containsBean("crmConnectHealthIndicator"));
        assertTrue(context.containsBean("crmConnectWebhookRoute"));
        assertTrue(clients.client("acme") == clients.client("acme"), "the client is cached");
        assertEquals(StarterTestApplication.GLOBEX, clients.client("globex").integrationContext());
    }

    @Test
    void anUnknownTenantIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> clients.client("initech"));
        assertEquals("tenantId: the TenantDirectory has no tenant with this id", e.getMessage());
    }

    @Test
    void aSyncThroughAnInjectedClientReachesTheFakeIsTracedAndTimed() {
        StarterTestApplication.SPANS.reset();
        CrmConnectClient client = clients.client("acme");
        BatchResult result = client.contacts().upsert(List.of(
                Contact.builder().crmId("c-spring-1").firstName("Ada").lastName("Lovelace").build(),
                Contact.builder().crmId("c-spring-2").firstName("Grace").lastName("Hopper").build()));

        assertEquals(2, result.succeeded().size(), result::toString);
        assertTrue(StarterTestApplication.FAKE.state(StarterTestApplication.ACME).entities("crmContacts")
                .keySet().containsAll(Set.of("c-spring-1", "c-spring-2")));
        List<SpanData> spans = StarterTestApplication.SPANS.getFinishedSpanItems();
        assertTrue(spans.stream().anyMatch(span -> span.getName().startsWith("BATCH_")), spans::toString);
        assertTrue(meters.get(CrmConnectMetrics.CALLS).tags("resource", "contacts", "status", "200").timers()
                .stream().mapToLong(t -> t.count()).sum() >= 1, () -> meters.getMeters().toString());
    }

    @Test
    void thePollerDecidesTheNoticesOfEachTenantOnTheJdbcStore() {
        String deleted = "urn:li:person:spring-delete-1";
        String retained = "urn:li:person:spring-retain-1";
        publishNotice(deleted, StarterTestApplication.ACME);
        publishNotice(retained, StarterTestApplication.GLOBEX);

        List<PollSummary> summaries = poller.pollOnce();

        assertEquals(2, summaries.size());
        assertTrue(summaries.stream().allMatch(s -> s.outcome() == PollSummary.Outcome.COMPLETED), summaries::toString);
        assertTrue(StarterTestApplication.DECIDED_MEMBERS.containsAll(List.of(deleted, retained)));
        List<AuditRecord> acme = poller.auditTrail(StarterTestApplication.ACME, Instant.EPOCH,
                Instant.now().plus(Duration.ofDays(365)));
        assertTrue(acme.stream().anyMatch(r -> r.member().equals(deleted) && r.decision().kind() == Decision.Kind.DELETE
                && r.handlerId().equals("starter-test-1")), acme::toString);
        List<AuditRecord> globex = poller.auditTrail(StarterTestApplication.GLOBEX, Instant.EPOCH,
                Instant.now().plus(Duration.ofDays(365)));
        assertTrue(globex.stream().anyMatch(r -> r.member().equals(retained)
                && r.decision().kind() == Decision.Kind.RETAIN), globex::toString);

        assertTrue(meters.get(PollerMetrics.DECISIONS).tags("kind", "DELETE").counter().count() >= 1);
        assertTrue(meters.get(PollerMetrics.DECISIONS).tags("kind", "RETAIN").counter().count() >= 1);
    }

    @Test
    void aSignedPushIsAcceptedOverHttpAndAForgedOneRefused() throws Exception {
        StarterTestApplication.FAKE.addTenant(new FakeTenant("acme-client", "acme-secret", StarterTestApplication.ACME)
                .withCallbackUrl(url("/linkedin/push/acme")));
        try {
            StarterTestApplication.FAKE.addMember(FakeMember.builder("urn:li:person:spring-push-1")
                    .name("Ada", "Lovelace").build());
            String requestId = StarterTestApplication.FAKE.export("urn:li:person:spring-push-1",
                    StarterTestApplication.ACME, ExportDestination.pool("p-1"));
            assertTrue(StarterTestApplication.FAKE.awaitPushes(Duration.ofSeconds(30)), "the push did not finish");

            PushDelivery delivery = StarterTestApplication.FAKE.pushDeliveries().stream()
                    .filter(d -> requestId.equals(d.requestId())).findFirst().orElseThrow();
            assertTrue(delivery.delivered(), delivery::toString);
            assertEquals(200, delivery.lastStatus());
            assertEquals(1, delivery.attempts());
            assertTrue(StarterTestApplication.PUSHES.stream().anyMatch(e -> requestId.equals(e.requestId())));
        } finally {
            StarterTestApplication.FAKE.addTenant(new FakeTenant("acme-client", "acme-secret",
                    StarterTestApplication.ACME));
        }

        String body = "{\"eventType\":\"EXPORT_CANDIDATE_PROFILE\",\"requestId\":\"forged-1\","
                + "\"integrationContext\":\"" + StarterTestApplication.ACME + "\",\"occurredAt\":1700000000000}";
        HttpResponse<String> forged = HTTP.send(HttpRequest.newBuilder(URI.create(url("/linkedin/push/acme")))
                .header("Content-Type", "application/json")
                .header("X-LI-Signature", "hmacsha256=" + "0".repeat(64))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, forged.statusCode(), forged.body());
        assertTrue(StarterTestApplication.PUSHES.stream().noneMatch(e -> "forged-1".equals(e.requestId())));

        HttpResponse<String> unknown = HTTP.send(HttpRequest.newBuilder(URI.create(url("/linkedin/push/initech")))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, unknown.statusCode());
    }

    @Test
    void healthIsUpAfterAPollAndDownOnceTheFakesClockMoves31Days() throws Exception {
        poller.pollOnce();
        HttpResponse<String> up = get("/actuator/health/crmConnect");
        assertEquals(200, up.statusCode(), up.body());
        assertTrue(up.body().contains("\"status\":\"UP\""), up.body());

        StarterTestApplication.FAKE.clock().advance(Duration.ofDays(8));
        HttpResponse<String> warning = get("/actuator/health/crmConnect");
        assertEquals(200, warning.statusCode(), warning.body());
        assertTrue(warning.body().contains("\"warnings\""), warning.body());

        StarterTestApplication.FAKE.clock().advance(Duration.ofDays(23));
        HttpResponse<String> down = get("/actuator/health/crmConnect");
        assertEquals(503, down.statusCode(), down.body());
        assertTrue(down.body().contains("\"status\":\"DOWN\""), down.body());
        assertTrue(down.body().contains(StarterTestApplication.ACME), down.body());
        assertEquals(503, get("/actuator/health").statusCode());
    }

    @Test
    void theMetricsArePresentWithBoundedTags() {
        clients.client("globex").contacts().list().stream().count();
        poller.pollOnce();

        Set<String> names = meters.getMeters().stream().map(m -> m.getId().getName())
                .filter(n -> n.startsWith("crmconnect.")).collect(Collectors.toSet());
        assertTrue(names.containsAll(Set.of(CrmConnectMetrics.CALLS, CrmConnectMetrics.REQUESTS, PollerMetrics.POLLS,
                PollerMetrics.COMPLIANCE_CLOCK_AGE)), names::toString);
        for (Meter meter : meters.getMeters()) {
            if (!meter.getId().getName().startsWith("crmconnect.")) {
                continue;
            }
            Set<String> keys = meter.getId().getTags().stream().map(Tag::getKey).collect(Collectors.toSet());
            Set<String> allowed = meter.getId().getName().equals(PollerMetrics.COMPLIANCE_CLOCK_AGE) ? Set.of("tenant")
                    : Set.of("resource", "operation", "status", "exception", "kind", "outcome");
            assertTrue(allowed.containsAll(keys), meter.getId()::toString);
        }
        assertEquals(2, meters.find(PollerMetrics.COMPLIANCE_CLOCK_AGE).gauges().size());
        double age = meters.get(PollerMetrics.COMPLIANCE_CLOCK_AGE).tags("tenant", StarterTestApplication.ACME)
                .gauge().value();
        assertTrue(age >= 0 && age < 3600, "just polled: " + age);
    }

    @Test
    void theConfigurationMetadataIsInTheStartersJar() throws IOException {
        URL metadata = null;
        for (URL candidate : Collections.list(getClass().getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            String location = candidate.toString();
            if (location.contains("crmconnect-spring-boot-starter") && !location.contains("test")) {
                metadata = candidate;
            }
        }
        assertNotNull(metadata, "no configuration metadata from the starter on the class path");
        String json;
        try (InputStream in = metadata.openStream()) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String property : List.of("crmconnect.base-url", "crmconnect.tenants", "crmconnect.poller.enabled",
                "crmconnect.poller.handler-id", "crmconnect.webhook.path", "crmconnect.metrics.tenant-tag")) {
            assertTrue(json.contains("\"" + property + "\""), property);
        }
        assertTrue(json.contains("Names the handler and its version"), "descriptions come from the field comments");
    }

    private static void publishNotice(String member, String organization) {
        StarterTestApplication.FAKE.addMember(FakeMember.builder(member).name("Ada", "Lovelace").build());
        StarterTestApplication.FAKE.export(member, organization, ExportDestination.pool("p-1"));
        StarterTestApplication.FAKE.deleteMember(member, Duration.ZERO);
    }
}
