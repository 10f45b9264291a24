package dev.crmconnect.testkit.integration;

import static dev.crmconnect.testkit.integration.ContactsIntegrationTest.ORG;
import static dev.crmconnect.testkit.integration.ContactsIntegrationTest.outcomes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmconnect.model.Application;
import dev.crmconnect.model.ApplicationStatus;
import dev.crmconnect.model.Contact;
import dev.crmconnect.model.CrmUser;
import dev.crmconnect.model.Direction;
import dev.crmconnect.model.EmailInteraction;
import dev.crmconnect.model.Location;
import dev.crmconnect.model.Note;
import dev.crmconnect.model.Owner;
import dev.crmconnect.model.Pool;
import dev.crmconnect.model.PoolMember;
import dev.crmconnect.model.PoolStep;
import dev.crmconnect.model.PoolType;
import dev.crmconnect.model.Vacancy;
import dev.crmconnect.model.VacancyStage;
import dev.crmconnect.model.VacancyStatus;
import dev.crmconnect.sdk.BatchResult;
import dev.crmconnect.sdk.CrmConnectClient;
import dev.crmconnect.sdk.exception.NotFoundException;
import dev.crmconnect.sdk.RecordResult;
import dev.crmconnect.sdk.RecordResult.Outcome;
import dev.crmconnect.sdk.PoolMemberService;
import dev.crmconnect.testkit.FakeCrmConnect;
import dev.crmconnect.testkit.FakeCrmConnectExtension;
import dev.crmconnect.testkit.FakeTenant;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Pools and their members, vacancies, applications, email interactions and notes against the fake. */
class RecordsIntegrationTest {

    @RegisterExtension
    static FakeCrmConnectExtension fake = FakeCrmConnectExtension.of(FakeCrmConnect.builder()
            .tenant(new FakeTenant("client-a", "secret-a", ORG)));

    private static final Instant T = Instant.ofEpochMilli(1_700_000_000_000L);

    private CrmConnectClient client;

    @BeforeEach
    void connect() {
        client = fake.server().client();
    }

    @AfterEach
    void close() {
        client.close();
    }

    private static Pool pool(String crmId) {
        return Pool.builder().crmId(crmId).title("Java engineers").poolType(PoolType.SOURCING)
                .steps(PoolStep.builder().stepId("s1").name("Sourced").position(0).build(),
                        PoolStep.builder().stepId("s2").name("Contacted").position(1).build())
                .owner(Owner.builder().firstName("Olivia").lastName("Owens").emailAddress("olivia@vendor.example")
                        .build())
                .crmCreatedAt(T).crmLastModifiedAt(T.plusSeconds(60)).build();
    }

    private static PoolMember member(String contactCrmId, String stepId) {
        return PoolMember.builder().contactCrmId(contactCrmId).stepId(stepId).addedAt(T).build();
    }

    @Test
    void poolsAreStoredReadListedAndDeleted() {
        List<Pool> pools = List.of(pool("p-1"), pool("p-2").toBuilder().title("Sales").poolType(PoolType.GENERAL)
                .steps(List.of()).build());
        assertTrue(client.pools().upsert(pools).allSucceeded());
        assertEquals(pools.get(0), client.pools().get(List.of("p-1")).found().get("p-1"));
        assertEquals(pools, client.pools().list().stream().toList());
        assertEquals(List.of(Outcome.DELETED), outcomes(client.pools().delete(List.of("p-2"))));
        assertEquals(List.of("p-2"), client.pools().get(List.of("p-2")).missing());
    }

