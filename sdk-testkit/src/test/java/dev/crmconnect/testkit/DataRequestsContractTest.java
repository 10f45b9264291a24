package dev.crmconnect.testkit;

import static dev.crmconnect.testkit.RawHttp.ORG_A;
import static dev.crmconnect.testkit.RawHttp.ORG_B;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DataRequestsContractTest {

    @RegisterExtension
    static FakeCrmConnectExtension fake = FakeCrmConnectExtension.of(FakeCrmConnect.builder()
            .tenant(new FakeTenant("client-a", "secret-a", ORG_A))
            .tenant(new FakeTenant("client-b", "secret-b", ORG_B))
            .dataRequestProgress(Duration.ofMinutes(1), Duration.ofMinutes(10)));

    private static final String EXPORT = "{\"type\":\"EXPORT\",\"scope\":{\"type\":\"SEAT\",\"seat\":\"urn:li:seat:7\"},"
            + "\"categories\":[\"NOTES\",\"SAVED_ACCOUNTS\"]}";
    private static final String DELETION = "{\"type\":\"DELETION\",\"scope\":{\"type\":\"CONTRACT\","
            + "\"contract\":\"urn:li:contract:9\"},\"categories\":[\"CRM_SYNCED_DATA\"],\"confirmIrreversible\":true}";

    private RawHttp http;

    @BeforeEach
    void setUp() {
        http = new RawHttp(fake.server()).login("client-a", "secret-a");
        fake.server().clock().freeze();
    }

    private RawHttp.Response create(String body, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fake.server().baseUrl() + "/dataRequests"))
                .header("Authorization", "Bearer " + http.token())
                .header("X-RestLi-Protocol-Version", "2.0.0")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("X-Idempotency-Key", idempotencyKey);
        }
        return http.send(request);
    }

    @Test
    void createAnswers201WithTheIdAndTheEntity() {
        long now = fake.server().clock().millis();
        RawHttp.Response r = create(EXPORT, null);
        assertEquals(201, r.status(), r.body());
        String id = r.header("X-RestLi-Id");
        assertEquals(id, r.json().get("id").asText());
        assertEquals("PENDING", r.json().get("status").asText());
        assertEquals(now, r.json().get("createdAt").asLong());
        assertEquals("EXPORT", r.json().get("type").asText());
        assertEquals("urn:li:seat:7", r.json().at("/scope/seat").asText());
        assertFalse(r.json().has("completedAt"));
        assertEquals(201, create(DELETION, null).status());
    }

    @Test
    void statusMovesWithTheClock() {
        String id = create(EXPORT, null).header("X-RestLi-Id");
        assertEquals("PENDING", get(id).json().get("status").asText());
        fake.server().clock().advance(Duration.ofMinutes(1));
        assertEquals("IN_PROGRESS", get(id).json().get("status").asText());
        fake.server().clock().advance(Duration.ofMinutes(9));
        JsonNode done = get(id).json();
        assertEquals("COMPLETED", done.get("status").asText());
        assertEquals(done.get("createdAt").asLong() + Duration.ofMinutes(10).toMillis(), done.get("completedAt").asLong());
        String downloadUrl = done.get("downloadUrl").asText();
        RawHttp.Response download = http.send(HttpRequest.newBuilder(URI.create(downloadUrl)));
        assertEquals(200, download.status(), downloadUrl);
        assertEquals(id, download.json().get("id").asText());
    }

    @Test
    void deletionsHaveNoDownload() {
        String id = create(DELETION, null).header("X-RestLi-Id");
        fake.server().clock().advance(Duration.ofHours(1));
        http.login("client-a", "secret-a");
        JsonNode done = get(id).json();
        assertEquals("COMPLETED", done.get("status").asText());
        assertFalse(done.has("downloadUrl"));
    }

    private RawHttp.Response get(String id) {
        return http.api("GET", "/dataRequests/" + id, null, null);
    }

    @Test
    void unknownOrForeignIdsAre404() {
        assertEquals(404, get("nope").status());
        String id = create(EXPORT, null).header("X-RestLi-Id");
        RawHttp b = new RawHttp(fake.server()).login("client-b", "secret-b");
        assertEquals(404, b.api("GET", "/dataRequests/" + id, null, null).status());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"type\":\"EXPORT\",\"scope\":{\"type\":\"SEAT\",\"seat\":\"urn:li:seat:7\"},\"categories\":[\"SAVED_LEADS\"]}"
                    + "|dataRequest.categories[0]: SAVED_LEADS can be deleted but not exported",
            "{\"type\":\"DELETION\",\"scope\":{\"type\":\"SEAT\",\"seat\":\"urn:li:seat:7\"},\"categories\":[\"NOTES\"]}"
                    + "|dataRequest.confirmIrreversible: must be true for a DELETION request (a deletion cannot be undone)",
            "{\"type\":\"DELETION\",\"scope\":{\"type\":\"SEAT\",\"seat\":\"urn:li:seat:7\"},\"categories\":[\"NOTES\"],\"confirmIrreversible\":false}"
                    + "|dataRequest.confirmIrreversible: must be true for a DELETION request (a deletion cannot be undone)",
            "{\"type\":\"EXPORT\",\"scope\":{\"type\":\"SEAT\",\"contract\":\"urn:li:contract:1\"},\"categories\":[\"NOTES\"]}"
                    + "|dataRequestScope.seat: is required",
            "{\"type\":\"EXPORT\",\"scope\":{\"type\":\"ORG\"},\"categories\":[\"NOTES\"]}"
                    + "|dataRequest.scope.type: must be SEAT or CONTRACT",
            "{\"type\":\"EXPORT\",\"scope\":{\"type\":\"SEAT\",\"seat\":\"urn:li:seat:7\"},\"categories\":[\"NOPE\"]}"
                    + "|dataRequest.categories: unknown category NOPE",
            "{\"type\":\"EXPORT\",\"scope\":{\"type\":\"SEAT\",\"seat\":\"urn:li:seat:7\"},\"categories\":[]}"
                    + "|dataRequest.categories: must not be empty",
            "{\"type\":\"ARCHIVE\",\"scope\":{\"type\":\"SEAT\",\"seat\":\"urn:li:seat:7\"},\"categories\":[\"NOTES\"]}"
                    + "|dataRequest.type: must be EXPORT or DELETION"})
    void invalidRequestsAre422WithTheModelsMessage(String body, String message) {
        RawHttp.Response r = create(body, null);
        assertEquals(422, r.status(), r.body());
        assertEquals(message, r.json().get("message").asText());
        assertEquals(422, r.json().get("status").asInt());
        assertEquals(0, fake.server().state(ORG_A).count("dataRequests"));
    }

    @Test
    void idempotencyKeyReturnsTheSameRequestFor24Hours() {
        RawHttp.Response first = create(EXPORT, "key-1");
        RawHttp.Response again = create(EXPORT, "key-1");
        assertEquals(201, again.status());
        assertEquals(first.header("X-RestLi-Id"), again.header("X-RestLi-Id"));
        assertEquals(1, fake.server().state(ORG_A).count("dataRequests"));

        RawHttp.Response otherBody = create(DELETION, "key-1");
        assertEquals(409, otherBody.status());

        fake.server().clock().advance(Duration.ofHours(24));
        http.login("client-a", "secret-a");
        RawHttp.Response later = create(EXPORT, "key-1");
        assertNotEquals(first.header("X-RestLi-Id"), later.header("X-RestLi-Id"));
        assertNotEquals(first.header("X-RestLi-Id"), create(EXPORT, null).header("X-RestLi-Id"));
        assertEquals(3, fake.server().state(ORG_A).count("dataRequests"));
    }
}
