package dev.crmconnect.testkit.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crmconnect.model.Application;
import dev.crmconnect.model.ApplicationStatus;
import dev.crmconnect.model.Contact;
import dev.crmconnect.model.CrmUser;
import dev.crmconnect.model.Direction;
import dev.crmconnect.model.EmailInteraction;
import dev.crmconnect.model.Note;
import dev.crmconnect.model.Owner;
import dev.crmconnect.model.Pool;
import dev.crmconnect.model.PoolMember;
import dev.crmconnect.model.PoolStep;
import dev.crmconnect.model.PoolType;
import dev.crmconnect.model.Vacancy;
import dev.crmconnect.model.VacancyStatus;
import dev.crmconnect.model.SyncedRecord;
import dev.crmconnect.sdk.CrmConnectClient;
import dev.crmconnect.sdk.sync.ReconcileOptions;
import dev.crmconnect.sdk.sync.ReconcileResult;
import dev.crmconnect.sdk.sync.Reconciler;
import dev.crmconnect.sdk.sync.ResourceReconciler;
import dev.crmconnect.sdk.sync.SyncLedger;
import dev.crmconnect.sdk.sync.SyncResource;
import dev.crmconnect.testkit.FakeCrmConnect;
import dev.crmconnect.testkit.FakeCrmConnectExtension;
import dev.crmconnect.testkit.FakeTenant;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every synced resource reconciles: a first run sends all, a second none, an edit only itself, a snapshot deletes. */
class ReconcileResourcesTest {

    static final String ORG = "urn:li:organization:1001";
    private static final Instant T = Instant.ofEpochMilli(1_700_000_000_000L);
    private static final CrmUser RITA = CrmUser.builder().name("Rita Recruiter").emailAddress("rita@vendor.example")
            .build();

    @RegisterExtension
    static FakeCrmConnectExtension fake = FakeCrmConnectExtension.of(FakeCrmConnect.builder()
            .tenant(new FakeTenant("client-a", "secret-a", ORG)));

    private CrmConnectClient client;
    private SyncLedger ledger;
    private Reconciler reconciler;

    @BeforeEach
    void connect() {
        client = fake.server().client("client-a");
        ledger = SyncLedger.inMemory();
        reconciler = Reconciler.of(client, ledger);
    }

    @AfterEach
    void close() {
        ledger.close();
        client.close();
    }

    private static Pool pool(String crmId, String title) {
        return Pool.builder().crmId(crmId).title(title).poolType(PoolType.SOURCING)
                .steps(PoolStep.builder().stepId("s1").name("Sourced").position(0).build())
                .owner(Owner.builder().firstName("Olivia").build()).crmCreatedAt(T).build();
    }

    /** Runs the four steps on {@code reconcile} with records made by {@code make(i, edited)}. */
    private <T extends SyncedRecord> void check(ResourceReconciler<T> reconcile, String fakeResource,
                                                Function<Integer, T> original, Function<Integer, T> edited,
                                                Runnable countCheck) {
        List<T> input = IntStream.range(0, 30).mapToObj(original::apply).toList();
        assertEquals(30, reconcile.reconcile(input).sent(), fakeResource);
        assertEquals(0, reconcile.reconcile(input).sent(), fakeResource);
        List<T> changed = IntStream.range(0, 30).mapToObj(i -> i == 7 ? edited.apply(i) : original.apply(i)).toList();
        ReconcileResult edit = reconcile.reconcile(changed);
        assertEquals(1, edit.sent(), fakeResource);
        assertEquals(29, edit.unchanged(), fakeResource);
        ReconcileResult snapshot = reconcile.reconcile(changed.subList(0, 29), ReconcileOptions.builder()
                .fullSnapshot(true).deleteMissing(true).maxDeletedShare(0.1).build());
        assertEquals(1, snapshot.deleted(), fakeResource);
        assertEquals(0, snapshot.sent(), fakeResource);
        countCheck.run();
    }

    private int count(String resource) {
        return fake.server().state(ORG).count(resource);
    }

    @Test
    void contacts() {
        check(reconciler.contacts(), "crmContacts", i -> Contact.builder().crmId("c" + i).firstName("A").build(),
                i -> Contact.builder().crmId("c" + i).firstName("B").build(),
                () -> assertEquals(29, count("crmContacts")));
        assertEquals(29, ledger.entries(ORG, SyncResource.CONTACTS));
    }

    @Test
    void poolsAndPoolMembers() {
        check(reconciler.pools(), "crmPools", i -> pool("p" + i, "Java"), i -> pool("p" + i, "Kotlin"),
                () -> assertEquals(29, count("crmPools")));
        client.contacts().upsert(IntStream.range(0, 30).mapToObj(i -> Contact.builder().crmId("c" + i).firstName("A").build())
                .toList());
        check(reconciler.poolMembers("p0"), "members",
                i -> PoolMember.builder().contactCrmId("c" + i).stepId("s1").addedAt(T).build(),
                i -> PoolMember.builder().contactCrmId("c" + i).stepId("s1").addedAt(T.plusSeconds(1)).build(),
                () -> assertEquals(29, client.pools().members("p0").list().stream().count()));
        assertEquals(29, ledger.poolMemberEntries(ORG, "p0"));
        assertEquals(0, ledger.poolMemberEntries(ORG, "p1"));
    }

    @Test
    void vacanciesAndApplications() {
        check(reconciler.vacancies(), "crmVacancies",
                i -> Vacancy.builder().crmId("v" + i).title("Engineer").status(VacancyStatus.OPEN).build(),
                i -> Vacancy.builder().crmId("v" + i).title("Engineer").status(VacancyStatus.CLOSED).build(),
                () -> assertEquals(29, count("crmVacancies")));
        check(reconciler.applications(), "crmApplications",
                i -> Application.builder().crmId("a" + i).contactId("c" + i).vacancyId("v0")
                        .status(ApplicationStatus.ACTIVE).build(),
                i -> Application.builder().crmId("a" + i).contactId("c" + i).vacancyId("v0")
                        .status(ApplicationStatus.HIRED).build(),
                () -> assertEquals(29, count("crmApplications")));
    }

    @Test
    void emailInteractionsAndNotes() {
        check(reconciler.emailInteractions(), "crmEmailInteractions",
                i -> EmailInteraction.builder().crmId("e" + i).contactId("c1").user(RITA)
                        .direction(Direction.INBOUND).crmCreatedAt(T).build(),
                i -> EmailInteraction.builder().crmId("e" + i).contactId("c1").user(RITA)
                        .direction(Direction.OUTBOUND).crmCreatedAt(T).build(),
                () -> assertEquals(29, client.emailInteractions().list().stream().count()));
        check(reconciler.notes(), "crmNotes",
                i -> Note.builder().crmId("n" + i).contactId("c1").author(RITA).content("Prefers calls.").build(),
                i -> Note.builder().crmId("n" + i).contactId("c1").author(RITA).content("Prefers mail.").build(),
                () -> assertEquals(29, client.notes().list().stream().count()));
        assertEquals(29, ledger.entries(ORG, SyncResource.NOTES));
    }
}
