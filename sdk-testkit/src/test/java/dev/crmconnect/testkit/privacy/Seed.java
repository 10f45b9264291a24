package dev.crmconnect.testkit.privacy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmconnect.model.Application;
import dev.crmconnect.model.ApplicationStatus;
import dev.crmconnect.model.Contact;
import dev.crmconnect.model.CrmUser;
import dev.crmconnect.model.Direction;
import dev.crmconnect.model.EmailInteraction;
import dev.crmconnect.model.Note;
import dev.crmconnect.model.Pool;
import dev.crmconnect.model.PoolMember;
import dev.crmconnect.model.PoolStep;
import dev.crmconnect.model.Vacancy;
import dev.crmconnect.sdk.BatchResult;
import dev.crmconnect.sdk.CrmConnectClient;
import dev.crmconnect.testkit.TenantState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Synced records of two contacts, and inspection of what the fake holds of one. */
final class Seed {

    static final String ORG = "urn:li:organization:1001";
    static final String ERASED = "contact-to-erase";
    static final String KEPT = "contact-to-keep";
    static final int ERASED_NOTES = 130; // more than one page of the finder
    static final List<String> POOLS = List.of("pool-a", "pool-b", "pool-c");
    /** The pools {@link #ERASED} is a member of; {@link #KEPT} is in pool-a and pool-b. */
    static final List<String> ERASED_POOLS = List.of("pool-a", "pool-c");
    static final Instant T = Instant.ofEpochMilli(1_717_754_400_000L);

    /** The resources that can hold a contact's records, by the fake's names. */
    static final List<String> RESOURCES = List.of("crmContacts", "crmNotes", "crmEmailInteractions",
            "crmApplications", "crmPoolMembers");

    private Seed() {
    }

    /** Two contacts, each with notes, emails, applications and pool memberships. */
    static void records(CrmConnectClient client) {
        ok(client.contacts().upsert(List.of(
                Contact.builder().crmId(ERASED).firstName("Erin").lastName("Erased")
                        .emailAddresses("erin@example.com").build(),
                Contact.builder().crmId(KEPT).firstName("Kim").lastName("Kept").build())));
        ok(client.vacancies().upsert(List.of(Vacancy.builder().crmId("vacancy-1").title("Engineer").build())));
        List<Pool> pools = new ArrayList<>();
        for (String pool : POOLS) {
            pools.add(Pool.builder().crmId(pool).title("Pool " + pool)
                    .steps(PoolStep.builder().stepId("s-1").name("New").position(0).build()).build());
        }
        ok(client.pools().upsert(pools));
        List<Note> notes = new ArrayList<>();
        for (int i = 0; i < ERASED_NOTES; i++) {
            notes.add(note("note-e-" + i, ERASED));
        }
        notes.add(note("note-k-1", KEPT));
        ok(client.notes().upsert(notes));
        ok(client.emailInteractions().upsert(List.of(email("email-e-1", ERASED), email("email-k-1", KEPT))));
        ok(client.applications().upsert(List.of(application("app-e-1", ERASED), application("app-e-2", ERASED),
                application("app-k-1", KEPT))));
        for (String pool : ERASED_POOLS) {
            ok(client.pools().members(pool).upsert(List.of(member(ERASED))));
        }
        for (String pool : List.of("pool-a", "pool-b")) {
            ok(client.pools().members(pool).upsert(List.of(member(KEPT))));
        }
    }

    static Note note(String crmId, String contact) {
        return Note.builder().crmId(crmId).contactId(contact).content("Spoke about the role")
                .author(CrmUser.builder().name("Rita Recruiter").build()).crmCreatedAt(T).build();
    }

    private static EmailInteraction email(String crmId, String contact) {
        return EmailInteraction.builder().crmId(crmId).contactId(contact).direction(Direction.OUTBOUND)
                .crmCreatedAt(T).build();
    }

    private static Application application(String crmId, String contact) {
        return Application.builder().crmId(crmId).contactId(contact).vacancyId("vacancy-1")
                .status(ApplicationStatus.ACTIVE).appliedAt(T).build();
    }

    static PoolMember member(String contact) {
        return PoolMember.builder().contactCrmId(contact).stepId("s-1").addedAt(T).build();
    }

    private static void ok(BatchResult result) {
        assertTrue(result.allSucceeded(), result.failed().toString());
    }

    /** "resource/key" of every entity the fake holds that is, or belongs to, the contact. */
    static List<String> heldFor(TenantState state, String contactCrmId) {
        List<String> held = new ArrayList<>();
        for (String resource : RESOURCES) {
            for (Map.Entry<String, Map<String, Object>> entity : state.entities(resource).entrySet()) {
                boolean isContact = resource.equals("crmContacts") && entity.getKey().equals(contactCrmId);
                if (isContact || contactCrmId.equals(entity.getValue().get("contactId"))) {
                    held.add(resource + "/" + entity.getKey());
                }
            }
        }
        return held;
    }
}
