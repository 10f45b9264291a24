package dev.crmconnect.testkit;

import static dev.crmconnect.testkit.RawHttp.ORG_A;
import static dev.crmconnect.testkit.RawHttp.ORG_A_ENCODED;
import static dev.crmconnect.testkit.RawHttp.ORG_B;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crmconnect.sdk.internal.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** 1-Click Export pushes, exported candidates, deletion notices, lag and retention. */
class ExportsAndNoticesContractTest {

    @RegisterExtension
    static FakeCrmConnectExtension fake = FakeCrmConnectExtension.of(FakeCrmConnect.builder()
            .tenant(new FakeTenant("client-a", "secret-a", ORG_A))
            .tenant(new FakeTenant("client-b", "secret-b", ORG_B))
            .pushRetryBackoff(Duration.ofMillis(5)));

    private static final String MEMBER = "urn:li:person:42";
    private static final String FEED = "q=integrationContext&integrationContext=" + ORG_A_ENCODED;

    private RawHttp a;

    @BeforeEach
    void setUp() {
        a = new RawHttp(fake.server()).login("client-a", "secret-a");
        fake.server().addMember(FakeMember.builder(MEMBER).name("Ada", "Lovelace")
                .currentPosition("Engineer", "Analytical Engines").location("London", null, "GB")
                .profileUrl("https://www.linkedin.com/in/ada").build());
    }

