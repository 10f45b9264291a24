package dev.crmconnect.testkit;

import static dev.crmconnect.testkit.AuthContractTest.jsonPointer;
import static dev.crmconnect.testkit.RawHttp.ORG_A;
import static dev.crmconnect.testkit.RawHttp.ORG_A_ENCODED;
import static dev.crmconnect.testkit.RawHttp.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Pools and their members, vacancies, applications, email interactions and notes. */
class RecordsContractTest {

    @RegisterExtension
    static FakeCrmConnectExtension fake = FakeCrmConnectExtension.of(FakeCrmConnect.builder()
            .tenant(new FakeTenant("client-a", "secret-a", ORG_A)));

    private static final String BY_ORG = "q=integrationContext&integrationContext=" + ORG_A_ENCODED;

    private RawHttp http;

    @BeforeEach
    void login() {
        http = new RawHttp(fake.server()).login("client-a", "secret-a");
    }

    private JsonNode put(String resource, String crmId, String entity) {
        String k = key(crmId);
        RawHttp.Response r = http.batchUpdate(resource, k, "{\"entities\":{\"" + k + "\":" + entity + "}}");
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    private static int entityStatus(JsonNode batch, String crmId) {
        String p = jsonPointer(key(crmId));
        return batch.at("/results/" + p + "/status").asInt(batch.at("/errors/" + p + "/status").asInt());
    }

    @ParameterizedTest
    @CsvSource({
            "crmContacts, '{\"firstName\":\"A\"}', true",
            "crmPools, '{\"title\":\"Java\",\"poolType\":\"SOURCING\"}', true",
            "crmVacancies, '{\"title\":\"Engineer\",\"status\":\"OPEN\",\"skills\":[\"Java\"]}', true",
            "crmApplications, '{\"contactId\":\"c-1\",\"vacancyId\":\"v-1\",\"status\":\"ACTIVE\"}', true",
            "crmEmailInteractions, '{\"contactId\":\"c-1\",\"direction\":\"INBOUND\"}', false",
            "crmNotes, '{\"contactId\":\"c-1\",\"content\":\"Met at a fair\"}', false"})
    void everyCollectionStoresFindsAndDeletes(String resource, String entity, boolean hasBatchGet) {
        assertEquals(204, entityStatus(put(resource, "r-1", entity), "r-1"));

        JsonNode page = http.finder(resource, BY_ORG).json();
        assertEquals(1, page.at("/paging/total").asInt());
        assertEquals("r-1", page.at("/elements/0/crmId").asText());

        RawHttp.Response get = http.batchGet(resource, key("r-1"));
        assertEquals(hasBatchGet ? 200 : 405, get.status(), get.body());

        assertEquals(204, entityStatus(http.batchDelete(resource, key("r-1")).json(), "r-1"));
        assertEquals(0, http.finder(resource, BY_ORG).json().at("/paging/total").asInt());
    }

    @Test
    void titlesAreRequiredAndAtMost200Characters() {
        assertEquals(422, entityStatus(put("crmPools", "p-1", "{\"poolType\":\"GENERAL\"}"), "p-1"));
        JsonNode tooLong = put("crmVacancies", "v-1", "{\"title\":\"" + "t".repeat(201) + "\"}");
        assertEquals(422, entityStatus(tooLong, "v-1"));
        assertEquals("vacancy.title: must be at most 200 characters",
                tooLong.at("/errors/" + jsonPointer(key("v-1")) + "/message").asText());
        assertEquals(204, entityStatus(put("crmVacancies", "v-2", "{\"title\":\"" + "t".repeat(200) + "\"}"), "v-2"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "crmPools | {\"title\":\"Java\",\"poolType\":\"BOGUS_TYPE\"} | {\"title\":\"Java\",\"poolType\":\"CUSTOM\"}"
                    + " | pool.poolType: must be one of GENERAL, SOURCING, CUSTOM",
            "crmVacancies | {\"title\":\"Engineer\",\"status\":\"NOT_A_STATUS\"} | {\"title\":\"Engineer\",\"status\":\"DRAFT\"}"
                    + " | vacancy.status: must be one of OPEN, ON_HOLD, CLOSED, FILLED, DRAFT",
            "crmApplications | {\"contactId\":\"c-1\",\"vacancyId\":\"v-1\",\"status\":\"MAYBE\"}"
                    + " | {\"contactId\":\"c-1\",\"vacancyId\":\"v-1\",\"status\":\"WITHDRAWN\"}"
                    + " | application.status: must be one of ACTIVE, HIRED, REJECTED, WITHDRAWN",
            "crmEmailInteractions | {\"contactId\":\"c-1\",\"direction\":\"SIDEWAYS\"}"
                    + " | {\"contactId\":\"c-1\",\"direction\":\"OUTBOUND\"}"
                    + " | emailInteraction.direction: must be one of INBOUND, OUTBOUND",
            "crmPools | {\"title\":\"Java\",\"poolType\":\"UNKNOWN\"} | {\"title\":\"Java\",\"poolType\":\"GENERAL\"}"
                    + " | pool.poolType: must be one of GENERAL, SOURCING, CUSTOM",
            "crmVacancies | {\"title\":\"Engineer\",\"status\":\"open\"} | {\"title\":\"Engineer\",\"status\":\"OPEN\"}"
                    + " | vacancy.status: must be one of OPEN, ON_HOLD, CLOSED, FILLED, DRAFT"})
    void valuesOutsideTheContractsClosedEnumsAreAPerRecord422(String resource, String bad, String good,
                                                              String message) {
        String badKey = key("r-bad");
        String goodKey = key("r-good");
        RawHttp.Response r = http.batchUpdate(resource, badKey + "," + goodKey,
                "{\"entities\":{\"" + badKey + "\":" + bad + ",\"" + goodKey + "\":" + good + "}}");

        assertEquals(200, r.status(), r.body());
        JsonNode error = r.json().path("errors").path(badKey);
        assertEquals(422, error.path("status").asInt(), r.body());
        assertEquals(100, error.path("serviceErrorCode").asInt(), r.body());
        assertEquals(message, error.path("message").asText());
        assertEquals(204, entityStatus(r.json(), "r-good"), "the other record is stored: " + r.body());
        JsonNode page = http.finder(resource, BY_ORG).json();
        assertEquals(1, page.at("/paging/total").asInt(), "only the valid record is stored: " + page);
        assertEquals("r-good", page.at("/elements/0/crmId").asText());
    }

    @Test
    void noteContentIsAtMostTenThousandCharacters() {
        assertEquals(422, entityStatus(put("crmNotes", "n-1", "{\"contactId\":\"c\",\"content\":\"" + "x".repeat(10_001) + "\"}"), "n-1"));
        assertEquals(204, entityStatus(put("crmNotes", "n-2", "{\"contactId\":\"c\",\"content\":\"" + "x".repeat(10_000) + "\"}"), "n-2"));
    }

    @ParameterizedTest
    @CsvSource({"crmApplications", "crmEmailInteractions", "crmNotes"})
    void contactFinderReturnsOnlyThatContactsRecords(String resource) {
        String fields = ",\"vacancyId\":\"v-1\",\"content\":\"x\"}";
        assertEquals(204, entityStatus(put(resource, "r-1", "{\"contactId\":\"c-1\"" + fields), "r-1"));
        assertEquals(204, entityStatus(put(resource, "r-2", "{\"contactId\":\"c-2\"" + fields), "r-2"));
        assertEquals(204, entityStatus(put(resource, "r-3", "{\"contactId\":\"c-1\"" + fields), "r-3"));

        JsonNode page = http.finder(resource, "q=contact&contactId=c-1").json();
        assertEquals(2, page.at("/paging/total").asInt());
        assertEquals("r-1", page.at("/elements/0/crmId").asText());
        assertEquals("r-3", page.at("/elements/1/crmId").asText());
        assertEquals(400, http.finder(resource, "q=contact").status());
    }

    @Test
    void contactsHaveNoContactFinder() {
        assertEquals(400, http.finder("crmContacts", "q=contact&contactId=c-1").status());
    }

    @Test
    void poolMembersUseSimpleKeysUnderThePool() {
        put("crmPools", "p-1", "{\"title\":\"Java\",\"steps\":[{\"stepId\":\"s1\",\"name\":\"New\",\"position\":0},"
                + "{\"stepId\":\"s2\",\"name\":\"Contacted\",\"position\":1}]}");
        String members = "/crmPools/" + key("p-1") + "/members";

        RawHttp.Response update = http.api("PUT", members + "?ids=List(c-2,c-1,c-3)", "BATCH_UPDATE",
                "{\"entities\":{\"c-2\":{\"stepId\":\"s1\",\"addedAt\":1700000000000},"
                        + "\"c-1\":{\"stepId\":\"s2\",\"addedAt\":1700000000001},"
                        + "\"c-3\":{\"stepId\":\"nope\"}}}");
        assertEquals(200, update.status(), update.body());
        assertEquals(204, update.json().at("/results/c-1/status").asInt());
        assertEquals(204, update.json().at("/results/c-2/status").asInt());
        assertEquals(422, update.json().at("/errors/c-3/status").asInt());
        assertEquals("poolMember.stepId: is not a step of the pool", update.json().at("/errors/c-3/message").asText());

        JsonNode page = http.api("GET", members + "?q=integrationContext&integrationContext=" + ORG_A_ENCODED,
                "FINDER", null).json();
        assertEquals(2, page.at("/paging/total").asInt());
        assertEquals("c-1", page.at("/elements/0/contactId").asText());
        assertEquals("s2", page.at("/elements/0/stepId").asText());
        assertEquals(1700000000000L, page.at("/elements/1/addedAt").asLong());

        RawHttp.Response delete = http.api("DELETE", members + "?ids=List(c-1,absent)", "BATCH_DELETE", null);
        assertEquals(204, delete.json().at("/results/c-1/status").asInt());
        assertEquals(204, delete.json().at("/results/absent/status").asInt());
        assertEquals(1, fake.server().state(ORG_A).count("crmPoolMembers"));

        http.batchDelete("crmPools", key("p-1"));
        assertEquals(0, fake.server().state(ORG_A).count("crmPoolMembers"));
    }

    @Test
    void poolMemberKeysInBodiesAreTheRawStringsBothWaysAsARestLiServerHasThem() {
        put("crmPools", "p-1", "{\"title\":\"Java\"}");
        String members = "/crmPools/" + key("p-1") + "/members";
        List<String> raw = List.of("acct:42", "Smith, J", "50%off", "a%41", "(x)", "O'Brien");
        String ids = "List(acct%3A42,Smith%2C%20J,50%25off,a%2541,%28x%29,O%27Brien)";
        StringBuilder entities = new StringBuilder("{\"entities\":{");
        raw.forEach(id -> entities.append(entities.length() > 13 ? "," : "").append('"').append(id)
                .append("\":{\"addedAt\":1700000000000}"));

        RawHttp.Response update = http.api("PUT", members + "?ids=" + ids, "BATCH_UPDATE", entities + "}}");

        assertEquals(200, update.status(), update.body());
        for (String id : raw) {
            assertEquals(204, update.json().path("results").path(id).path("status").asInt(), id + " in " + update.body());
        }
        JsonNode page = http.api("GET", members + "?q=integrationContext&integrationContext=" + ORG_A_ENCODED
                + "&count=100", "FINDER", null).json();
        List<String> listed = new ArrayList<>();
        page.path("elements").forEach(e -> listed.add(e.path("contactId").asText()));
        assertEquals(new TreeSet<>(raw), new TreeSet<>(listed));

        RawHttp.Response delete = http.api("DELETE", members + "?ids=List(acct%3A42,a%2541)", "BATCH_DELETE", null);
        assertEquals(204, delete.json().path("results").path("acct:42").path("status").asInt(), delete.body());
        assertEquals(204, delete.json().path("results").path("a%41").path("status").asInt(), delete.body());
        assertEquals(raw.size() - 2, fake.server().state(ORG_A).count("crmPoolMembers"));
    }

    @Test
    void aPercentEncodedSimpleKeyInABodyIsABatchMismatchAsOnARestLiServer() {
        put("crmPools", "p-1", "{\"title\":\"Java\"}");
        String members = "/crmPools/" + key("p-1") + "/members";

        RawHttp.Response r = http.api("PUT", members + "?ids=List(c%3A1)", "BATCH_UPDATE",
                "{\"entities\":{\"c%3A1\":{}}}");

        assertEquals(400, r.status(), r.body());
        assertEquals("ids: must list the same keys as entities", r.json().path("message").asText());
        assertEquals(0, fake.server().state(ORG_A).count("crmPoolMembers"));
    }

    @Test
    void complexKeysInBodiesAreReadInEitherFormAndAnsweredInTheBodyForm() {
        String uriKey = key("Zo%C3%AB%20%28%C3%A4%2Cb%29%3Ac");
        String bodyKey = "(crmId:Zoë %28ä%2Cb%29%3Ac,dataProvider:CRM,integrationContext:" + ORG_A_ENCODED + ")";
        for (String sent : List.of(bodyKey, uriKey)) {
            RawHttp.Response update = http.batchUpdate("crmContacts", uriKey,
                    "{\"entities\":{\"" + sent + "\":{\"firstName\":\"Zoë\"}}}");
            assertEquals(200, update.status(), update.body());
            assertEquals(List.of(bodyKey), names(update.json().path("results")), update.body());
        }
        RawHttp.Response get = http.batchGet("crmContacts", uriKey + "," + key("absent"));
        assertEquals(List.of(bodyKey), names(get.json().path("results")), get.body());
        assertEquals(List.of(bodyKey), names(get.json().path("statuses")), get.body());
        assertEquals(List.of(key("absent")), names(get.json().path("errors")), get.body());
        assertEquals("Zoë (ä,b):c", get.json().path("results").path(bodyKey).path("crmId").asText());

        RawHttp.Response twice = http.batchUpdate("crmContacts", uriKey, "{\"entities\":{\"" + bodyKey
                + "\":{\"firstName\":\"A\"},\"" + uriKey + "\":{\"firstName\":\"B\"}}}");
        assertEquals(400, twice.status(), "one key twice in a body: " + twice.body());
    }

    private static List<String> names(JsonNode map) {
        List<String> names = new ArrayList<>();
        map.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void poolMembersOfAnUnknownPoolAre404() {
        RawHttp.Response r = http.api("PUT", "/crmPools/" + key("nope") + "/members?ids=List(c-1)", "BATCH_UPDATE",
                "{\"entities\":{\"c-1\":{\"stepId\":\"s1\"}}}");
        assertEquals(404, r.status());
        assertTrue(r.json().get("message").asText().contains("crmPools"));
    }

    @Test
    void poolKeyInThePathMayBeFullyPercentEncoded() {
        put("crmPools", "p/1", "{\"title\":\"Slash\"}");
        // The Rest.li key text, percent-encoded once more as a whole path segment.
        String encodedKey = java.net.URLEncoder.encode(key("p%2F1"), java.nio.charset.StandardCharsets.UTF_8);
        RawHttp.Response r = http.api("PUT", "/crmPools/" + encodedKey + "/members?ids=List(c-1)", "BATCH_UPDATE",
                "{\"entities\":{\"c-1\":{}}}");
        assertEquals(204, r.json().at("/results/c-1/status").asInt(), r.body());
    }
}
