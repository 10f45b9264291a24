package dev.crmconnect.sdk.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmconnect.model.Address;
import dev.crmconnect.model.Contact;
import dev.crmconnect.model.Destination;
import dev.crmconnect.model.DestinationType;
import dev.crmconnect.model.ExportedCandidate;
import dev.crmconnect.model.Location;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContactDraftTest {

    private static ExportedCandidate.Builder candidate() {
        return ExportedCandidate.builder()
                .requestId("req-1")
                .member("urn:li:person:42")
                .exportedAt(Instant.ofEpochMilli(1_700_000_000_000L))
                .exportedBy("urn:li:seat:7")
                .integrationContext("urn:li:organization:1001")
                .destination(Destination.builder().type(DestinationType.POOL).crmId("p-1").build());
    }

    @Test
    void everyVisibleFieldIsCarriedOver() {
        ExportedCandidate full = candidate().firstName("Ada").lastName("Lovelace")
                .currentJobTitle("Engineer").currentCompanyName("Analytical Engines")
                .profileUrl("https://www.linkedin.com/in/ada")
                .location(Location.builder().city("London").geographicArea("England").country("GB").build())
                .build();

        Contact contact = ContactDraft.of(full).toContact("c-9");

        assertEquals("c-9", contact.crmId());
        assertEquals("Ada", contact.firstName());
        assertEquals("Lovelace", contact.lastName());
        assertEquals("Engineer", contact.currentJobTitle());
        assertEquals("Analytical Engines", contact.currentCompanyName());
        assertEquals("https://www.linkedin.com/in/ada", contact.linkedInProfileUrl());
        assertEquals(List.of(Address.builder().city("London").geographicArea("England").country("GB").build()),
                contact.addresses());
        assertTrue(contact.emailAddresses().isEmpty());
        assertNull(contact.match());
    }

    @Test
    void hiddenAndBlankFieldsStayAbsent() {
        ExportedCandidate partial = candidate().firstName("Ada").lastName("  ").currentJobTitle("")
                .location(Location.builder().country("GB").city(" ").build()).build();

        Contact contact = ContactDraft.of(partial).toContact("c-9");

        assertNull(contact.lastName());
        assertNull(contact.currentJobTitle());
        assertNull(contact.currentCompanyName());
        assertNull(contact.linkedInProfileUrl());
        assertEquals(List.of(Address.builder().country("GB").build()), contact.addresses());
        assertNull(contact.addresses().get(0).city());
    }

    @Test
    void aLocationWithNothingVisibleGivesNoAddress() {
        Contact contact = ContactDraft.of(candidate().firstName("Ada")
                .location(Location.builder().city("").build()).build()).toContact("c-1");
        assertTrue(contact.addresses().isEmpty());
        assertTrue(ContactDraft.of(candidate().firstName("Ada").build()).toContact("c-1").addresses().isEmpty());
    }

    @Test
    void aHiddenFirstNameMustBeSuppliedByTheVendor() {
        ContactDraft draft = ContactDraft.of(candidate().lastName("Lovelace").build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> draft.toContact("c-1"));
        assertEquals("contact.firstName: is required", e.getMessage());
        assertEquals("Ada", draft.contact().firstName("Ada").crmId("c-1").build().firstName());
    }

    @Test
    void destinationRequestAndMemberComeFromTheExport() {
        ContactDraft draft = ContactDraft.of(candidate().firstName("Ada").build());
        assertEquals(DestinationType.POOL, draft.destination().orElseThrow().type());
        assertEquals("p-1", draft.destination().orElseThrow().crmId());
        assertEquals("req-1", draft.requestId());
        assertEquals("urn:li:person:42", draft.member());
        assertFalse(ContactDraft.of(candidate().destination(null).build()).destination().isPresent());
    }

    @Test
    void eachCallGivesAFreshBuilder() {
        ContactDraft draft = ContactDraft.of(candidate().firstName("Ada").build());
        Contact.Builder first = draft.contact();
        first.firstName("Changed");
        assertNotSame(first, draft.contact());
        assertEquals("Ada", draft.toContact("c-1").firstName());
    }

    @Test
    void toStringShowsNoNameOrUrl() {
        String text = ContactDraft.of(candidate().firstName("Adelaide").lastName("Lovelace")
                .profileUrl("https://www.linkedin.com/in/ada-secret").build()).toString();
        assertFalse(text.contains("Adelaide"), text);
        assertFalse(text.contains("Lovelace"), text);
        assertFalse(text.contains("ada-secret"), text);
        assertTrue(text.contains("req-1"), text);
    }
}
