package dev.crmconnect.testkit;

import static dev.crmconnect.testkit.AuthContractTest.jsonPointer;
import static dev.crmconnect.testkit.RawHttp.ORG_A;
import static dev.crmconnect.testkit.RawHttp.ORG_A_ENCODED;
import static dev.crmconnect.testkit.RawHttp.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ContactsContractTest {

    @RegisterExtension
    static FakeCrmConnectExtension fake = FakeCrmConnectExtension.of(FakeCrmConnect.builder()
            .tenant(new FakeTenant("client-a", "secret-a", ORG_A)));

    private RawHttp http;

    @BeforeEach
    void login() {
        http = new RawHttp(fake.server()).login("client-a", "secret-a");
    }

    private static String entities(String... keyAndEntity) {
        StringJoiner body = new StringJoiner(",", "{\"entities\":{", "}}");
        for (int i = 0; i < keyAndEntity.length; i += 2) {
            body.add("\"" + keyAndEntity[i] + "\":" + keyAndEntity[i + 1]);
        }
        return body.toString();
    }

    @Test
    void batchUpdateStoresValidEntitiesAndFailsInvalidOnesAlone() {
        String k1 = key("c-1");
        String k2 = key("c-2");
        RawHttp.Response r = http.batchUpdate("crmContacts", k1 + "," + k2, entities(
                k1, "{\"firstName\":\"Ada\",\"emailAddresses\":[\"ada@example.com\"],\"doNotContact\":false}",
                k2, "{\"lastName\":\"NoFirstName\"}"));

        assertEquals(200, r.status(), r.body());
        assertEquals(204, r.json().at("/results/" + jsonPointer(k1) + "/status").asInt());
        JsonNode error = r.json().at("/errors/" + jsonPointer(k2));
        assertEquals(422, error.get("status").asInt());
        assertEquals(100, error.get("serviceErrorCode").asInt());
        assertEquals("contact.firstName: is required", error.get("message").asText());
        assertEquals(1, fake.server().state(ORG_A).count("crmContacts"));
    }

    @Test
    void entitiesAreValidatedByTheModelAndStoredAsItWritesThem() {
        String bad = key("bad-email");
        String typed = key("wrong-type");
        String extra = key("extra");
        RawHttp.Response r = http.batchUpdate("crmContacts", bad + "," + typed + "," + extra, entities(
                bad, "{\"firstName\":\"A\",\"emailAddresses\":[\"ok@example.com\",\"not-an-email\"]}",
                typed, "{\"firstName\":\"A\",\"emailAddresses\":{\"x\":1}}",
                extra, "{\"firstName\":\"A\",\"favouriteColour\":\"blue\",\"crmCreatedAt\":1700000000000}"));

        assertEquals("contact.emailAddresses[1]: must be a syntactically valid email address",
                r.json().at("/errors/" + jsonPointer(bad) + "/message").asText(), r.body());
        assertEquals("contact.emailAddresses: has the wrong JSON type",
                r.json().at("/errors/" + jsonPointer(typed) + "/message").asText(), r.body());
        assertFalse(r.body().contains("not-an-email"), "messages never echo values");
        JsonNode stored = http.batchGet("crmContacts", extra).json().at("/results/" + jsonPointer(extra));
        assertFalse(stored.has("favouriteColour"), "unknown fields are dropped");
        assertEquals(1700000000000L, stored.get("crmCreatedAt").asLong());
    }

    @Test
    void batchUpdateIsAFullReplace() {
        String k = key("c-1");
        http.batchUpdate("crmContacts", k, entities(k, "{\"firstName\":\"Ada\",\"currentJobTitle\":\"Engineer\"}"));
        http.batchUpdate("crmContacts", k, entities(k, "{\"firstName\":\"Ada\"}"));

        JsonNode contact = http.batchGet("crmContacts", k).json().at("/results/" + jsonPointer(k));
        assertEquals("Ada", contact.get("firstName").asText());
        assertFalse(contact.has("currentJobTitle"), contact.toString());
        assertEquals("c-1", contact.get("crmId").asText());
    }

    @Test
    void moreThanOneHundredEntitiesIsA400() {
        List<String> pairs = new ArrayList<>();
        StringJoiner ids = new StringJoiner(",");
        for (int i = 0; i < 101; i++) {
            pairs.add(key("c-" + i));
            pairs.add("{\"firstName\":\"N\"}");
            ids.add(key("c-" + i));
        }
        RawHttp.Response r = http.batchUpdate("crmContacts", ids.toString(), entities(pairs.toArray(String[]::new)));
        assertEquals(400, r.status());
        assertEquals(400, r.json().get("status").asInt());
        assertTrue(r.json().get("message").asText().contains("100"), r.body());
        assertEquals(0, fake.server().state(ORG_A).count("crmContacts"));
    }

    @Test
    void idsMustMatchTheBodysKeys() {
        RawHttp.Response r = http.batchUpdate("crmContacts", key("c-1"),
                entities(key("c-2"), "{\"firstName\":\"A\"}"));
        assertEquals(400, r.status());
        assertTrue(r.json().get("message").asText().startsWith("ids:"), r.body());
    }

    @Test
    void batchGetAnswersFoundKeysAndA404PerMissingKey() {
        String k1 = key("c-1");
        String missing = key("missing");
        http.batchUpdate("crmContacts", k1, entities(k1, "{\"firstName\":\"Ada\"}"));

        JsonNode body = http.batchGet("crmContacts", k1 + "," + missing).json();
        assertEquals("Ada", body.at("/results/" + jsonPointer(k1) + "/firstName").asText());
        assertEquals(200, body.at("/statuses/" + jsonPointer(k1)).asInt());
        assertEquals(404, body.at("/errors/" + jsonPointer(missing) + "/status").asInt());
        assertTrue(body.at("/errors/" + jsonPointer(missing) + "/message").isTextual());
        assertFalse(body.get("results").has(missing));
    }

    @Test
    void batchDeleteIsIdempotent() {
        String k = key("c-1");
        http.batchUpdate("crmContacts", k, entities(k, "{\"firstName\":\"Ada\"}"));
        for (int i = 0; i < 2; i++) {
            RawHttp.Response r = http.batchDelete("crmContacts", k);
            assertEquals(200, r.status());
            assertEquals(204, r.json().at("/results/" + jsonPointer(k) + "/status").asInt());
        }
        assertEquals(0, fake.server().state(ORG_A).count("crmContacts"));
    }

    @Test
    void finderPagesInKeyOrderWithDefaultsAndLimits() {
        StringJoiner ids = new StringJoiner(",");
        List<String> pairs = new ArrayList<>();
        for (int i = 24; i >= 0; i--) {
            String k = key(String.format("c-%02d", i));
            ids.add(k);
            pairs.add(k);
            pairs.add("{\"firstName\":\"N" + i + "\"}");
        }
        http.batchUpdate("crmContacts", ids.toString(), entities(pairs.toArray(String[]::new)));
        String q = "q=integrationContext&integrationContext=" + ORG_A_ENCODED;

        JsonNode first = http.finder("crmContacts", q).json();
        assertEquals(10, first.get("elements").size());
        assertEquals("c-00", first.at("/elements/0/crmId").asText());
        assertEquals(0, first.at("/paging/start").asInt());
        assertEquals(10, first.at("/paging/count").asInt());
        assertEquals(25, first.at("/paging/total").asInt());

        JsonNode last = http.finder("crmContacts", q + "&start=20&count=10").json();
        assertEquals(5, last.get("elements").size());
        assertEquals("c-20", last.at("/elements/0/crmId").asText());
        assertEquals("c-24", last.at("/elements/4/crmId").asText());

        assertEquals(400, http.finder("crmContacts", q + "&count=101").status());
        assertEquals(400, http.finder("crmContacts", q + "&start=-1").status());
        assertEquals(400, http.finder("crmContacts", "q=integrationContext").status());
    }

    @Test
    void restLiMethodHeaderIsReadInAnyCaseAndRequiredForBatchCalls() {
        String k = key("c-1");
        assertEquals(200, http.api("GET", "/crmContacts?ids=List(" + k + ")", "batch_get", null).status());
        assertEquals(200, http.api("GET", "/crmContacts?ids=List(" + k + ")", "Batch_Get", null).status());

        RawHttp.Response missing = http.api("GET", "/crmContacts?ids=List(" + k + ")", null, null);
        assertEquals(400, missing.status());
        assertTrue(missing.json().get("message").asText().startsWith("X-RestLi-Method:"), missing.body());

        RawHttp.Response wrong = http.api("GET", "/crmContacts?ids=List(" + k + ")", "BATCH_DELETE", null);
        assertEquals(400, wrong.status());
    }

    @Test
    void protocolVersionHeaderIsRequired() {
        RawHttp.Response r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        fake.server().baseUrl() + "/crmContacts?q=integrationContext&integrationContext=" + ORG_A_ENCODED))
                .header("Authorization", "Bearer " + http.token())
                .header("X-RestLi-Method", "FINDER"));
        assertEquals(400, r.status());
        assertTrue(r.json().get("message").asText().startsWith("X-RestLi-Protocol-Version:"));
    }

    @Test
    void unicodeAndReservedCharactersInKeysRoundTrip() {
        // crmId "Zoë (ä,b):c/1" as the contract's encoder writes it; responses name it in the body form.
        String k = key("Zo%C3%AB%20%28%C3%A4%2Cb%29%3Ac%2F1");
        String inBody = key("Zoë %28ä%2Cb%29%3Ac/1");
        RawHttp.Response put = http.batchUpdate("crmContacts", k, entities(k, "{\"firstName\":\"Zoë\"}"));
        assertEquals(204, put.json().at("/results/" + jsonPointer(inBody) + "/status").asInt(), put.body());

        JsonNode got = http.batchGet("crmContacts", k).json();
        assertEquals("Zoë (ä,b):c/1", got.at("/results/" + jsonPointer(inBody) + "/crmId").asText());
        assertTrue(fake.server().state(ORG_A).entities("crmContacts").containsKey("Zoë (ä,b):c/1"));
        assertEquals("Zoë (ä,b):c/1", fake.server().journal().get(fake.server().journal().size() - 1)
                .keys().stream().map(m -> ((java.util.Map<?, ?>) m).get("crmId")).findFirst().orElseThrow());
    }

    @Test
    void badKeysFailPerEntity() {
        String noProvider = "(crmId:c-1,integrationContext:" + ORG_A_ENCODED + ")";
        String tooLong = key("x".repeat(65));
        RawHttp.Response r = http.batchGet("crmContacts", noProvider + "," + tooLong);
        assertEquals(400, r.json().at("/errors/" + jsonPointer(noProvider) + "/status").asInt());
        assertEquals("key.dataProvider: must be CRM", r.json().at("/errors/" + jsonPointer(noProvider) + "/message").asText());
        assertEquals(400, r.json().at("/errors/" + jsonPointer(tooLong) + "/status").asInt());

        assertEquals(400, http.api("GET", "/crmContacts?ids=List((crmId:x", "BATCH_GET", null).status());
    }

    @Test
    void contactsAreMatchedByProfileUrlThenEmail() {
        fake.server().addMember(FakeMember.builder("urn:li:person:111").name("Ada", "Lovelace")
                .profileUrl("https://www.linkedin.com/in/ada").emailAddress("ada@example.com").build());
        fake.server().addMember(FakeMember.builder("urn:li:person:222").emailAddress("grace@example.com").build());
        String byUrl = key("by-url");
        String byEmail = key("by-email");
        String none = key("none");
        http.batchUpdate("crmContacts", byUrl + "," + byEmail + "," + none, entities(
                byUrl, "{\"firstName\":\"A\",\"linkedInProfileUrl\":\"http://linkedin.com/in/ADA/\",\"emailAddresses\":[\"grace@example.com\"]}",
                byEmail, "{\"firstName\":\"G\",\"emailAddresses\":[\"other@example.com\",\"GRACE@example.com\"]}",
                none, "{\"firstName\":\"N\"}"));

        JsonNode results = http.batchGet("crmContacts", byUrl + "," + byEmail + "," + none).json().get("results");
        assertEquals("MATCHED", results.at("/" + jsonPointer(byUrl) + "/match/status").asText());
        assertEquals("urn:li:person:111", results.at("/" + jsonPointer(byUrl) + "/match/member").asText());
        assertEquals("https://www.linkedin.com/in/ada", results.at("/" + jsonPointer(byUrl) + "/match/profileUrl").asText());
        assertEquals("urn:li:person:222", results.at("/" + jsonPointer(byEmail) + "/match/member").asText());
        assertEquals("UNMATCHED", results.at("/" + jsonPointer(none) + "/match/status").asText());
        assertFalse(results.at("/" + jsonPointer(none) + "/match").has("member"));
    }

    @Test
    void manualMatchIsABatchPartialUpdate() {
        String k = key("c-1");
        String missing = key("missing");
        http.batchUpdate("crmContacts", k, entities(k, "{\"firstName\":\"A\"}"));
        RawHttp.Response r = http.api("POST", "/crmContacts?ids=List(" + k + "," + missing + ")", "BATCH_PARTIAL_UPDATE",
                entities(k, "{\"patch\":{\"$set\":{\"manualMatchedMember\":\"urn:li:person:999\"}}}",
                        missing, "{\"patch\":{\"$set\":{\"manualMatchedMember\":\"urn:li:person:999\"}}}"));
        assertEquals(200, r.status(), r.body());
        assertEquals(204, r.json().at("/results/" + jsonPointer(k) + "/status").asInt());
        assertEquals(404, r.json().at("/errors/" + jsonPointer(missing) + "/status").asInt());

        JsonNode match = http.batchGet("crmContacts", k).json().at("/results/" + jsonPointer(k) + "/match");
        assertEquals("MANUAL", match.get("status").asText());
        assertEquals("urn:li:person:999", match.get("member").asText());

        RawHttp.Response bad = http.api("POST", "/crmContacts?ids=List(" + k + ")", "batch_partial_update",
                entities(k, "{\"patch\":{\"$set\":{\"firstName\":\"B\"}}}"));
        assertEquals(422, bad.json().at("/errors/" + jsonPointer(k) + "/status").asInt());
    }

    @Test
    void unknownPathsAndMethodsAreErrorsWithTheContractBody() {
        RawHttp.Response unknown = http.api("GET", "/crmNothing?q=x", "FINDER", null);
        assertEquals(404, unknown.status());
        assertEquals(404, unknown.json().get("status").asInt());

        RawHttp.Response notSupported = http.batchGet("crmNotes", key("n-1"));
        assertEquals(405, notSupported.status());
        assertTrue(notSupported.json().has("serviceErrorCode"));
    }
}
