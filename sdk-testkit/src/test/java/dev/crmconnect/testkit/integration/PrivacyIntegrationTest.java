package dev.crmconnect.testkit.integration;

import static dev.crmconnect.testkit.integration.ContactsIntegrationTest.ORG;
import static dev.crmconnect.testkit.integration.ContactsIntegrationTest.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmconnect.model.DataCategory;
import dev.crmconnect.model.DataRequest;
import dev.crmconnect.model.DataRequestScope;
import dev.crmconnect.model.DataRequestStatus;
import dev.crmconnect.model.DataRequestType;
import dev.crmconnect.model.DeletionNotice;
import dev.crmconnect.model.DestinationType;
import dev.crmconnect.model.ExportedCandidate;
import dev.crmconnect.model.ScopeType;
import dev.crmconnect.sdk.CrmConnectClient;
import dev.crmconnect.sdk.DataRequestService;
import dev.crmconnect.sdk.Page;
import dev.crmconnect.sdk.RequestOptions;
import dev.crmconnect.sdk.exception.NotFoundException;
import dev.crmconnect.sdk.poller.CheckpointStore;
import dev.crmconnect.sdk.poller.Decision;
import dev.crmconnect.sdk.poller.DeletionNoticePoller;
import dev.crmconnect.sdk.poller.PollSummary;
import dev.crmconnect.sdk.privacy.Confirmation;
import dev.crmconnect.testkit.ExportDestination;
import dev.crmconnect.testkit.FakeCrmConnect;
import dev.crmconnect.testkit.FakeCrmConnectExtension;
import dev.crmconnect.testkit.FakeMember;
import dev.crmconnect.testkit.FakeTenant;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** 1-Click Exports, deletion notices (read directly and by the poller) and data requests against the fake. */
class PrivacyIntegrationTest {

    @RegisterExtension
    static FakeCrmConnectExtension fake = FakeCrmConnectExtension.of(FakeCrmConnect.builder()
            .tenant(new FakeTenant("client-a", "secret-a", ORG)));

    private static final String ADA = "urn:li:person:ada";
    private static final String BOB = "urn:li:person:bob";

    private CrmConnectClient client;

