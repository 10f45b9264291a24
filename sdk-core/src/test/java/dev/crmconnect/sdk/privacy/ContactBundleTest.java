package dev.crmconnect.sdk.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crmconnect.model.Application;
import dev.crmconnect.model.ApplicationStatus;
import dev.crmconnect.model.Contact;
import dev.crmconnect.model.CrmUser;
import dev.crmconnect.model.Direction;
import dev.crmconnect.model.EmailInteraction;
import dev.crmconnect.model.Note;
import dev.crmconnect.model.PoolMember;
import dev.crmconnect.sdk.internal.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContactBundleTest {

    private static final Instant T = Instant.ofEpochMilli(1_717_754_400_000L);

    private static ContactBundle full() {
        Contact contact = Contact.builder().crmId("c-1").firstName("Zoë").lastName("Ångström")
                .emailAddresses("zoe@example.com").crmCreatedAt(T).build();
        Note note = Note.builder().crmId("n-1").contactId("c-1").content("met at the fair\nfollow up")
                .author(CrmUser.builder().name("Rec Ruiter").build()).crmCreatedAt(T).build();
        EmailInteraction email = EmailInteraction.builder().crmId("e-1").contactId("c-1")
                .direction(Direction.INBOUND).build();
        Application application = Application.builder().crmId("a-1").contactId("c-1").vacancyId("v-1")
                .status(ApplicationStatus.ACTIVE).appliedAt(T).build();
        PoolMember member = PoolMember.builder().contactCrmId("c-1").stepId("s-1").addedAt(T).build();
        return new ContactBundle("urn:li:organization:1001", "c-1", T, contact, List.of(note), List.of(email),
                List.of(application), List.of(new PoolMembership("p-1", member)));
    }

    @Test
    void theDocumentFollowsTheDocumentedSchema() throws Exception {
        JsonNode doc = Json.mapper().readTree(full().toJson());

        assertEquals(List.of("schema", "integrationContext", "contactCrmId", "exportedAt", "contact", "notes",
                "emailInteractions", "applications", "poolMemberships"), names(doc));
        assertEquals("crmconnect.contactBundle.v1", doc.get("schema").asText());
        assertEquals("c-1", doc.get("contactCrmId").asText());
        assertEquals(T.toEpochMilli(), doc.get("exportedAt").asLong());
        assertEquals("crmId", names(doc.get("contact")).get(0));
        assertEquals("Zoë", doc.at("/contact/firstName").asText());
        assertEquals("zoe@example.com", doc.at("/contact/emailAddresses/0").asText());
        assertEquals(T.toEpochMilli(), doc.at("/contact/crmCreatedAt").asLong());
        assertFalse(doc.get("contact").has("phoneNumbers"), "absent fields are left out");
        assertFalse(doc.get("contact").has("visibility"), "not part of the contract");
        assertEquals("n-1", doc.at("/notes/0/crmId").asText());
        assertEquals("met at the fair\nfollow up", doc.at("/notes/0/content").asText());
        assertEquals("INBOUND", doc.at("/emailInteractions/0/direction").asText());
        assertEquals("ACTIVE", doc.at("/applications/0/status").asText());
        assertEquals("v-1", doc.at("/applications/0/vacancyId").asText());
        assertEquals("p-1", doc.at("/poolMemberships/0/poolCrmId").asText());
        assertEquals("s-1", doc.at("/poolMemberships/0/stepId").asText());
        assertEquals(T.toEpochMilli(), doc.at("/poolMemberships/0/addedAt").asLong());
    }

    @Test
    void anEmptyBundleKeepsItsListsAndANullContact() throws Exception {
        ContactBundle empty = new ContactBundle("urn:li:organization:1001", "c-2", T, null, List.of(), List.of(),
                List.of(), List.of());
        assertTrue(empty.isEmpty());
        JsonNode doc = Json.mapper().readTree(empty.toJson());
        assertTrue(doc.get("contact").isNull());
        for (String list : List.of("notes", "emailInteractions", "applications", "poolMemberships")) {
            assertTrue(doc.get(list).isArray() && doc.get(list).isEmpty(), list);
        }
    }

    @Test
    void writingLeavesTheTargetOpenAndUsesUtf8() throws Exception {
        boolean[] closed = {false};
        StringWriter writer = new StringWriter() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        full().writeJson(writer);
        assertFalse(closed[0]);
        assertEquals(full().toJson(), writer.toString());

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        full().writeJson(bytes);
        assertEquals("Ångström", Json.mapper().readTree(new String(bytes.toByteArray(), StandardCharsets.UTF_8))
                .at("/contact/lastName").asText());
    }

    @Test
    void toStringHoldsCountsOnly() {
        String text = full().toString();
        assertFalse(text.contains("Zoë") || text.contains("zoe@") || text.contains("fair"), text);
        assertTrue(text.contains("notes=1"), text);
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
