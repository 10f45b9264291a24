package dev.crmconnect.testkit.privacy;

import static dev.crmconnect.testkit.privacy.Seed.ORG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmconnect.model.Contact;
import dev.crmconnect.model.DataCategory;
import dev.crmconnect.model.DataRequest;
import dev.crmconnect.model.DataRequestScope;
import dev.crmconnect.model.DataRequestStatus;
import dev.crmconnect.model.DataRequestType;
import dev.crmconnect.sdk.CrmConnectClient;
import dev.crmconnect.sdk.privacy.Confirmation;
import dev.crmconnect.sdk.DataRequestService;
import dev.crmconnect.sdk.privacy.DataRequestPolling;
import dev.crmconnect.testkit.FakeClock;
import dev.crmconnect.testkit.FakeCrmConnect;
import dev.crmconnect.testkit.FakeCrmConnectExtension;
import dev.crmconnect.testkit.FakeTenant;
import dev.crmconnect.testkit.JournalEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** GDPR data requests against the fake, whose clock the polling moves instead of waiting. */
class DataRequestFlowTest {

    private static final long SEED = 6L;
    private static final DataRequestScope SEAT = DataRequestService.seat("urn:li:seat:7");

    @RegisterExtension
    static FakeCrmConnectExtension fake = FakeCrmConnectExtension.of(FakeCrmConnect.builder()
            .tenant(new FakeTenant("client-a", "secret-a", ORG))
            .dataRequestProgress(Duration.ofMinutes(1), Duration.ofMinutes(5)));

    private CrmConnectClient client;
    private DataRequestService requests;