    static String hmacHex(byte[] body, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    @Test
    void exportPushesASignedEventAndTheCandidateCanBeFetched() throws Exception {
        try (PushReceiver receiver = new PushReceiver()) {
            fake.server().addTenant(new FakeTenant("client-a", "secret-a", ORG_A, receiver.url()));
            fake.server().clock().freeze();
            long now = fake.server().clock().millis();

            String requestId = fake.server().export(MEMBER, ORG_A, ExportDestination.pool("p-1"), "urn:li:seat:7");

            assertTrue(fake.server().awaitPushes(Duration.ofSeconds(10)));
            PushReceiver.Push push = receiver.pushes().get(0);
            assertEquals("hmacsha256=" + hmacHex(push.body(), "secret-a"), push.signature());
            assertTrue(push.contentType().startsWith("application/json"));
            JsonNode event = Json.mapper().readTree(push.body());
            assertEquals("EXPORT_CANDIDATE_PROFILE", event.get("eventType").asText());
            assertEquals(requestId, event.get("requestId").asText());
            assertEquals(ORG_A, event.get("integrationContext").asText());
            assertEquals(now, event.get("occurredAt").asLong());

            JsonNode page = a.finder("exportedCandidates", "q=request&requestId=" + requestId).json();
            assertEquals(1, page.at("/paging/total").asInt());
            JsonNode candidate = page.at("/elements/0");
            assertEquals(requestId, candidate.get("requestId").asText());
            assertEquals(MEMBER, candidate.get("member").asText());
            assertEquals("Ada", candidate.get("firstName").asText());
            assertEquals("London", candidate.at("/location/city").asText());
            assertFalse(candidate.get("location").has("geographicArea"), "hidden fields are omitted");
            assertEquals("urn:li:seat:7", candidate.get("exportedBy").asText());
            assertEquals("POOL", candidate.at("/destination/type").asText());
            assertEquals("p-1", candidate.at("/destination/crmId").asText());
            assertEquals(now, candidate.get("exportedAt").asLong());
            assertEquals(ORG_A, candidate.get("integrationContext").asText());
        }
    }

    @Test
    void anotherTenantCannotFetchTheCandidate() {
        String requestId = fake.server().export(MEMBER, ORG_A, ExportDestination.vacancy("v-1"));
        RawHttp b = new RawHttp(fake.server()).login("client-b", "secret-b");
        assertEquals(0, b.finder("exportedCandidates", "q=request&requestId=" + requestId).json()
                .at("/paging/total").asInt());
    }

    @Test
    void aPushIsRetriedOnNon200UpToSixTimes() throws Exception {
        try (PushReceiver flaky = new PushReceiver(500, 503, 200);
             PushReceiver dead = new PushReceiver(500, 500, 500, 500, 500, 500, 500, 500, 500)) {
            fake.server().addTenant(new FakeTenant("client-a", "secret-a", ORG_A, flaky.url()));
            fake.server().addTenant(new FakeTenant("client-b", "secret-b", ORG_B, dead.url()));
            fake.server().export(MEMBER, ORG_A, ExportDestination.pool("p"));
            fake.server().export(MEMBER, ORG_B, ExportDestination.pool("p"));

            assertTrue(fake.server().awaitPushes(Duration.ofSeconds(20)));
            assertEquals(3, flaky.pushes().size());
            assertEquals(7, dead.pushes().size(), "the first attempt and 6 retries");
            List<PushDelivery> deliveries = fake.server().pushDeliveries();
            assertTrue(deliveries.stream().anyMatch(d -> d.delivered() && d.attempts() == 3));
            assertTrue(deliveries.stream().anyMatch(d -> !d.delivered() && d.attempts() == 7 && d.lastStatus() == 500));
            // Every retry carries the same body and signature.
            assertEquals(1, dead.pushes().stream().map(p -> new String(p.body(), StandardCharsets.UTF_8)).distinct().count());
        }
    }

    @Test
    void integrationStatusChangeIsPushedSigned() throws Exception {
        try (PushReceiver receiver = new PushReceiver()) {
            fake.server().addTenant(new FakeTenant("client-a", "secret-a", ORG_A, receiver.url()));
            fake.server().sendIntegrationStatusChange(ORG_A);
            assertTrue(fake.server().awaitPushes(Duration.ofSeconds(10)));
            PushReceiver.Push push = receiver.pushes().get(0);
            assertEquals("hmacsha256=" + hmacHex(push.body(), "secret-a"), push.signature());
            assertEquals("INTEGRATION_STATUS_CHANGE", Json.mapper().readTree(push.body()).get("eventType").asText());
        }
    }

    @Test
    void exportNeedsAKnownMemberAndTenant() {
        assertThrows(IllegalArgumentException.class,
                () -> fake.server().export("urn:li:person:404", ORG_A, ExportDestination.pool("p")));
        assertThrows(IllegalArgumentException.class,
                () -> fake.server().export(MEMBER, "urn:li:organization:9", ExportDestination.pool("p")));
    }

    @Test
    void deletingAMemberPublishesANoticeToEveryOrganizationThatExportedIt() {
        fake.server().clock().freeze();
        String exportA1 = fake.server().export(MEMBER, ORG_A, ExportDestination.pool("p"));
        long firstExport = fake.server().clock().millis();
        fake.server().clock().advance(Duration.ofMinutes(1));
        String exportA2 = fake.server().export(MEMBER, ORG_A, ExportDestination.vacancy("v"));
        fake.server().export(MEMBER, ORG_B, ExportDestination.pool("p"));
        fake.server().clock().advance(Duration.ofMinutes(1));
        long deletedAt = fake.server().clock().millis();

        List<String> noticeIds = fake.server().deleteMember(MEMBER);

        assertEquals(2, noticeIds.size());
        JsonNode page = a.finder("exportDeletionNotices", FEED + "&publishedAfter=" + (deletedAt - 1)).json();
        assertEquals(1, page.at("/paging/total").asInt());
        JsonNode notice = page.at("/elements/0");
        assertTrue(noticeIds.contains(notice.get("noticeId").asText()));
        assertEquals(MEMBER, notice.get("member").asText());
        assertEquals(List.of(exportA1, exportA2), List.of(notice.at("/exportRequestIds/0").asText(),
                notice.at("/exportRequestIds/1").asText()));
        assertEquals(firstExport, notice.get("exportedAt").asLong());
        assertEquals(deletedAt, notice.get("memberDeletedAt").asLong());
        assertEquals(deletedAt, notice.get("publishedAt").asLong());
        assertEquals(0, a.finder("exportDeletionNotices", FEED + "&publishedAfter=" + deletedAt).json()
                .at("/paging/total").asInt(), "strictly after the watermark");

        assertEquals(0, a.finder("exportedCandidates", "q=request&requestId=" + exportA1).json()
                .at("/paging/total").asInt(), "a deleted member's profile is gone");
    }

    @Test
    void noticesComeOldestFirstAndPage() {
        fake.server().clock().freeze();
        for (int i = 0; i < 12; i++) {
            String member = "urn:li:person:" + (100 + i);
            fake.server().addMember(FakeMember.builder(member).build());
            fake.server().export(member, ORG_A, ExportDestination.pool("p"));
            fake.server().clock().advance(Duration.ofSeconds(i % 3 == 0 ? 1 : 0));
            fake.server().deleteMember(member);
        }
        JsonNode first = a.finder("exportDeletionNotices", FEED).json();
        JsonNode second = a.finder("exportDeletionNotices", FEED + "&start=10").json();
        assertEquals(12, first.at("/paging/total").asInt());
        assertEquals(10, first.get("elements").size());
        assertEquals(2, second.get("elements").size());
        JsonNode previous = null;
        for (JsonNode page : List.of(first, second)) {
            for (JsonNode n : page.get("elements")) {
                if (previous != null) {
                    int byTime = Long.compare(previous.get("publishedAt").asLong(), n.get("publishedAt").asLong());
                    assertTrue(byTime < 0 || (byTime == 0
                            && previous.get("noticeId").asText().compareTo(n.get("noticeId").asText()) < 0), n.toString());
                }
                previous = n;
            }
        }
    }

    @Test
    void publicationLagMakesANoticeVisibleAfterALaterOne() {
        fake.server().clock().freeze();
        String late = "urn:li:person:1";
        String early = "urn:li:person:2";
        for (String m : List.of(late, early)) {
            fake.server().addMember(FakeMember.builder(m).build());
            fake.server().export(m, ORG_A, ExportDestination.pool("p"));
        }
        long start = fake.server().clock().millis();
        String lateNotice = fake.server().deleteMember(late, Duration.ofMinutes(3)).get(0);
        fake.server().clock().advance(Duration.ofSeconds(10));
        String earlyNotice = fake.server().deleteMember(early, Duration.ZERO).get(0);

        JsonNode before = a.finder("exportDeletionNotices", FEED + "&publishedAfter=" + (start - 1)).json();
        assertEquals(1, before.at("/paging/total").asInt());
        assertEquals(earlyNotice, before.at("/elements/0/noticeId").asText());

        fake.server().clock().advance(Duration.ofMinutes(3));
        JsonNode after = a.finder("exportDeletionNotices", FEED + "&publishedAfter=" + (start - 1)).json();
        assertEquals(2, after.at("/paging/total").asInt());
        assertEquals(lateNotice, after.at("/elements/0/noticeId").asText(), "older publishedAt comes first");
        assertTrue(after.at("/elements/0/publishedAt").asLong() < before.at("/elements/0/publishedAt").asLong());
    }

    @Test
    void configuredLagDelaysSomeNoticesAndIsReproducibleBySeed() {
        List<Boolean> first = visibleRightAway(7);
        List<Boolean> second = visibleRightAway(7);
        assertEquals(first, second, "seed 7");
        assertTrue(first.contains(false), "with a 5-minute lag some notices are late; seed 7: " + first);
    }

    private static List<Boolean> visibleRightAway(long seed) {
        try (FakeCrmConnect lagged = FakeCrmConnect.builder().seed(seed).publicationLag(Duration.ofMinutes(5))
                .tenant(new FakeTenant("c", "s", ORG_A)).start()) {
            lagged.clock().freeze();
            RawHttp http = new RawHttp(lagged).login("c", "s");
            List<String> ids = new java.util.ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String member = "urn:li:person:" + i;
                lagged.addMember(FakeMember.builder(member).build());
                lagged.export(member, ORG_A, ExportDestination.pool("p"));
                ids.add(lagged.deleteMember(member).get(0));
            }
            String visible = http.finder("exportDeletionNotices", FEED + "&count=100").body();
            List<Boolean> out = ids.stream().map(visible::contains).toList();
            lagged.clock().advance(Duration.ofMinutes(5));
            assertEquals(10, http.finder("exportDeletionNotices", FEED).json().at("/paging/total").asInt(),
                    "all visible once the lag has passed");
            return out;
        }
    }