    @Test
    void poolMembersAreStoredListedAndDeletedAndA422FailsOnlyItsRecord() {
        client.contacts().upsert(List.of(Contact.builder().crmId("c-1").firstName("Ada").build()));
        client.pools().upsert(List.of(pool("p-1")));
        PoolMemberService members = client.pools().members("p-1");

        BatchResult result = members.upsert(List.of(member("c-1", "s1"), member("c-2", "no-such-step"),
                member("c-3", "s2")));
        assertEquals(List.of(Outcome.STORED, Outcome.FAILED, Outcome.STORED), outcomes(result));
        RecordResult refused = result.results().get(1);
        assertEquals("c-2", refused.crmId());
        assertEquals(422, refused.status());
        assertEquals(100, refused.serviceErrorCode());
        assertEquals("poolMember.stepId: is not a step of the pool", refused.message());
        assertTrue(refused.batchFailure().isEmpty(), "a per-record refusal, not a failed batch");

        assertEquals(List.of(member("c-1", "s1"), member("c-3", "s2")), members.list().stream().toList());
        assertTrue(members.delete(List.of("c-1", "c-9")).allSucceeded());
        assertEquals(List.of("c-3"), members.list().stream().map(PoolMember::contactCrmId).toList());

        client.pools().delete(List.of("p-1"));
        assertEquals(0, fake.server().state(ORG).count("crmPoolMembers"), "a pool's members go with it");
    }

    @Test
    void poolMemberSyncWorksWithCrmIdsHoldingRestLisReservedCharactersAndSpaces() {
        List<String> ids = List.of("acct:42", "Smith, J", "50%off", "a%41", "(x)", "O'Brien", "a b", "c:1", "c%3A1",
                "%", "''", "List(1)", "x,y:(z) 'q' 10%");
        String poolId = "pool: (a, 'b') 5%";
        assertTrue(client.pools().upsert(List.of(pool(poolId))).allSucceeded());
        PoolMemberService members = client.pools().members(poolId);

        BatchResult stored = members.upsert(ids.stream().map(id -> member(id, "s1")).toList());

        assertEquals(ids.size(), stored.count(Outcome.STORED), stored::toString);
        for (int i = 0; i < ids.size(); i++) {
            assertEquals(ids.get(i), stored.results().get(i).crmId());
        }
        assertEquals(new java.util.TreeSet<>(ids), new java.util.TreeSet<>(members.list().stream()
                .map(PoolMember::contactCrmId).toList()), "the fake stored the crmIds themselves");

        BatchResult moved = members.upsert(List.of(member("c:1", "s2"), member("c%3A1", "s1")));
        assertTrue(moved.allSucceeded(), moved::toString);
        assertEquals("s2", members.list().stream().filter(m -> m.contactCrmId().equals("c:1")).findFirst()
                .orElseThrow().stepId());

        BatchResult deleted = members.delete(List.of("c:1", "50%off", "x,y:(z) 'q' 10%"));
        assertEquals(List.of(Outcome.DELETED, Outcome.DELETED, Outcome.DELETED), outcomes(deleted));
        assertEquals(ids.size() - 3, members.list().stream().count());
        assertTrue(members.list().stream().anyMatch(m -> m.contactCrmId().equals("c%3A1")), "its look-alike stays");
    }

    @Test
    void recordsWithRestLisReservedCharactersInTheirCrmIdsRoundTrip() {
        List<String> ids = List.of("acct:42", "Smith, J", "50%off", "(x)", "O'Brien", "Zoë (ä,b):c/1");
        List<Contact> contacts = ids.stream().map(id -> Contact.builder().crmId(id).firstName("Ada").build()).toList();

        assertEquals(ids.size(), client.contacts().upsert(contacts).count(Outcome.STORED));
        assertEquals(ids, List.copyOf(client.contacts().get(ids).found().keySet()));
        assertEquals(ids.size(), client.contacts().delete(ids).count(Outcome.DELETED));
        assertEquals(ids, client.contacts().get(ids).missing());
    }

    @Test
    void aValueOutsideTheContractsClosedEnumsFailsOnlyItsRecordWithA422() {
        BatchResult result = client.pools().upsert(List.of(pool("p-ok"),
                pool("p-bad").toBuilder().poolType("BOGUS_TYPE").build()));

        assertEquals(List.of(Outcome.STORED, Outcome.FAILED), outcomes(result));
        RecordResult refused = result.results().get(1);
        assertEquals(422, refused.status());
        assertEquals("pool.poolType: must be one of GENERAL, SOURCING, CUSTOM", refused.message());
        assertEquals(List.of("p-bad"), client.pools().get(List.of("p-ok", "p-bad")).missing());
    }