    @BeforeEach
    void setUp() {
        FakeClock fakeClock = fake.server().clock();
        fakeClock.freeze();
        client = CrmConnectClient.builder()
                .baseUrl(fake.server().baseUrl())
                .tokenUrl(fake.server().tokenUrl())
                .credentials("client-a", "secret-a")
                .integrationContext(ORG)
                .dataRequestPolling(DataRequestPolling.builder()
                        .clock(fakeClock)
                        .random(new Random(SEED))
                        .intervals(Duration.ofSeconds(5), Duration.ofMinutes(1))
                        .sleeper(duration -> {
                            fakeClock.advance(duration);
                            return CompletableFuture.completedFuture(null);
                        })
                        .build())
                .build();
        requests = client.dataRequests();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    private List<JournalEntry> dataRequestCalls() {
        return fake.server().journal().stream().filter(e -> e.path().startsWith("/v2/dataRequests")).toList();
    }

    @Test
    void anExportCompletesOnTheFakesClockAndDeletesNothing() {
        client.contacts().upsert(List.of(Contact.builder().crmId("c-1").firstName("Kim").build()));
        Instant start = fake.server().clock().now();

        DataRequest created = requests.requestExport(SEAT, List.of(DataCategory.NOTES, DataCategory.SAVED_ACCOUNTS));
        assertEquals(DataRequestStatus.PENDING, created.status());
        DataRequest done = requests.awaitCompletion(created.id(), Duration.ofHours(1));

        assertEquals(DataRequestStatus.COMPLETED, done.status(), "seed " + SEED);
        assertEquals(DataRequestType.EXPORT, done.type());
        assertNotNull(done.downloadUrl());
        Duration waited = Duration.between(start, fake.server().clock().now());
        assertTrue(waited.compareTo(Duration.ofMinutes(5)) >= 0 && waited.compareTo(Duration.ofMinutes(7)) < 0,
                "seed " + SEED + ": " + waited);
        List<JournalEntry> calls = dataRequestCalls();
        assertEquals("CREATE", calls.get(0).restLiMethod());
        assertTrue(calls.stream().skip(1).allMatch(e -> "GET".equals(e.restLiMethod())), calls.toString());
        assertTrue(fake.server().journal().stream().noneMatch(e -> String.valueOf(e.restLiMethod()).contains("DELETE")),
                "an export never deletes");
        assertEquals(1, fake.server().state(ORG).count("crmContacts"));
    }

    @Test
    void aConfirmedDeletionCompletesWithoutADownload() {
        DataRequest created = requests.requestDeletion(DataRequestService.contract("urn:li:contract:9"),
                List.of(DataCategory.CRM_SYNCED_DATA, DataCategory.SAVED_LEADS), Confirmation.IRREVERSIBLE);
        assertEquals(Boolean.TRUE, created.confirmIrreversible());

        DataRequest done = requests.awaitCompletion(created.id(), Duration.ofHours(1));

        assertEquals(DataRequestStatus.COMPLETED, done.status());
        assertEquals(DataRequestType.DELETION, done.type());
        assertNull(done.downloadUrl());
    }

    @Test
    void aWaitShorterThanTheWorkEndsWithTheStatusSoFar() {
        DataRequest created = requests.requestExport(SEAT, List.of(DataCategory.NOTES));
        DataRequest last = requests.awaitCompletion(created.id(), Duration.ofMinutes(2));
        assertEquals(DataRequestStatus.IN_PROGRESS, last.status());
    }

    static Stream<Arguments> refusals() {
        Stream<Arguments> deletionOnly = Arrays.stream(DataCategory.values()).filter(DataCategory::deletionOnly)
                .map(c -> Arguments.of("export of " + c, (Refusal) r -> r.requestExport(SEAT, List.of(c)),
                        "dataRequest.categories[0]: " + c + " can be deleted but not exported"));
        Stream<Arguments> others = Stream.of(
                Arguments.of("UNKNOWN category", (Refusal) r -> r.requestExport(SEAT, List.of(DataCategory.UNKNOWN)),
                        "dataRequest.categories[0]: UNKNOWN is not a category that can be requested"),
                Arguments.of("null category", (Refusal) r -> r.requestDeletion(SEAT,
                        Arrays.asList(DataCategory.NOTES, null), Confirmation.IRREVERSIBLE),
                        "dataRequest.categories[1]: must not be null"),
                Arguments.of("no categories", (Refusal) r -> r.requestExport(SEAT, List.of()),
                        "dataRequest.categories: at least one category is required"),
                Arguments.of("missing confirmation", (Refusal) r -> r.requestDeletion(SEAT,
                        List.of(DataCategory.NOTES), null),
                        "confirmation: must be Confirmation.IRREVERSIBLE: a DELETION cannot be undone"),
                Arguments.of("missing scope", (Refusal) r -> r.requestExport(null, List.of(DataCategory.NOTES)),
                        "dataRequest.scope: is required"),
                Arguments.of("unknown scope type", (Refusal) r -> r.requestDeletion(
                        DataRequestScope.builder().type("ORGANIZATION").build(), List.of(DataCategory.NOTES),
                        Confirmation.IRREVERSIBLE),
                        "dataRequest.scope.type: must be SEAT or CONTRACT"),
                Arguments.of("seat that is not a seat", (Refusal) r -> r.requestExport(
                        DataRequestService.seat("urn:li:contract:1"), List.of(DataCategory.NOTES)),
                        "dataRequestScope.seat: "),
                Arguments.of("contract scope without contract", (Refusal) r -> r.requestExport(
                        DataRequestService.contract(null), List.of(DataCategory.NOTES)),
                        "dataRequestScope.contract: is required"));
        return Stream.concat(deletionOnly, others);
    }

    /** A call that must be refused. */
    interface Refusal {
        void call(DataRequestService requests);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void everyBadArgumentIsRefusedBeforeTheCallNamingIt(String name, Refusal refusal, String named) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> refusal.call(requests));
        assertTrue(e.getMessage().contains(named), name + ": " + e.getMessage());
        assertEquals(List.of(), fake.server().journal(), name + ": the fake saw no call at all");
        assertEquals(0, fake.server().state(ORG).count("dataRequests"));
    }
}