    @Test
    void watermarkOlderThanThirtyDaysIs410() {
        fake.server().clock().freeze();
        fake.server().clock().set(Instant.parse("2025-03-01T00:00:00Z"));
        long now = fake.server().clock().millis();
        long thirtyDays = Duration.ofDays(30).toMillis();

        RawHttp.Response gone = a.finder("exportDeletionNotices", FEED + "&publishedAfter=" + (now - thirtyDays - 1));
        assertEquals(410, gone.status(), gone.body());
        assertEquals(410001, gone.json().get("serviceErrorCode").asInt());
        assertEquals(410, gone.json().get("status").asInt());

        assertEquals(200, a.finder("exportDeletionNotices", FEED + "&publishedAfter=" + (now - thirtyDays)).status());
    }

    @Test
    void noticesOlderThanRetentionDisappear() {
        fake.server().clock().freeze();
        fake.server().export(MEMBER, ORG_A, ExportDestination.pool("p"));
        fake.server().deleteMember(MEMBER);
        assertEquals(1, a.finder("exportDeletionNotices", FEED).json().at("/paging/total").asInt());
        fake.server().clock().advance(Duration.ofDays(30).plusMillis(1));
        assertEquals(0, a.finder("exportDeletionNotices", FEED).json().at("/paging/total").asInt());
    }
}
