package dev.crmconnect.samples;

import com.sun.net.httpserver.HttpServer;
import dev.crmconnect.model.Contact;
import dev.crmconnect.model.ExportedCandidate;
import dev.crmconnect.model.Note;
import dev.crmconnect.model.Pool;
import dev.crmconnect.model.PoolMember;
import dev.crmconnect.model.PoolStep;
import dev.crmconnect.model.PoolType;
import dev.crmconnect.model.Visibility;
import dev.crmconnect.sdk.BatchResult;
import dev.crmconnect.sdk.CrmConnectClient;
import dev.crmconnect.sdk.Page;
import dev.crmconnect.sdk.exception.CrmConnectException;
import dev.crmconnect.sdk.RecordResult;
import dev.crmconnect.sdk.poller.CheckpointStore;
import dev.crmconnect.sdk.poller.Decision;
import dev.crmconnect.sdk.poller.DeletionNoticePoller;
import dev.crmconnect.sdk.webhook.WebhookHttpHandler;
import dev.crmconnect.sdk.webhook.WebhookReceiver;
import java.nio.file.Path;
import java.util.List;

/**
 * A short tour of the API. README.md quotes the code between the {@code tour:begin} and
 * {@code tour:end} lines, and a test keeps the two identical, so the README's example always
 * compiles; another test runs it against the fake server.
 */
public final class ApiTour {

    private ApiTour() {
    }

    /**
     * Syncs a few records, reads them back, polls deletion notices once and wires a webhook
     * receiver into {@code server}.
     *
     * @param baseUrl      the API base URL
     * @param tokenUrl     the OAuth token URL
     * @param clientId     the tenant's client id
     * @param clientSecret the tenant's client secret
     * @param checkpoints  the poller's checkpoint directory
     * @param server       the application's HTTP server, for the push receiver
     * @return the client, which the receiver goes on using: close it when the server stops
     */
    public static CrmConnectClient tour(String baseUrl, String tokenUrl, String clientId, String clientSecret,
                                        Path checkpoints, HttpServer server) throws Exception {
        // tour:begin
        CrmConnectClient client = CrmConnectClient.builder()
                .baseUrl(baseUrl).tokenUrl(tokenUrl)              // both default to LinkedIn's
                .credentials(clientId, clientSecret)               // one client per tenant, shared:
                .integrationContext("urn:li:organization:1001")    // thread-safe; close() at shutdown
                .build();

        // Sync any number of records: sent in batches of 100, one result per record.
        BatchResult result = client.contacts().upsert(List.of(
                Contact.builder().crmId("c-42").firstName("Ada").lastName("Lovelace")
                        .emailAddresses("ada@example.com")
                        .linkedInProfileUrl("https://www.linkedin.com/in/ada").build(),
                Contact.builder().crmId("c-43").firstName("Charles")
                        .visibility(Visibility.PRIVATE).build()));      // never sent: SKIPPED_PRIVATE
        for (RecordResult failed : result.failed()) {
            System.out.println(failed.crmId() + ": " + failed.message());  // names the field and rule
        }
        client.pools().upsert(List.of(Pool.builder().crmId("p-1").title("Engineering")
                .poolType(PoolType.SOURCING)
                .steps(PoolStep.builder().stepId("new").name("New").position(0).build()).build()));
        client.pools().members("p-1").upsert(List.of(
                PoolMember.builder().contactCrmId("c-42").stepId("new").build()));
        client.notes().upsertAsync(List.of(Note.builder().crmId("n-1").contactId("c-42")
                .content("Met at the meetup").build())).join();       // every call: op, op+options, opAsync, ...

        // Read back, with LinkedIn's match; lists page lazily. Failures are unchecked.
        try {
            Contact ada = client.contacts().get(List.of("c-42")).found().get("c-42");
            System.out.println(ada.match().status());                 // MATCHED, UNMATCHED or MANUAL
            System.out.println(client.contacts().list().stream().count() + " contacts");
            Page<Note> notes = client.notes().listByContactAsync("c-42").join();  // async: a page at a time
            System.out.println(notes.elements().size() + " notes" + (notes.hasNext() ? ", more" : ""));
        } catch (CrmConnectException e) {       // AuthenticationException, RateLimitedException, ...
            System.out.println(e.status() + " " + e.serviceErrorCode() + " request " + e.requestId());
        }

        // Deletion notices: each decided once, recorded with its audit record.
        try (CheckpointStore store = CheckpointStore.file(checkpoints);  // or inMemory(), jdbc(ds)
             DeletionNoticePoller poller = DeletionNoticePoller.builder()
                     .feed(client.deletionNotices().feed())
                     .handler(notice -> Decision.flagForReview("a person decides"))  // or delete, retain
                     .handlerId("my-crm-purge-1.0")
                     .checkpointStore(store)
                     .build()) {
            poller.pollOnce();                                        // or start(): every minute
        }

        // 1-Click Export pushes: signature verified, each handled once.
        WebhookReceiver receiver = WebhookReceiver.builder()
                .clientSecret(clientSecret)
                .handler(event -> importIntoCrm(client.exportedCandidates().listByRequest(event.requestId())))
                .build();
        server.createContext("/linkedin/push", WebhookHttpHandler.of(receiver));
        // tour:end
        return client;
    }

    /** Where a CRM would store the exported candidates. */
    private static void importIntoCrm(Iterable<ExportedCandidate> candidates) {
        // the CRM's own code
    }
}
