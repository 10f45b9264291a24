package dev.crmconnect.testkit.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmconnect.model.Contact;
import dev.crmconnect.sdk.CrmConnectClient;
import dev.crmconnect.sdk.Throttle;
import dev.crmconnect.sdk.sync.ReconcileOptions;
import dev.crmconnect.sdk.sync.ReconcileResult;
import dev.crmconnect.sdk.sync.Reconciler;
import dev.crmconnect.sdk.sync.SyncLedger;
import dev.crmconnect.testkit.FakeCrmConnect;
import dev.crmconnect.testkit.FakeTenant;
import dev.crmconnect.testkit.JournalEntry;
import dev.crmconnect.testkit.Quotas;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An interactive upsert is not queued behind a running reconcile of the same client: the
 * reconcile's batches book no send time ahead under the throttle, so the upsert takes the next
 * free one. Counted in the order the fake received the calls.
 */
class ReconcilePriorityTest {

    static final String ORG = "urn:li:organization:1001";
    static final int RECORDS = 110;
    /** Batches of one record, 16 waiting at once: first come, first served, an upsert would wait behind 16. */
    static final int IN_FLIGHT = 16;

    @Test
    void anInteractiveUpsertGoesBeforeTheReconcilesWaitingBatches() throws Exception {
        try (FakeCrmConnect fake = FakeCrmConnect.builder().tenant(new FakeTenant("client-a", "secret-a", ORG))
                .quotas(Quotas.unlimited()).start();
             CrmConnectClient client = CrmConnectClient.builder().baseUrl(fake.baseUrl()).tokenUrl(fake.tokenUrl())
                     .credentials("client-a", "secret-a").integrationContext(ORG)
                     // 600 records a minute: a burst of 60, then one record every 0.1 s.
                     .throttle(Throttle.of(600, Throttle.DEFAULT_REQUESTS_PER_DAY)).build();
             SyncLedger ledger = SyncLedger.inMemory()) {
            CountDownLatch paced = new CountDownLatch(1);
            ReconcileOptions options = ReconcileOptions.builder().batchSize(1).batchesInFlight(IN_FLIGHT)
                    .onProgress(p -> {
                        if (p.sent() >= 70) {
                            paced.countDown(); // past the burst: every batch now waits for its turn
                        }
                    }).build();
            CompletableFuture<ReconcileResult> run = CompletableFuture.supplyAsync(() -> Reconciler.of(client, ledger)
                    .contacts().reconcile(ReconcilerTest.contacts(RECORDS), options));
            assertTrue(paced.await(60, TimeUnit.SECONDS), "the reconcile did not get past its burst");

            int before = reconcileBatches(fake.journal());
            client.contacts().upsert(List.of(ReconcilerTest.contact("edited-by-a-recruiter", "Grace")));
            ReconcileResult result = run.get(60, TimeUnit.SECONDS);
            assertEquals(RECORDS, result.sent(), result.toString());

            List<JournalEntry> journal = fake.journal().stream()
                    .filter(e -> "BATCH_UPDATE".equals(e.restLiMethod())).toList();
            int interactive = -1;
            for (int i = 0; i < journal.size(); i++) {
                if (crmIds(journal.get(i)).contains("edited-by-a-recruiter")) {
                    interactive = i;
                }
            }
            int overtaking = reconcileBatches(journal.subList(0, interactive)) - before;
            int after = journal.size() - interactive - 1;
            System.out.println("reconcile priority: " + overtaking + " reconcile batches between the upsert's call and"
                    + " its arrival, " + after + " after it");
            assertTrue(overtaking <= 3, overtaking + " of the reconcile's batches reached the server between the"
                    + " upsert's call and its arrival; first come, first served would be about " + IN_FLIGHT);
            assertTrue(after >= IN_FLIGHT, "the reconcile had " + after + " batches left when the upsert arrived");
        }
    }

    private static int reconcileBatches(List<JournalEntry> entries) {
        return (int) entries.stream().filter(e -> "BATCH_UPDATE".equals(e.restLiMethod()))
                .filter(e -> !crmIds(e).contains("edited-by-a-recruiter")).count();
    }

    private static List<String> crmIds(JournalEntry entry) {
        return entry.keys().stream().map(key -> (String) ((Map<?, ?>) key).get("crmId")).toList();
    }
}
