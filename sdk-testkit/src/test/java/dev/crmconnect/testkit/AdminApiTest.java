package dev.crmconnect.testkit;

import static dev.crmconnect.testkit.RawHttp.ORG_A;
import static dev.crmconnect.testkit.RawHttp.ORG_A_ENCODED;
import static dev.crmconnect.testkit.RawHttp.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The admin API under /__admin/crm/, driven over HTTP only. */
class AdminApiTest {

    @RegisterExtension
    static FakeCrmConnectExtension fake = FakeCrmConnectExtension.create();

    private static final String FEED = "q=integrationContext&integrationContext=" + ORG_A_ENCODED;

    private RawHttp http;

    @BeforeEach
    void setUp() {
        http = new RawHttp(fake.server());
        RawHttp.Response tenant = http.admin("POST", "/tenants",
                "{\"clientId\":\"client-a\",\"clientSecret\":\"secret-a\",\"integrationContext\":\"" + ORG_A + "\"}");
        assertEquals(201, tenant.status(), tenant.body());
    }

    @Test
    void tenantsAreListedWithoutSecrets() {
        http.login("client-a", "secret-a");
        JsonNode tenants = http.admin("GET", "/tenants", null).json().get("tenants");
        assertEquals(1, tenants.size());
        assertEquals("client-a", tenants.at("/0/clientId").asText());
        assertEquals(ORG_A, tenants.at("/0/integrationContext").asText());
        assertFalse(tenants.toString().contains("secret-a"));
    }

    @Test
    void badInputIs400NamingTheField() {
        RawHttp.Response r = http.admin("POST", "/tenants", "{\"clientId\":\"x\",\"clientSecret\":\"y\","
                + "\"integrationContext\":\"org-1\"}");
        assertEquals(400, r.status());
        assertTrue(r.json().get("message").asText().startsWith("tenant.integrationContext:"), r.body());
        assertEquals(400, http.admin("POST", "/members", "{\"firstName\":\"A\"}").status());
        assertEquals(400, http.admin("POST", "/tenants", "not json").status());
        RawHttp.Response unknown = http.admin("POST", "/nothing", "{}");
        assertEquals(404, unknown.status());
        assertEquals(404, unknown.json().get("status").asInt());
    }

    @Test
    void membersExportsAndDeletions() {
        assertEquals(201, http.admin("POST", "/members", "{\"member\":\"urn:li:person:7\",\"firstName\":\"Ada\","
                + "\"lastName\":\"L\",\"emailAddress\":\"ada@example.com\",\"profileUrl\":\"https://linkedin.com/in/ada\","
                + "\"location\":{\"city\":\"London\"}}").status());
        RawHttp.Response export = http.admin("POST", "/exports", "{\"member\":\"urn:li:person:7\",\"integrationContext\":\""
                + ORG_A + "\",\"destination\":{\"type\":\"POOL\",\"crmId\":\"p-1\"}}");
        assertEquals(201, export.status(), export.body());
        String requestId = export.json().get("requestId").asText();

        http.login("client-a", "secret-a");
        JsonNode candidate = http.finder("exportedCandidates", "q=request&requestId=" + requestId).json().at("/elements/0");
        assertEquals("Ada", candidate.get("firstName").asText());
        assertEquals("London", candidate.at("/location/city").asText());

        RawHttp.Response deletion = http.admin("POST", "/memberDeletions", "{\"member\":\"urn:li:person:7\"}");
        assertEquals(200, deletion.status());
        String noticeId = deletion.json().at("/noticeIds/0").asText();
        assertEquals(noticeId, http.finder("exportDeletionNotices", FEED).json().at("/elements/0/noticeId").asText());
    }

    @Test
    void faultsCanBeSetReadAndCleared() {
        http.login("client-a", "secret-a");
        RawHttp.Response set = http.admin("POST", "/faults", "{\"seed\":42,\"errorRate\":1.0,\"statuses\":[502]}");
        assertEquals(200, set.status(), set.body());
        assertEquals(42, set.json().get("seed").asLong());
        assertEquals(502, http.finder("crmContacts", FEED).status());
        JsonNode read = http.admin("GET", "/faults", null).json();
        assertEquals(1.0, read.at("/errorRates/502").asDouble());

        assertEquals(204, http.admin("DELETE", "/faults", null).status());
        assertEquals(200, http.finder("crmContacts", FEED).status());
    }

