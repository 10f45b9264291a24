package dev.crmconnect.testkit;

import static dev.crmconnect.testkit.RawHttp.ORG_A;
import static dev.crmconnect.testkit.RawHttp.ORG_B;
import static dev.crmconnect.testkit.RawHttp.key;
import static dev.crmconnect.testkit.RawHttp.keyIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AuthContractTest {

    @RegisterExtension
    static FakeCrmConnectExtension fake = FakeCrmConnectExtension.of(FakeCrmConnect.builder()
            .tenant(new FakeTenant("client-a", "secret-a", ORG_A))
            .tenant(new FakeTenant("client-b", "secret-b", ORG_B)));

    @Test
    void tokenEndpointIssuesBearerTokensForThirtyMinutes() {
        RawHttp.Response r = new RawHttp(fake.server())
                .tokenRequest("grant_type=client_credentials&client_id=client-a&client_secret=secret-a");
        assertEquals(200, r.status(), r.body());
        assertFalse(r.json().get("access_token").asText().isEmpty());
        assertEquals(1800, r.json().get("expires_in").asInt());
        assertNotNull(r.header("X-LI-UUID"));
    }

    @Test
    void wrongSecretOrUnknownClientIsInvalidClient() {
        RawHttp http = new RawHttp(fake.server());
        for (String form : new String[] {
                "grant_type=client_credentials&client_id=client-a&client_secret=nope",
                "grant_type=client_credentials&client_id=nobody&client_secret=secret-a",
                "grant_type=client_credentials&client_id=client-a"}) {
            RawHttp.Response r = http.tokenRequest(form);
            assertEquals(401, r.status(), form);
            assertEquals("invalid_client", r.json().get("error").asText());
            assertTrue(r.json().has("error_description"));
        }
    }

    @Test
    void otherGrantTypesAreRefused() {
        RawHttp.Response r = new RawHttp(fake.server())
                .tokenRequest("grant_type=password&client_id=client-a&client_secret=secret-a");
        assertEquals(400, r.status());
        assertEquals("unsupported_grant_type", r.json().get("error").asText());
    }

    @Test
    void missingUnknownOrExpiredTokenGets401With65600() {
        RawHttp http = new RawHttp(fake.server());
        assertUnauthorized(http.finder("crmContacts", "q=integrationContext&integrationContext=" + RawHttp.ORG_A_ENCODED));

        http.useToken("not-a-token");
        assertUnauthorized(http.finder("crmContacts", "q=integrationContext&integrationContext=" + RawHttp.ORG_A_ENCODED));

        http.login("client-a", "secret-a");
        assertEquals(200, http.finder("crmContacts",
                "q=integrationContext&integrationContext=" + RawHttp.ORG_A_ENCODED).status());
        fake.server().clock().advance(Duration.ofMinutes(29));
        assertEquals(200, http.finder("crmContacts",
                "q=integrationContext&integrationContext=" + RawHttp.ORG_A_ENCODED).status());
        fake.server().clock().advance(Duration.ofMinutes(1));
        assertUnauthorized(http.finder("crmContacts", "q=integrationContext&integrationContext=" + RawHttp.ORG_A_ENCODED));
    }

    private static void assertUnauthorized(RawHttp.Response r) {
        assertEquals(401, r.status(), r.body());
        assertEquals(65600, r.json().get("serviceErrorCode").asInt());
        assertEquals(401, r.json().get("status").asInt());
        assertTrue(r.json().get("message").isTextual());
        assertNotNull(r.header("X-LI-UUID"));
    }

    @Test
    void everyResponseCarriesADistinctRequestId() {
        RawHttp http = new RawHttp(fake.server()).login("client-a", "secret-a");
        Set<String> ids = new HashSet<>();
        ids.add(http.finder("crmContacts", "q=integrationContext&integrationContext=" + RawHttp.ORG_A_ENCODED)
                .header("X-LI-UUID"));
        ids.add(http.api("GET", "/nowhere", null, null).header("X-LI-UUID"));
        ids.add(http.batchGet("crmContacts", key("x")).header("X-LI-UUID"));
        ids.add(http.tokenRequest("grant_type=client_credentials&client_id=x&client_secret=y").header("X-LI-UUID"));
        ids.remove(null);
        assertEquals(4, ids.size());
    }

    @Test
    void aTenantSeesOnlyItsOwnOrganization() {
        RawHttp a = new RawHttp(fake.server()).login("client-a", "secret-a");
        RawHttp b = new RawHttp(fake.server()).login("client-b", "secret-b");
        assertEquals(200, a.batchUpdate("crmContacts", key("c-1"),
                "{\"entities\":{\"" + key("c-1") + "\":{\"firstName\":\"Ada\"}}}").status());

        RawHttp.Response foreignGet = b.batchGet("crmContacts", key("c-1"));
        assertEquals(200, foreignGet.status());
        assertEquals(403, foreignGet.json().at("/errors/" + jsonPointer(key("c-1")) + "/status").asInt());
        assertFalse(foreignGet.json().get("results").has(key("c-1")));

        RawHttp.Response foreignFinder = b.finder("crmContacts", "q=integrationContext&integrationContext=" + RawHttp.ORG_A_ENCODED);
        assertEquals(403, foreignFinder.status());

        RawHttp.Response ownFinder = b.finder("crmContacts", "q=integrationContext&integrationContext=urn%3Ali%3Aorganization%3A2002");
        assertEquals(0, ownFinder.json().at("/paging/total").asInt());

        RawHttp.Response sameCrmIdInB = b.batchGet("crmContacts", keyIn(ORG_B, "c-1"));
        assertEquals(404, sameCrmIdInB.json().at("/errors/" + jsonPointer(keyIn(ORG_B, "c-1")) + "/status").asInt());
        assertNotEquals(0, fake.server().state(ORG_A).count("crmContacts"));
        assertEquals(0, fake.server().state(ORG_B).count("crmContacts"));
    }

    static String jsonPointer(String field) {
        return field.replace("~", "~0").replace("/", "~1");
    }
}
