package dev.crmconnect.testkit.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmconnect.model.Address;
import dev.crmconnect.model.Contact;
import dev.crmconnect.model.Match;
import dev.crmconnect.model.MatchStatus;
import dev.crmconnect.model.PhoneNumber;
import dev.crmconnect.model.Resume;
import dev.crmconnect.model.Visibility;
import dev.crmconnect.sdk.BatchResult;
import dev.crmconnect.sdk.CrmConnectClient;
import dev.crmconnect.sdk.GetResult;
import dev.crmconnect.sdk.Page;
import dev.crmconnect.sdk.RecordResult;
import dev.crmconnect.sdk.RecordResult.Outcome;
import dev.crmconnect.sdk.RequestOptions;
import dev.crmconnect.testkit.FakeCrmConnect;
import dev.crmconnect.testkit.FakeCrmConnectExtension;
import dev.crmconnect.testkit.FakeMember;
import dev.crmconnect.testkit.FakeTenant;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The client's contact service against the fake: upsert, get, list, delete, matching and manual match. */
class ContactsIntegrationTest {

    static final String ORG = "urn:li:organization:1001";
    static final String OTHER_ORG = "urn:li:organization:2002";

    @RegisterExtension
    static FakeCrmConnectExtension fake = FakeCrmConnectExtension.of(FakeCrmConnect.builder()
            .tenant(new FakeTenant("client-a", "secret-a", ORG))
            .tenant(new FakeTenant("client-b", "secret-b", OTHER_ORG)));

    private CrmConnectClient client;

    @BeforeEach
    void connect() {
        client = fake.server().client("client-a");
    }

    @AfterEach
    void close() {
        client.close();
    }

    static Contact contact(String crmId, String firstName) {
        return Contact.builder().crmId(crmId).firstName(firstName).lastName("Lovelace")
                .emailAddresses(firstName.toLowerCase() + "@example.com")
                .phoneNumbers(PhoneNumber.builder().number("+44 20 7946 0958").extension("12").build())
                .addresses(Address.builder().line1("1 Main St").city("London").country("GB").build())
                .currentJobTitle("Engineer").currentCompanyName("Analytical Engines").doNotContact(false)
                .resumes(Resume.builder().fileName("cv.pdf").contentType("application/pdf").sizeBytes(1234)
                        .url("https://files.example.com/cv.pdf").attachedAt(Instant.ofEpochMilli(1_700_000_000_000L))
                        .build())
                .crmCreatedAt(Instant.ofEpochMilli(1_700_000_000_000L))
                .crmLastModifiedAt(Instant.ofEpochMilli(1_700_000_360_000L))
                .build();
    }

    @Test
    void upsertGetListAndDeleteRoundTripEveryField() {
        // Ids with Unicode and Rest.li's reserved characters travel as keys both ways.
        List<Contact> sent = List.of(contact("c-1", "Ada"), contact("Zoë, (2):'x'", "Zoe"), contact("c 3/%", "Cy"));
        Contact hidden = contact("c-private", "Hidden").toBuilder().visibility(Visibility.PRIVATE).build();

        BatchResult upserted = client.contacts().upsert(List.of(sent.get(0), sent.get(1), hidden, sent.get(2)));
        assertEquals(List.of(Outcome.STORED, Outcome.STORED, Outcome.SKIPPED_PRIVATE, Outcome.STORED),
                outcomes(upserted), upserted.results().toString());
        assertEquals(3, fake.server().state(ORG).count("crmContacts"), "the private contact was never sent");

        GetResult<Contact> got = client.contacts().get(List.of("Zoë, (2):'x'", "absent", "c-1"));
        assertEquals(List.of("Zoë, (2):'x'", "c-1"), List.copyOf(got.found().keySet()));
        assertEquals(List.of("absent"), got.missing());
        for (Contact contact : got.found().values()) {
            assertEquals(MatchStatus.UNMATCHED, contact.match().status());
            assertEquals(sentWithId(sent, contact.crmId()), contact.toBuilder().match(null).build());
        }

        Map<String, Contact> listed = client.contacts().list().stream()
                .collect(Collectors.toMap(Contact::crmId, c -> c));
        assertEquals(sent.stream().collect(Collectors.toMap(Contact::crmId, c -> c)), listed);

        BatchResult deleted = client.contacts().delete(List.of("c-1", "never-there", "c-1"));
        assertEquals(List.of(Outcome.DELETED, Outcome.DELETED, Outcome.DELETED), outcomes(deleted));
        assertEquals(2, fake.server().state(ORG).count("crmContacts"));
        assertEquals(List.of("c-1"), client.contacts().get(List.of("c-1")).missing());
    }

    @Test
    void aFullReplaceClearsOmittedFields() {
        client.contacts().upsert(List.of(contact("c-1", "Ada")));
        Contact bare = Contact.builder().crmId("c-1").firstName("Ada").build();
        assertTrue(client.contacts().upsert(List.of(bare)).allSucceeded());
        assertEquals(bare, client.contacts().get(List.of("c-1")).found().get("c-1").toBuilder().match(null).build());
    }

    @Test
    void listingPagesThroughManyContactsInKeyOrder() {
        List<Contact> sent = new java.util.ArrayList<>();
        for (int i = 0; i < 250; i++) {
            sent.add(Contact.builder().crmId(String.format("c-%03d", i)).firstName("N" + i).build());
        }
        assertTrue(client.contacts().upsert(sent).allSucceeded());
        assertEquals(sent, client.contacts().list().stream().toList());

        Page<Contact> page = await(await(await(client.contacts().listAsync()).nextAsync()).nextAsync());
        assertEquals(50, page.elements().size());
        assertEquals(200, page.start());
        assertEquals(250, page.total().orElseThrow());
    }

