package dev.crmconnect.samples.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmconnect.model.Contact;
import dev.crmconnect.sdk.poller.DeletionNoticePoller;
import dev.crmconnect.sdk.poller.PollSummary;
import dev.crmconnect.testkit.ExportDestination;
import dev.crmconnect.testkit.FakeCrmConnect;
import dev.crmconnect.testkit.FakeMember;
import dev.crmconnect.testkit.FakeTenant;
import dev.crmconnect.testkit.PushDelivery;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The Spring Boot sample started against the fake server, with its tenants and checkpoints in an embedded PostgreSQL. */
@SpringBootTest(classes = SpringBootSample.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SpringBootSampleTest {

    private static final String ORGANIZATION = "urn:li:organization:3003";
    private static final FakeCrmConnect FAKE = FakeCrmConnect.builder()
            .tenant(new FakeTenant("sample-client", "sample-secret", ORGANIZATION)).start();
    private static EmbeddedPostgres postgres;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException, SQLException {
        postgres = EmbeddedPostgres.builder().setLocaleConfig("locale", "C").setServerConfig("fsync", "off")
                .setPGStartupWait(Duration.ofMinutes(2)).start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE crm_tenants (id text PRIMARY KEY, client_id text, client_secret text,"
                    + " integration_context text)");
            statement.execute("INSERT INTO crm_tenants VALUES ('acme', 'sample-client', 'sample-secret', '"
                    + ORGANIZATION + "')");
        }
        registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("crmconnect.base-url", FAKE::baseUrl);
        registry.add("crmconnect.token-url", FAKE::tokenUrl);
        registry.add("crmconnect.poller.interval", () -> "1h");
    }

    @Autowired
    private SpringBootSample.ContactSync contactSync;
    @Autowired
    private DeletionNoticePoller poller;
    @Autowired
    private Environment environment;

    private String url(String path) {
        return "http://127.0.0.1:" + environment.getProperty("local.server.port") + path;
    }

    @Test
    void theSampleSyncsPollsAnswersPushesAndReportsHealth() throws Exception {
        assertEquals(1, contactSync.sync("acme", List.of(Contact.builder().crmId("c-1").firstName("Ada")
                .lastName("Lovelace").build())).succeeded().size());
        assertTrue(FAKE.state(ORGANIZATION).entities("crmContacts").containsKey("c-1"));

        FAKE.addTenant(new FakeTenant("sample-client", "sample-secret", ORGANIZATION)
                .withCallbackUrl(url("/linkedin/push/acme")));
        FAKE.addMember(FakeMember.builder("urn:li:person:sample-1").name("Ada", "Lovelace").build());
        String requestId = FAKE.export("urn:li:person:sample-1", ORGANIZATION, ExportDestination.pool("p-1"));
        assertTrue(FAKE.awaitPushes(Duration.ofSeconds(30)));
        PushDelivery push = FAKE.pushDeliveries().stream().filter(d -> requestId.equals(d.requestId())).findFirst()
                .orElseThrow();
        assertTrue(push.delivered(), push::toString);

        FAKE.deleteMember("urn:li:person:sample-1", Duration.ZERO);
        List<PollSummary> polled = poller.pollOnce();
        assertEquals(PollSummary.Outcome.COMPLETED, polled.get(0).outcome(), polled::toString);
        assertEquals(1, poller.auditTrail(ORGANIZATION, Instant.EPOCH, Instant.now().plus(Duration.ofDays(1)))
                .size());

        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(url("/actuator/health"))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode(), health.body());
        assertTrue(health.body().contains("\"crmConnect\""), health.body());
    }
}
