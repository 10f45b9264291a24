package dev.crmconnect.testkit.sync;

import dev.crmconnect.model.Contact;
import dev.crmconnect.sdk.CrmConnectClient;
import dev.crmconnect.sdk.Throttle;
import dev.crmconnect.sdk.sync.ReconcileOptions;
import dev.crmconnect.sdk.sync.ReconcileResult;
import dev.crmconnect.sdk.sync.Reconciler;
import dev.crmconnect.sdk.sync.SyncLedger;
import dev.crmconnect.testsupport.ExitWithParent;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Run in a child JVM by {@link ReconcileCrashTest}: a reconcile of {@code records} contacts of one
 * tenant of the fake into a file ledger, configured as a standalone application would be, without
 * a throttle. It prints {@code DONE <sent> <unchanged>} when the run ends, unless it is killed first.
 *
 * <p>Arguments: the ledger's directory, the base URL, token URL, client id, client secret,
 * integration context, and the number of records.
 */
public final class ReconcileChild {

    /** Records per request. */
    static final int BATCH_SIZE = 100;
    /** Requests the reconcile has in flight at once. */
    static final int BATCHES_IN_FLIGHT = 4;
    private static final Instant CREATED = Instant.parse("2024-01-01T00:00:00Z");

    private ReconcileChild() {
    }

    /** Row {@code i} of the CRM, the same in every run. */
    static Contact contact(int i) {
        return Contact.builder().crmId("c-" + i).firstName("Ada" + i).lastName("Lovelace")
                .emailAddresses("ada" + i + "@example.com").currentJobTitle("Engineer " + (i % 7))
                .crmCreatedAt(CREATED.plusSeconds(i)).build();
    }

    /** Rows {@code [0, records)}, made as they are read. */
    static Stream<Contact> contacts(int records) {
        return IntStream.range(0, records).mapToObj(ReconcileChild::contact);
    }

    public static void main(String[] args) {
        ExitWithParent.watchParent();
        Path directory = Path.of(args[0]);
        int records = Integer.parseInt(args[6]);
        try (CrmConnectClient client = CrmConnectClient.builder()
                .baseUrl(args[1])
                .tokenUrl(args[2])
                .credentials(args[3], args[4])
                .integrationContext(args[5])
                .throttle(Throttle.disabled())
                .build();
             SyncLedger ledger = SyncLedger.file(directory)) {
            ReconcileResult result = Reconciler.of(client, ledger).contacts().reconcile(contacts(records),
                    ReconcileOptions.builder().batchSize(BATCH_SIZE).batchesInFlight(BATCHES_IN_FLIGHT).build());
            System.out.println("DONE " + result.sent() + " " + result.unchanged() + " " + result.failed());
        }
    }
}
