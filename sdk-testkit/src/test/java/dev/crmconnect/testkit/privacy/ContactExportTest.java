package dev.crmconnect.testkit.privacy;

import static dev.crmconnect.testkit.privacy.Seed.ERASED;
import static dev.crmconnect.testkit.privacy.Seed.ERASED_NOTES;
import static dev.crmconnect.testkit.privacy.Seed.KEPT;
import static dev.crmconnect.testkit.privacy.Seed.ORG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crmconnect.sdk.CrmConnectClient;
import dev.crmconnect.sdk.internal.json.Json;
import dev.crmconnect.sdk.privacy.ContactBundle;
import dev.crmconnect.sdk.privacy.ContactExporter;
import dev.crmconnect.testkit.FakeCrmConnect;
import dev.crmconnect.testkit.FakeCrmConnectExtension;
import dev.crmconnect.testkit.FakeTenant;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The export bundle of one contact, read back from the fake. */
class ContactExportTest {

    @RegisterExtension
    static FakeCrmConnectExtension fake = FakeCrmConnectExtension.of(FakeCrmConnect.builder()
            .tenant(new FakeTenant("client-a", "secret-a", ORG)));

    private CrmConnectClient client;

    @BeforeEach
    void setUp() {
        client = fake.server().client();
        Seed.records(client);
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void theBundleHoldsEverythingOfTheContactAndNothingElse() throws Exception {
        Map<String, Integer> countsBefore = fake.server().state(ORG).counts();
        Instant at = Instant.parse("2024-06-07T10:00:00Z");

        ContactBundle bundle = ContactExporter.of(client, Clock.fixed(at, ZoneOffset.UTC)).export(ERASED);
        StringWriter out = new StringWriter();
        bundle.writeJson(out);
        JsonNode doc = Json.mapper().readTree(out.toString());

        assertEquals("crmconnect.contactBundle.v1", doc.get("schema").asText());
        assertEquals(ORG, doc.get("integrationContext").asText());
        assertEquals(at.toEpochMilli(), doc.get("exportedAt").asLong());
        assertEquals(ERASED, doc.at("/contact/crmId").asText());
        assertEquals("Erin", doc.at("/contact/firstName").asText());
        assertEquals("erin@example.com", doc.at("/contact/emailAddresses/0").asText());
        assertEquals("UNMATCHED", doc.at("/contact/match/status").asText());
        assertEquals(ERASED_NOTES, doc.get("notes").size());
        assertEquals(1, doc.get("emailInteractions").size());
        assertEquals(2, doc.get("applications").size());
        assertEquals(2, doc.get("poolMemberships").size());
        assertEquals("pool-a", doc.at("/poolMemberships/0/poolCrmId").asText());
        assertEquals("s-1", doc.at("/poolMemberships/0/stepId").asText());
        for (String list : new String[] {"notes", "emailInteractions", "applications"}) {
            for (JsonNode record : doc.get(list)) {
                assertEquals(ERASED, record.get("contactId").asText(), list);
            }
        }
        assertFalse(out.toString().contains(KEPT), "nothing of another contact");
        assertEquals(countsBefore, fake.server().state(ORG).counts(), "reading changes nothing");
        assertTrue(fake.server().journal().stream().noneMatch(e -> String.valueOf(e.restLiMethod()).contains("DELETE")));
    }

    @Test
    void anUnknownContactGivesAnEmptyBundle() {
        ContactBundle bundle = ContactExporter.of(client).export("nobody");
        assertTrue(bundle.isEmpty(), bundle.toString());
        assertTrue(bundle.contactRecord().isEmpty());
    }
}