    @Test
    void contactsAreMatchedByProfileUrlElseEmail() {
        fake.server().addMember(FakeMember.builder("urn:li:person:ada").name("Ada", "Lovelace")
                .emailAddress("ada@example.com").profileUrl("https://www.linkedin.com/in/ada-lovelace").build());
        fake.server().addMember(FakeMember.builder("urn:li:person:bob").name("Bob", "Babbage")
                .emailAddress("bob@example.com").build());
        client.contacts().upsert(List.of(
                Contact.builder().crmId("by-url").firstName("A")
                        .linkedInProfileUrl("http://LinkedIn.com/in/ada-lovelace/").build(),
                Contact.builder().crmId("by-email").firstName("B").emailAddresses("x@example.org", "BOB@example.com")
                        .build(),
                Contact.builder().crmId("url-beats-email").firstName("C")
                        .linkedInProfileUrl("https://www.linkedin.com/in/ada-lovelace")
                        .emailAddresses("bob@example.com").build(),
                Contact.builder().crmId("nobody").firstName("D").emailAddresses("d@example.net").build()));

        Map<String, Contact> found = client.contacts().get(List.of("by-url", "by-email", "url-beats-email", "nobody"))
                .found();
        assertEquals(Match.builder().status(MatchStatus.MATCHED).member("urn:li:person:ada")
                .profileUrl("https://www.linkedin.com/in/ada-lovelace").build(), found.get("by-url").match());
        assertEquals(Match.builder().status(MatchStatus.MATCHED).member("urn:li:person:bob").build(),
                found.get("by-email").match());
        assertEquals("urn:li:person:ada", found.get("url-beats-email").match().member());
        assertEquals(MatchStatus.UNMATCHED, found.get("nobody").match().status());
    }

    @Test
    void aManualMatchIsReflectedInMatch() {
        fake.server().addMember(FakeMember.builder("urn:li:person:ada").name("Ada", "Lovelace")
                .profileUrl("https://www.linkedin.com/in/ada").build());
        client.contacts().upsert(List.of(Contact.builder().crmId("c-1").firstName("Ada").build()));

        RecordResult matched = client.contacts().matchManually("c-1", "urn:li:person:ada");
        assertEquals(Outcome.STORED, matched.outcome(), matched.toString());
        assertEquals(Match.builder().status(MatchStatus.MANUAL).member("urn:li:person:ada")
                        .profileUrl("https://www.linkedin.com/in/ada").build(),
                client.contacts().get(List.of("c-1")).found().get("c-1").match());

        RecordResult absent = await(client.contacts().matchManuallyAsync("nobody", "urn:li:person:ada"));
        assertEquals(Outcome.FAILED, absent.outcome());
        assertEquals(404, absent.status(), absent.toString());

        // A full replace of the contact keeps LinkedIn's manual match; deleting the contact drops it.
        client.contacts().upsert(List.of(Contact.builder().crmId("c-1").firstName("Ada").lastName("L").build()));
        assertEquals(MatchStatus.MANUAL, client.contacts().get(List.of("c-1")).found().get("c-1").match().status());
        client.contacts().delete(List.of("c-1"));
        client.contacts().upsert(List.of(Contact.builder().crmId("c-1").firstName("Ada").build()));
        assertEquals(MatchStatus.UNMATCHED, client.contacts().get(List.of("c-1")).found().get("c-1").match().status());
    }

    @Test
    void tenantsSeeOnlyTheirOwnContacts() {
        client.contacts().upsert(List.of(contact("c-1", "Ada")));
        try (CrmConnectClient other = fake.server().client("client-b")) {
            assertEquals(List.of("c-1"), other.contacts().get(List.of("c-1")).missing());
            assertEquals(0, other.contacts().list().stream().count());
            assertTrue(other.contacts().upsert(List.of(contact("c-1", "Bea"))).allSucceeded());
        }
        assertEquals("Ada", client.contacts().get(List.of("c-1")).found().get("c-1").firstName());
        assertEquals(1, fake.server().state(OTHER_ORG).count("crmContacts"));
    }

    @Test
    void anExpiredTokenIsRefreshedOnceAndTheCallSucceeds() {
        client.contacts().upsert(List.of(contact("c-1", "Ada")));
        fake.server().clock().advance(Duration.ofMinutes(31)); // the fake's token expired; the client's has not
        assertEquals(List.of("c-1"), List.copyOf(client.contacts().get(List.of("c-1")).found().keySet()));
        long unauthorized = fake.server().journal().stream().filter(e -> e.status() == 401).count();
        assertEquals(1, unauthorized, "one 401, then a fresh token");
    }

    @Test
    void asyncTwinsComplete() {
        BatchResult stored = await(client.contacts().upsertAsync(List.of(contact("c-1", "Ada"))));
        assertTrue(stored.allSucceeded());
        assertEquals(1, await(client.contacts().getAsync(List.of("c-1"))).found().size());
        assertTrue(await(client.contacts().deleteAsync(List.of("c-1"))).allSucceeded());
        assertEquals(0, fake.server().state(ORG).count("crmContacts"));
    }

    static List<Outcome> outcomes(BatchResult result) {
        return result.results().stream().map(RecordResult::outcome).toList();
    }

    private static Contact sentWithId(List<Contact> sent, String crmId) {
        return sent.stream().filter(c -> c.crmId().equals(crmId)).findFirst().orElseThrow();
    }

    static <T> T await(java.util.concurrent.CompletableFuture<T> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the future failed or never completed", e);
        }
    }
}