    @BeforeEach
    void connect() {
        client = fake.server().client();
        fake.server().addMember(FakeMember.builder(ADA).name("Ada", "Lovelace").currentPosition("Engineer", "Engines")
                .location("London", null, "GB").profileUrl("https://www.linkedin.com/in/ada").build());
        fake.server().addMember(FakeMember.builder(BOB).name("Bob", null).build());
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void anExportedCandidateCarriesWhatTheMembersVisibilityAllows() {
        String requestId = fake.server().export(ADA, ORG, ExportDestination.vacancy("v-7"), "urn:li:seat:9");
        List<ExportedCandidate> candidates = client.exportedCandidates().listByRequest(requestId).stream().toList();
        assertEquals(1, candidates.size());
        ExportedCandidate ada = candidates.get(0);
        assertEquals(requestId, ada.requestId());
        assertEquals(ADA, ada.member());
        assertEquals("Ada", ada.firstName());
        assertEquals("Engines", ada.currentCompanyName());
        assertEquals("London", ada.location().city());
        assertNull(ada.location().geographicArea(), "hidden by the member's visibility");
        assertEquals("urn:li:seat:9", ada.exportedBy());
        assertEquals(DestinationType.VACANCY, ada.destination().type());
        assertEquals("v-7", ada.destination().crmId());
        assertEquals(ORG, ada.integrationContext());

        ExportedCandidate bob = client.exportedCandidates()
                .listByRequest(fake.server().export(BOB, ORG, ExportDestination.pool("p-1"))).iterator().next();
        assertNull(bob.lastName());
        assertNull(bob.location());
        assertEquals(List.of(), client.exportedCandidates().listByRequest("no-such-request").stream().toList());
    }

    @Test
    void aMemberDeletionPublishesANoticeAndRemovesTheCandidate() {
        Instant before = fake.server().clock().now().minusSeconds(1);
        String first = fake.server().export(ADA, ORG, ExportDestination.pool("p-1"));
        String second = fake.server().export(ADA, ORG, ExportDestination.vacancy("v-1"));
        List<String> noticeIds = fake.server().deleteMember(ADA);
        assertEquals(1, noticeIds.size());

        List<DeletionNotice> notices = client.deletionNotices().list(before).stream().toList();
        assertEquals(1, notices.size());
        DeletionNotice notice = notices.get(0);
        assertEquals(noticeIds.get(0), notice.noticeId());
        assertEquals(ADA, notice.member());
        assertEquals(List.of(first, second), notice.exportRequestIds());
        assertNotNull(notice.publishedAt());
        assertEquals(List.of(), client.exportedCandidates().listByRequest(first).stream().toList(), "the member's data is gone");

        Page<DeletionNotice> page = await(client.deletionNotices().listAsync(notice.publishedAt()));
        assertEquals(List.of(), page.elements(), "strictly after publishedAt");
    }

    @Test
    void thePollerDecidesEachNoticeOnceAcrossPolls() {
        fake.server().export(ADA, ORG, ExportDestination.pool("p-1"));
        fake.server().export(BOB, ORG, ExportDestination.pool("p-1"));
        fake.server().deleteMember(ADA);
        List<DeletionNotice> handled = new CopyOnWriteArrayList<>();
        try (DeletionNoticePoller poller = DeletionNoticePoller.builder()
                .feed(client.deletionNotices().feed())
                .handler(notice -> {
                    handled.add(notice);
                    return Decision.delete("contact and notes");
                })
                .handlerId("integration-test-1")
                .checkpointStore(CheckpointStore.inMemory())
                .build()) {
            List<PollSummary> first = poller.pollOnce();
            assertEquals(1, first.size());
            assertEquals(1, first.get(0).decided(), first.toString());
            fake.server().deleteMember(BOB);
            poller.pollOnce();
            poller.pollOnce();
            assertEquals(List.of(ADA, BOB), handled.stream().map(DeletionNotice::member).toList());
            assertEquals(2, poller.auditTrail(ORG, Instant.EPOCH, Instant.now().plusSeconds(60)).size());
        }
    }

    @Test
    void dataRequestsProgressWithTheFakesClock() {
        DataRequest export = client.dataRequests().requestExport(DataRequestService.seat("urn:li:seat:9"),
                List.of(DataCategory.NOTES, DataCategory.SAVED_ACCOUNTS));
        assertNotNull(export.id());
        assertEquals(DataRequestStatus.PENDING, export.status());
        assertNull(export.downloadUrl());

        fake.server().clock().advance(Duration.ofMinutes(1));
        assertEquals(DataRequestStatus.IN_PROGRESS, client.dataRequests().get(export.id()).status());
        fake.server().clock().advance(Duration.ofMinutes(4));
        DataRequest done = client.dataRequests().get(export.id());
        assertEquals(DataRequestStatus.COMPLETED, done.status());
        assertNotNull(done.completedAt());
        assertTrue(done.downloadUrl().contains(export.id()), done.downloadUrl());

        DataRequestScope contract = DataRequestService.contract("urn:li:contract:77");
        List<DataCategory> categories = List.of(DataCategory.USER_INFORMATION, DataCategory.CRM_SYNCED_DATA);
        RequestOptions once = RequestOptions.builder().idempotencyKey("deletion-2025-001").build();
        String id = client.dataRequests().requestDeletion(contract, categories, Confirmation.IRREVERSIBLE, once).id();
        assertEquals(id, client.dataRequests().requestDeletion(contract, categories, Confirmation.IRREVERSIBLE, once)
                .id(), "the same key creates once");
        assertEquals(2, fake.server().state(ORG).count("dataRequests"));
    }

    @Test
    void anUnknownDataRequestIsNotFound() {
        NotFoundException sync = assertThrows(NotFoundException.class, () -> client.dataRequests().get("dr-none"));
        assertEquals(404, sync.status());
        assertTrue(sync.requestId().isPresent(), "the fake's X-LI-UUID");
        ExecutionException async = assertThrows(ExecutionException.class,
                () -> client.dataRequests().getAsync("dr-none", RequestOptions.defaults()).get(10, TimeUnit.SECONDS));
        assertInstanceOf(NotFoundException.class, async.getCause());
        assertEquals(List.of(), await(client.exportedCandidates().listByRequestAsync("none")).elements());
    }
}
