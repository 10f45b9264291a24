package dev.crmconnect.testkit;

import static dev.crmconnect.testkit.RawHttp.ORG_A;
import static dev.crmconnect.testkit.RawHttp.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Several fakes side by side, the journal, the stored state and the clock. */
class IsolationAndInspectionTest {

    private static FakeCrmConnect startWithTenant() {
        return FakeCrmConnect.builder().tenant(new FakeTenant("client-a", "secret-a", ORG_A)).start();
    }

    private static int writeContacts(FakeCrmConnect fake, String prefix, int n) {
        RawHttp http = new RawHttp(fake).login("client-a", "secret-a");
        for (int i = 0; i < n; i++) {
            String k = key(prefix + i);
            assertEquals(200, http.batchUpdate("crmContacts", k, "{\"entities\":{\"" + k + "\":{\"firstName\":\"N\"}}}")
                    .status());
        }
        return n;
    }

    @Test
    void fakesRunningAtTheSameTimeShareNothing() throws Exception {
        try (FakeCrmConnect one = startWithTenant(); FakeCrmConnect two = startWithTenant()) {
            assertNotEquals(one.port(), two.port());
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<Integer> a = pool.submit(() -> writeContacts(one, "one-", 30));
                Future<Integer> b = pool.submit(() -> writeContacts(two, "two-", 20));
                assertEquals(30, a.get());
                assertEquals(20, b.get());
            } finally {
                pool.shutdown();
            }
            assertEquals(30, one.state(ORG_A).count("crmContacts"));
            assertEquals(20, two.state(ORG_A).count("crmContacts"));
            assertTrue(one.state(ORG_A).entities("crmContacts").keySet().stream().allMatch(id -> id.startsWith("one-")));
            one.clock().advance(Duration.ofDays(1));
            assertTrue(Math.abs(two.clock().millis() - System.currentTimeMillis()) < Duration.ofHours(1).toMillis());
            assertEquals(31, one.journal().size(), "one token call and 30 updates");
        }
    }

    @Test
    void theJournalRecordsDecodedCalls() {
        try (FakeCrmConnect fake = startWithTenant()) {
            RawHttp http = new RawHttp(fake).login("client-a", "secret-a");
            String k1 = key("Zo%C3%AB%2C1");
            String k2 = key("c-2");
            http.batchGet("crmContacts", k1 + "," + k2);
            http.api("PUT", "/crmPools/" + key("p-1") + "/members?ids=List(m%201)", "BATCH_UPDATE",
                    "{\"entities\":{\"m%201\":{}}}");
            http.useToken("bad");
            http.finder("crmNotes", "q=contact&contactId=c");

            List<JournalEntry> journal = fake.journal();
            assertEquals(4, journal.size());
            JournalEntry token = journal.get(0);
            assertEquals("/oauth/v2/accessToken", token.path());
            assertNull(token.restLiMethod());
            assertEquals(200, token.status());

            JournalEntry get = journal.get(1);
            assertEquals("GET", get.httpMethod());
            assertEquals("BATCH_GET", get.restLiMethod());
            assertEquals("client-a", get.clientId());
            assertEquals(Map.of("crmId", "Zoë,1", "dataProvider", "CRM", "integrationContext", ORG_A), get.keys().get(0));
            assertEquals(2, get.keys().size());
            assertEquals(200, get.status());
            assertTrue(get.requestId() != null && !get.requestId().isEmpty());

            JournalEntry members = journal.get(2);
            assertEquals(List.of("m 1"), members.keys());
            assertEquals(404, members.status(), "the pool does not exist");

            JournalEntry unauthorized = journal.get(3);
            assertNull(unauthorized.clientId());
            assertEquals(401, unauthorized.status());
        }
    }

    @Test
    void stateShowsWhatEachTenantHolds() {
        try (FakeCrmConnect fake = startWithTenant()) {
            writeContacts(fake, "c-", 2);
            TenantState state = fake.state(ORG_A);
            assertEquals(List.of("client-a"), state.clientIds());
            assertEquals(2, state.count("crmContacts"));
            assertEquals(0, state.count("crmNotes"));
            assertEquals("N", state.entities("crmContacts").get("c-0").get("firstName"));
            assertFalse(state.toString().contains("N\""), "toString shows counts only");
            assertEquals(0, fake.state("urn:li:organization:77").count("crmContacts"));
            assertEquals(1, fake.states().size());
        }
    }

    @Test
    void clockFollowsSystemTimeUntilMovedOrFrozen() {
        try (FakeCrmConnect fake = FakeCrmConnect.start()) {
            FakeClock clock = fake.clock();
            assertFalse(clock.isFrozen());
            clock.set(Instant.parse("2030-01-01T00:00:00Z"));
            assertTrue(clock.now().isAfter(Instant.parse("2029-12-31T23:59:59Z")));
            clock.freeze();
            Instant frozen = clock.now();
            assertEquals(frozen, clock.now());
            clock.advance(Duration.ofSeconds(90));
            assertEquals(frozen.plusSeconds(90), clock.now());
            clock.resume();
            assertFalse(clock.now().isBefore(frozen.plusSeconds(90)));
            assertThrows(IllegalArgumentException.class, () -> clock.advance(Duration.ofSeconds(-1)));
            clock.reset();
            assertTrue(Math.abs(clock.millis() - System.currentTimeMillis()) < Duration.ofHours(1).toMillis());
        }
    }

    @Test
    void clockIsAJavaTimeClockInUtcWhoseZonedViewsFollowIt() {
        try (FakeCrmConnect fake = FakeCrmConnect.start()) {
            FakeClock fakeClock = fake.clock();
            fakeClock.set(Instant.parse("2030-01-01T00:00:00Z"));
            fakeClock.freeze();
            Clock clock = fakeClock;
            Clock paris = clock.withZone(ZoneId.of("Europe/Paris"));
            assertEquals(ZoneOffset.UTC, clock.getZone());
            assertEquals(Instant.parse("2030-01-01T00:00:00Z"), Instant.now(clock));
            assertEquals(LocalTime.of(1, 0), LocalTime.now(paris));

            fakeClock.advance(Duration.ofHours(2));
            assertEquals(Instant.parse("2030-01-01T02:00:00Z"), paris.instant());
            assertEquals(fakeClock.millis(), paris.millis());
            assertEquals(LocalTime.of(3, 0), LocalTime.now(paris));
            assertEquals(fakeClock, paris.withZone(ZoneOffset.UTC));
        }
    }

    @Test
    void clientIsReadyForTheRegisteredTenant() {
        try (FakeCrmConnect fake = startWithTenant()) {
            try (dev.crmconnect.sdk.CrmConnectClient client = fake.client()) {
                assertEquals(ORG_A, client.integrationContext());
            }
            assertThrows(IllegalArgumentException.class, () -> fake.client("nobody"));
            fake.addTenant(new FakeTenant("client-b", "secret-b", "urn:li:organization:2"));
            assertThrows(IllegalStateException.class, fake::client);
            try (dev.crmconnect.sdk.CrmConnectClient client = fake.client("client-b")) {
                assertEquals("urn:li:organization:2", client.integrationContext());
            }
        }
    }

    @Test
    void secretsAndPersonalDataStayOutOfToString() {
        FakeTenant tenant = new FakeTenant("client-a", "very-secret", ORG_A, "https://crm.example.com/hook");
        assertFalse(tenant.toString().contains("very-secret"));
        FakeMember member = FakeMember.builder("urn:li:person:1").name("Ada", "Lovelace").emailAddress("ada@example.com").build();
        assertFalse(member.toString().contains("Ada") || member.toString().contains("ada@"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FakeTenant("c", "s", "org-1"));
        assertTrue(e.getMessage().startsWith("tenant.integrationContext:"));
    }
}