    @Test
    void faultsCarryRateLimitsAndFailNext() {
        http.login("client-a", "secret-a");
        http.admin("POST", "/faults", "{\"rateLimit\":{\"requestsPerDay\":2,\"retryAfter\":\"NONE\"},"
                + "\"failNext\":[{\"path\":\"/crmPools\",\"count\":1,\"status\":504}]}");
        assertEquals(504, http.finder("crmPools", FEED).status());
        assertEquals(200, http.finder("crmPools", FEED).status());
        assertEquals(200, http.finder("crmPools", FEED).status());
        RawHttp.Response throttled = http.finder("crmPools", FEED);
        assertEquals(429, throttled.status());
        assertEquals(null, throttled.header("Retry-After"));
        assertEquals(400, http.admin("POST", "/faults", "{\"rateLimit\":{\"retryAfter\":\"LATER\"}}").status());
    }

    @Test
    void stateCountsPerTenantAndShowsEntitiesOnRequest() {
        http.login("client-a", "secret-a");
        http.batchUpdate("crmContacts", key("c-1"), "{\"entities\":{\"" + key("c-1") + "\":{\"firstName\":\"Ada\"}}}");

        JsonNode counts = http.admin("GET", "/state", null).json().at("/tenants/0");
        assertEquals(ORG_A, counts.get("integrationContext").asText());
        assertEquals("client-a", counts.at("/clientIds/0").asText());
        assertEquals(1, counts.at("/counts/crmContacts").asInt());
        assertEquals(0, counts.at("/counts/crmNotes").asInt());
        assertFalse(counts.has("entities"));

        JsonNode withEntities = http.admin("GET", "/state?integrationContext=" + ORG_A_ENCODED, null).json().at("/tenants/0");
        assertEquals("Ada", withEntities.at("/entities/crmContacts/c-1/firstName").asText());
    }

    @Test
    void resetClearsDataAndTenantsAddedSinceStart() {
        http.login("client-a", "secret-a");
        http.batchUpdate("crmContacts", key("c-1"), "{\"entities\":{\"" + key("c-1") + "\":{\"firstName\":\"Ada\"}}}");
        assertEquals(204, http.admin("POST", "/reset", null).status());
        assertEquals(0, http.admin("GET", "/state", null).json().get("tenants").size());
        assertEquals(401, http.finder("crmContacts", FEED).status());
    }

    @Test
    void clockCanBeReadAdvancedSetAndFrozen() {
        JsonNode frozen = http.admin("POST", "/clock", "{\"setMillis\":1700000000000,\"freeze\":true}").json();
        assertEquals(1700000000000L, frozen.get("nowMillis").asLong());
        assertTrue(frozen.get("frozen").asBoolean());
        JsonNode advanced = http.admin("POST", "/clock", "{\"advanceMillis\":60000}").json();
        assertEquals(1700000060000L, advanced.get("nowMillis").asLong());
        assertEquals(1700000060000L, http.admin("GET", "/clock", null).json().get("nowMillis").asLong());
        assertEquals(1700000060000L, fake.server().clock().millis());
        assertEquals(400, http.admin("POST", "/clock", "{\"advanceMillis\":-1}").status());

        http.login("client-a", "secret-a");
        http.admin("POST", "/clock", "{\"advanceMillis\":" + Duration.ofMinutes(31).toMillis() + "}");
        assertEquals(401, http.finder("crmContacts", FEED).status(), "the token expired on the fake's clock");
    }

    @Test
    void journalAndPushesAreReadable() {
        http.login("client-a", "secret-a");
        http.batchGet("crmContacts", key("c-1"));
        JsonNode entries = http.admin("GET", "/journal", null).json().get("entries");
        JsonNode last = entries.get(entries.size() - 1);
        assertEquals("BATCH_GET", last.get("restLiMethod").asText());
        assertEquals("c-1", last.at("/keys/0/crmId").asText());
        assertEquals("client-a", last.get("clientId").asText());
        assertEquals(200, last.get("status").asInt());
        assertTrue(http.admin("GET", "/pushes", null).json().get("deliveries").isArray());
    }
}
