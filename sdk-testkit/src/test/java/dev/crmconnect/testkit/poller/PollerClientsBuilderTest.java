package dev.crmconnect.testkit.poller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.crmconnect.sdk.CrmConnectClient;
import dev.crmconnect.sdk.poller.CheckpointStore;
import dev.crmconnect.sdk.poller.Decision;
import dev.crmconnect.sdk.poller.DeletionNoticePoller;
import dev.crmconnect.sdk.poller.PollSummary;
import dev.crmconnect.sdk.poller.PollSummary.Outcome;
import dev.crmconnect.testkit.FakeCrmConnect;
import dev.crmconnect.testkit.FakeCrmConnectExtension;
import dev.crmconnect.testkit.FakeTenant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code DeletionNoticePoller.builder(clients...)}, {@code client(client)} and {@code clients(list)}. */
class PollerClientsBuilderTest {

    static final FakeTenant FIRST = new FakeTenant("client-1", "secret-1", "urn:li:organization:1001");
    static final FakeTenant SECOND = new FakeTenant("client-2", "secret-2", "urn:li:organization:1002");

    @RegisterExtension
    static FakeCrmConnectExtension fake = FakeCrmConnectExtension.of(FakeCrmConnect.builder()
            .tenant(FIRST).tenant(SECOND));

    @Test
    void eachClientIsOneTenantReadThroughItsFeedInTheOrderGiven() {
        FakeCrmConnect server = fake.server();
        try (CrmConnectClient first = server.client(FIRST.clientId());
             CrmConnectClient second = server.client(SECOND.clientId());
             CheckpointStore store = CheckpointStore.inMemory()) {
            FakeNotices.publish(server, FIRST.integrationContext(), "first-", 2);
            FakeNotices.publish(server, SECOND.integrationContext(), "second-", 3);
            DeletionNoticePoller poller = DeletionNoticePoller.builder(second, first)
                    .handler(notice -> Decision.flagForReview("new notice"))
                    .handlerId("builder-test-1")
                    .checkpointStore(store)
                    .build();
            assertEquals(List.of(SECOND.integrationContext(), FIRST.integrationContext()), poller.tenants());
            List<PollSummary> round = poller.pollOnce();
            assertEquals(Outcome.COMPLETED, round.get(0).outcome());
            assertEquals(3, round.get(0).decided());
            assertEquals(2, round.get(1).decided());

            DeletionNoticePoller viaList = DeletionNoticePoller.builder().clients(List.of(first)).client(second)
                    .handler(notice -> Decision.flagForReview("new notice"))
                    .handlerId("builder-test-1")
                    .checkpointStore(store)
                    .build();
            assertEquals(List.of(FIRST.integrationContext(), SECOND.integrationContext()), viaList.tenants());
        }
    }

    @Test
    void missingOrRepeatedClientsAreRefusedNamingTheSetting() {
        FakeCrmConnect server = fake.server();
        try (CrmConnectClient client = server.client(FIRST.clientId())) {
            IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                    () -> DeletionNoticePoller.builder((CrmConnectClient[]) null));
            assertEquals("clients: is required", none.getMessage());
            IllegalArgumentException nullClient = assertThrows(IllegalArgumentException.class,
                    () -> DeletionNoticePoller.builder(client, null));
            assertEquals("client: is required", nullClient.getMessage());
            IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                    () -> DeletionNoticePoller.builder(client, client).handler(notice -> Decision.delete("all"))
                            .handlerId("builder-test-1").checkpointStore(CheckpointStore.inMemory()).build());
            assertEquals("invalid DeletionNoticePoller configuration: feeds[1].tenant: must differ from every other"
                    + " feed's tenant", twice.getMessage());
            IllegalArgumentException noHandler = assertThrows(IllegalArgumentException.class,
                    () -> DeletionNoticePoller.builder(client).build());
            assertEquals("invalid DeletionNoticePoller configuration: handler: is required; handlerId: is required;"
                    + " checkpointStore: is required", noHandler.getMessage());
        }
    }
}