    @Test
    void membersOfAnAbsentPoolFailWithTheBatchsCause() {
        BatchResult result = client.pools().members("no-pool").upsert(List.of(member("c-1", null)));
        RecordResult failed = result.results().get(0);
        assertEquals(Outcome.FAILED, failed.outcome());
        assertEquals(404, failed.status());
        assertInstanceOf(NotFoundException.class, failed.batchFailure().orElseThrow());
    }

    @Test
    void vacanciesAndApplicationsRoundTripAndApplicationsListByContact() {
        Vacancy vacancy = Vacancy.builder().crmId("v-1").title("Senior engineer").description("Build.\nWith care.")
                .status(VacancyStatus.OPEN)
                .stages(VacancyStage.builder().stageId("screen").name("Screen").position(0).build(),
                        VacancyStage.builder().stageId("onsite").name("Onsite").position(1).build())
                .owner(Owner.builder().firstName("Olivia").build()).skills("Java", "SQL")
                .location(Location.builder().city("Dublin").country("IE").build())
                .crmCreatedAt(T).crmLastModifiedAt(T).build();
        assertTrue(client.vacancies().upsert(List.of(vacancy)).allSucceeded());
        assertEquals(vacancy, client.vacancies().get(List.of("v-1")).found().get("v-1"));
        assertEquals(List.of(vacancy), client.vacancies().list().stream().toList());

        List<Application> applications = List.of(
                Application.builder().crmId("a-1").contactId("c-1").vacancyId("v-1").stageId("onsite")
                        .status(ApplicationStatus.HIRED).appliedAt(T).crmLastModifiedAt(T).build(),
                Application.builder().crmId("a-2").contactId("c-2").vacancyId("v-1")
                        .status(ApplicationStatus.ACTIVE).build(),
                Application.builder().crmId("a-3").contactId("c-1").vacancyId("v-1")
                        .status(ApplicationStatus.REJECTED).build());
        assertTrue(client.applications().upsert(applications).allSucceeded());
        assertEquals(applications.get(1), client.applications().get(List.of("a-2")).found().get("a-2"));
        assertEquals(List.of(applications.get(0), applications.get(2)),
                client.applications().listByContact("c-1").stream().toList());
        assertTrue(client.applications().delete(List.of("a-1")).allSucceeded());
        assertEquals(List.of("a-3"), client.applications().listByContact("c-1").stream().map(Application::crmId)
                .toList());
        assertTrue(client.vacancies().delete(List.of("v-1")).allSucceeded());
        assertEquals(0, fake.server().state(ORG).count("crmVacancies"));
    }

    @Test
    void emailInteractionsAndNotesAreListedAllAndByContact() {
        CrmUser rita = CrmUser.builder().name("Rita Recruiter").emailAddress("rita@vendor.example").build();
        List<EmailInteraction> emails = List.of(
                EmailInteraction.builder().crmId("e-1").contactId("c-1").user(rita).direction(Direction.INBOUND)
                        .crmCreatedAt(T).build(),
                EmailInteraction.builder().crmId("e-2").contactId("c-2").user(rita).direction(Direction.OUTBOUND)
                        .crmCreatedAt(T).build());
        List<Note> notes = List.of(
                Note.builder().crmId("n-1").contactId("c-1").author(rita).content("Prefers calls.\nAfter 5pm.")
                        .crmCreatedAt(T).build(),
                Note.builder().crmId("n-2").contactId("c-1").content("x".repeat(10_000)).build());
        assertTrue(client.emailInteractions().upsert(emails).allSucceeded());
        assertTrue(client.notes().upsert(notes).allSucceeded());

        assertEquals(emails, client.emailInteractions().list().stream().toList());
        assertEquals(List.of(emails.get(1)), client.emailInteractions().listByContact("c-2").stream().toList());
        assertEquals(notes, client.notes().listByContact("c-1").stream().toList());
        assertEquals(0, client.notes().listByContact("c-2").stream().count());

        assertTrue(client.notes().delete(List.of("n-2")).allSucceeded());
        assertTrue(client.emailInteractions().delete(List.of("e-1", "e-2")).allSucceeded());
        assertEquals(List.of(notes.get(0)), client.notes().list().stream().toList());
        assertEquals(0, fake.server().state(ORG).count("crmEmailInteractions"));
    }
}
