package dev.crmconnect.testkit;

import static dev.crmconnect.testkit.RawHttp.ORG_A;
import static dev.crmconnect.testkit.RawHttp.ORG_A_ENCODED;
import static dev.crmconnect.testkit.RawHttp.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FaultsAndQuotasTest {

    @RegisterExtension
    static FakeCrmConnectExtension fake = FakeCrmConnectExtension.of(FakeCrmConnect.builder()
            .tenant(new FakeTenant("client-a", "secret-a", ORG_A)));

    private static final String FINDER = "q=integrationContext&integrationContext=" + ORG_A_ENCODED;

    private RawHttp http;

    @BeforeEach
    void login() {
        http = new RawHttp(fake.server()).login("client-a", "secret-a");
    }

    /** The outcome of each of {@code n} finder calls: a status, or 0 for a reset connection. */
    private List<Integer> outcomes(int n) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            try {
                out.add(http.finder("crmContacts", FINDER).status());
            } catch (UncheckedIOException e) {
                out.add(0);
            }
        }
        return out;
    }

    @Test
    void faultsAreReproducibleBySeed() {
        long seed = 20250301L;
        Faults faults = Faults.builder().seed(seed).errorRate(0.3, 500, 503).resetRate(0.1).build();
        fake.server().faults(faults);
        List<Integer> first = outcomes(60);
        fake.server().faults(faults);
        List<Integer> second = outcomes(60);

        assertEquals(first, second, "seed " + seed);
        assertTrue(first.contains(500) && first.contains(503) && first.contains(0) && first.contains(200),
                "seed " + seed + ": " + first);
        fake.server().faults(Faults.builder().seed(seed + 1).errorRate(0.3, 500, 503).resetRate(0.1).build());
        assertNotEquals(first, outcomes(60), "seeds " + seed + " and " + (seed + 1));
    }

    @Test
    void injectedErrorsCarryTheContractBodyAndRequestId() {
        fake.server().faults(Faults.builder().seed(1).errorRate(503, 1.0).build());
        RawHttp.Response r = http.finder("crmContacts", FINDER);
        assertEquals(503, r.status());
        assertEquals(503, r.json().get("status").asInt());
        assertTrue(r.json().has("serviceErrorCode"));
        assertNotNull(r.header("X-LI-UUID"));
        fake.server().faults(Faults.none());
        assertEquals(200, http.finder("crmContacts", FINDER).status());
    }

    @Test
    void latencyAndSlowBodiesStillDeliverTheWholeBody() {
        StringJoiner ids = new StringJoiner(",");
        StringJoiner entities = new StringJoiner(",", "{\"entities\":{", "}}");
        for (int i = 0; i < 20; i++) {
            ids.add(key("c-" + i));
            entities.add("\"" + key("c-" + i) + "\":{\"firstName\":\"Name" + i + "\"}");
        }
        http.batchUpdate("crmContacts", ids.toString(), entities.toString());
        fake.server().faults(Faults.builder().seed(3).latency(Duration.ofMillis(20))
                .slowBodies(1.0, Duration.ofMillis(100)).build());

        RawHttp.Response r = http.finder("crmContacts", FINDER + "&count=20");
        assertEquals(200, r.status());
        assertEquals(20, r.json().get("elements").size());
        assertEquals("Name9", r.json().at("/elements/19/firstName").asText(), "the last chunk arrived (key order)");
    }

    @Test
    void failNextFailsExactlyThatManyCallsToThatPath() {
        fake.server().failNext("/crmContacts", 2, 500);
        assertEquals(200, http.finder("crmPools", FINDER).status(), "another path is not affected");
        assertEquals(500, http.finder("crmContacts", FINDER).status());
        assertEquals(500, http.finder("crmContacts", FINDER).status());
        assertEquals(200, http.finder("crmContacts", FINDER).status());

        // A BATCH_DELETE (HTTP DELETE): the JDK's client silently retries a GET once after a reset.
        fake.server().resetNext("/v2/crmContacts", 1);
        assertThrows(UncheckedIOException.class, () -> http.batchDelete("crmContacts", key("c-1")));
        assertEquals(200, http.batchDelete("crmContacts", key("c-1")).status());
    }

    @Test
    void failNextWorksOnTheTokenEndpoint() {
        fake.server().failNext("/oauth/v2/accessToken", 1, 503);
        assertEquals(503, http.tokenRequest("grant_type=client_credentials&client_id=client-a&client_secret=secret-a").status());
        assertEquals(200, http.tokenRequest("grant_type=client_credentials&client_id=client-a&client_secret=secret-a").status());
    }

    private RawHttp.Response batchOf(int size, int offset) {
        StringJoiner ids = new StringJoiner(",");
        for (int i = 0; i < size; i++) {
            ids.add(key("c-" + (offset + i)));
        }
        return http.batchGet("crmContacts", ids.toString());
    }

    @Test
    void recordsPerMinuteQuotaAnswers429WithRetryAfterSeconds() {
        fake.server().clock().freeze();
        fake.server().clock().set(Instant.parse("2025-03-01T10:00:15Z"));
        fake.server().quotas(Quotas.of(150, 1000, Quotas.RetryAfter.SECONDS));

        assertEquals(200, batchOf(100, 0).status());
        RawHttp.Response throttled = batchOf(100, 100);
        assertEquals(429, throttled.status());
        assertEquals(429, throttled.json().get("status").asInt());
        assertEquals("45", throttled.header("Retry-After"), "seconds to the next minute");
        assertEquals(200, batchOf(50, 200).status(), "within the limit still passes");

        fake.server().clock().advance(Duration.ofSeconds(45));
        assertEquals(200, batchOf(100, 300).status(), "a new minute");
    }

    @Test
    void contractQuotaIsTenThousandRecordsAMinute() {
        fake.server().clock().freeze();
        fake.server().clock().set(Instant.parse("2025-03-01T10:00:00Z"));
        for (int i = 0; i < 100; i++) {
            assertEquals(200, batchOf(100, 0).status(), "batch " + i);
        }
        assertEquals(429, batchOf(1, 0).status());
    }

    @Test
    void requestsPerDayQuotaResetsAtMidnightUtcAndCanAnswerAnHttpDate() {
        fake.server().clock().freeze();
        fake.server().clock().set(Instant.parse("2025-03-01T23:59:00Z"));
        fake.server().quotas(Quotas.of(10_000, 3, Quotas.RetryAfter.HTTP_DATE));
        for (int i = 0; i < 3; i++) {
            assertEquals(200, http.finder("crmContacts", FINDER).status());
        }
        RawHttp.Response throttled = http.finder("crmContacts", FINDER);
        assertEquals(429, throttled.status());
        ZonedDateTime retryAt = ZonedDateTime.parse(throttled.header("Retry-After"), DateTimeFormatter.RFC_1123_DATE_TIME);
        assertEquals(Instant.parse("2025-03-02T00:00:00Z"), retryAt.toInstant());

        fake.server().clock().advance(Duration.ofMinutes(1));
        assertEquals(200, http.finder("crmContacts", FINDER).status());
    }

    @Test
    void quotasCanAnswerWithoutRetryAfter() {
        fake.server().quotas(Quotas.of(10_000, 1, Quotas.RetryAfter.NONE));
        http.finder("crmContacts", FINDER);
        RawHttp.Response throttled = http.finder("crmContacts", FINDER);
        assertEquals(429, throttled.status());
        assertNull(throttled.header("Retry-After"));
    }

    @Test
    void quotasArePerClientId() {
        fake.server().addTenant(new FakeTenant("client-a2", "secret", ORG_A));
        fake.server().quotas(Quotas.of(10_000, 1, Quotas.RetryAfter.SECONDS));
        assertEquals(200, http.finder("crmContacts", FINDER).status());
        assertEquals(429, http.finder("crmContacts", FINDER).status());
        RawHttp other = new RawHttp(fake.server()).login("client-a2", "secret");
        assertEquals(200, other.finder("crmContacts", FINDER).status());
    }

    @Test
    void injected429sFollowTheRetryAfterStyle() {
        fake.server().faults(Faults.builder().seed(5).errorRate(429, 1.0).build());
        RawHttp.Response r = http.finder("crmContacts", FINDER);
        assertEquals(429, r.status());
        assertEquals("1", r.header("Retry-After"));
    }

    @Test
    void faultSettingsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> Faults.builder().errorRate(200, 0.1));
        assertThrows(IllegalArgumentException.class, () -> Faults.builder().resetRate(1.5));
        assertThrows(IllegalArgumentException.class,
                () -> Faults.builder().errorRate(500, 0.7).resetRate(0.5).build());
        assertThrows(IllegalArgumentException.class, () -> Quotas.of(0, 1, Quotas.RetryAfter.NONE));
    }
}
