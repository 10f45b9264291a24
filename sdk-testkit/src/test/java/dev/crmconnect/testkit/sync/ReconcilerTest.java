package dev.crmconnect.testkit.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmconnect.model.Contact;
import dev.crmconnect.model.Visibility;
import dev.crmconnect.sdk.CrmConnectClient;
import dev.crmconnect.sdk.sync.ReconcileOptions;
import dev.crmconnect.sdk.sync.ReconcileProgress;
import dev.crmconnect.sdk.sync.ReconcileResult;
import dev.crmconnect.sdk.sync.Reconciler;
import dev.crmconnect.sdk.sync.SyncLedger;
import dev.crmconnect.sdk.sync.SyncResource;
import dev.crmconnect.testkit.FakeCrmConnect;
import dev.crmconnect.testkit.FakeCrmConnectExtension;
import dev.crmconnect.testkit.FakeTenant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Contacts reconciled against the fake with an in-memory ledger: what is sent, skipped, deleted, reported. */
class ReconcilerTest {

    static final String ORG = "urn:li:organization:1001";

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

    static List<Contact> contacts(int count) {
        return IntStream.range(0, count).mapToObj(i -> contact("c" + i, "Ada" + i)).toList();
    }

    static Contact contact(String crmId, String firstName) {
        return Contact.builder().crmId(crmId).firstName(firstName).lastName("Lovelace")
                .emailAddresses(firstName.toLowerCase() + "@example.com").build();
    }

    /** The records the fake received in BATCH_UPDATEs and BATCH_DELETEs of {@code resource}. */
    static long recordsSent(String restLiMethod, String resource) {
        return fake.server().journal().stream()
                .filter(e -> restLiMethod.equals(e.restLiMethod()) && e.path().contains(resource))
                .mapToLong(e -> e.keys().size()).sum();
    }

    @Test
    void aSecondRunSendsNothingAndAnEditedOneSendsOnlyTheEdits() {
        List<Contact> input = contacts(500);
        List<ReconcileProgress> progress = new ArrayList<>();
        ReconcileOptions options = ReconcileOptions.builder().expectedRecords(500).onProgress(progress::add).build();

        ReconcileResult first = reconciler.contacts().reconcile(input, options);
        assertEquals(500, first.sent(), first.toString());
        assertEquals(500, recordsSent("BATCH_UPDATE", "crmContacts"));
        assertEquals(500, fake.server().state(ORG).count("crmContacts"));
        assertEquals(500, ledger.entries(ORG, SyncResource.CONTACTS));
        ReconcileProgress last = progress.get(progress.size() - 1);
        assertEquals(new ReconcileProgress(500, 0, 500, 0, 0, last.estimatedTimeLeft()), last);
        assertEquals(0, last.estimatedTimeLeft().orElseThrow().toMillis());
        assertTrue(progress.stream().anyMatch(p -> p.estimatedTimeLeft().orElseThrow().toMillis() > 0),
                "while records were left to send, time was left");

        ReconcileResult second = reconciler.contacts().reconcile(input);
        assertEquals(0, second.sent());
        assertEquals(500, second.unchanged());
        assertEquals(500, recordsSent("BATCH_UPDATE", "crmContacts"), "the second run sent nothing");

        List<Contact> edited = new ArrayList<>(input);
        for (int i = 0; i < 500; i += 100) {
            edited.set(i, contact("c" + i, "Edited" + i));
        }
        ReconcileResult third = reconciler.contacts().reconcile(edited);
        assertEquals(5, third.sent());
        assertEquals(495, third.unchanged());
        assertEquals(505, recordsSent("BATCH_UPDATE", "crmContacts"));
        assertEquals("Edited100", fake.server().state(ORG).entities("crmContacts").values().stream()
                .filter(e -> "Edited100".equals(e.get("firstName"))).findFirst().orElseThrow().get("firstName"));
    }

    @Test
    void theEditsOfManyChunksGoInFullBatches() {
        List<Contact> input = contacts(5_000);
        ReconcileOptions options = ReconcileOptions.builder().batchSize(10).batchesInFlight(2).build(); // chunks of 40
        reconciler.contacts().reconcile(input, options);
        long requestsBefore = requests("crmContacts");
        List<Contact> edited = new ArrayList<>(input);
        for (int i = 7; i < 4_500; i += 100) { // 45 edits, one in every 2.5 chunks
            edited.set(i, contact("c" + i, "Edited" + i));
        }
        // c4407 again, 15 chunks later, while its edit still waits in the 5th batch: that batch goes, and is
        // answered, first.
        edited.set(4_999, contact("c4407", "EditedAgain"));
        ReconcileResult result = reconciler.contacts().reconcile(edited, options);
        assertEquals(46, result.sent(), result.toString());
        assertEquals(6, requests("crmContacts") - requestsBefore, "4 full batches of 10, one of 5, one of 1");
        assertEquals("EditedAgain", fake.server().state(ORG).entities("crmContacts").get("c4407").get("firstName"));
    }

    private static long requests(String resource) {
        return fake.server().journal().stream()
                .filter(e -> "BATCH_UPDATE".equals(e.restLiMethod()) && e.path().contains(resource)).count();
    }

    @Test
    void aRefusedRecordIsNotRecordedAndIsSentAgainNextRun() {
        List<Contact> input = contacts(200);
        fake.server().failNext("/crmContacts", 1, 503);
        ReconcileResult first = reconciler.contacts().reconcile(input,
                ReconcileOptions.builder().batchesInFlight(1).build());
        // 503 is retried by the client; a failure it cannot retry away leaves its records unrecorded.
        assertEquals(first.sent(), ledger.entries(ORG, SyncResource.CONTACTS));
        ReconcileResult second = reconciler.contacts().reconcile(input);
        assertEquals(200 - first.sent(), second.sent());
        assertEquals(200, ledger.entries(ORG, SyncResource.CONTACTS));
    }

    @Test
    void badRecordsFailAloneAndNameTheField() {
        List<Contact> input = new ArrayList<>(contacts(3));
        input.add(null);
        input.add(Contact.builder().firstName("NoId").build());
        input.add(contact("c1", "Again"));
        ReconcileResult result = reconciler.contacts().reconcile(input);
        assertEquals(3, result.sent());
        assertEquals(3, result.failed());
        assertEquals(List.of("records[3]: must not be null", "contact.crmId: is required to reconcile (records[4])",
                "contact.crmId: appears more than once in this chunk of the input; only the first was sent"),
                result.failures().stream().map(r -> r.message()).toList());
    }

    @Test
    void aPrivateRecordLeavesTheLedgerAndIsSentAgainWhenPublic() {
        List<Contact> input = contacts(3);
        reconciler.contacts().reconcile(input);
        Contact hidden = input.get(1).toBuilder().visibility(Visibility.PRIVATE).build();
        ReconcileResult result = reconciler.contacts().reconcile(List.of(input.get(0), hidden, input.get(2)));
        assertEquals(1, result.skippedPrivate());
        assertEquals(2, ledger.entries(ORG, SyncResource.CONTACTS));
        assertEquals(1, reconciler.contacts().reconcile(input).sent());
    }

    @Test
    void aFullSnapshotDeletesWhatTheCrmNoLongerHoldsWithinTheCap() {
        List<Contact> input = contacts(200);
        reconciler.contacts().reconcile(input);

        ReconcileResult notOptedIn = reconciler.contacts().reconcile(input.subList(0, 197),
                ReconcileOptions.builder().fullSnapshot(true).build());
        assertEquals(3, notOptedIn.missing());
        assertEquals(0, notOptedIn.deleted());
        assertEquals(0, recordsSent("BATCH_DELETE", "crmContacts"));

        ReconcileResult withinCap = reconciler.contacts().reconcile(input.subList(0, 197),
                ReconcileOptions.builder().fullSnapshot(true).deleteMissing(true).build());
        assertEquals(3, withinCap.deleted(), withinCap.toString());
        assertEquals(197, fake.server().state(ORG).count("crmContacts"));
        assertEquals(197, ledger.entries(ORG, SyncResource.CONTACTS));

        ReconcileOptions deleteHalf = ReconcileOptions.builder().fullSnapshot(true).deleteMissing(true).build();
        ReconcileResult overCap = reconciler.contacts().reconcile(input.subList(0, 100), deleteHalf);
        assertEquals(97, overCap.deletionsHeldBack());
        assertEquals(0, overCap.deleted());
        assertFalse(overCap.complete());
        assertEquals(197, fake.server().state(ORG).count("crmContacts"), "nothing deleted beyond the cap");

        ReconcileResult confirmed = reconciler.contacts().reconcile(input.subList(0, 100), ReconcileOptions.builder()
                .fullSnapshot(true).deleteMissing(true).confirmDeletions(97).build());
        assertEquals(97, confirmed.deleted());
        assertEquals(100, fake.server().state(ORG).count("crmContacts"));
        assertEquals(100, ledger.entries(ORG, SyncResource.CONTACTS));
        assertEquals(100, recordsSent("BATCH_DELETE", "crmContacts"));
    }

    @Test
    void deletingNeedsAFullSnapshotAndTheOptionsNameTheirRule() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ReconcileOptions.builder().deleteMissing(true));
        assertTrue(e.getMessage().startsWith("deleteMissing: requires fullSnapshot(true)"), e.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ReconcileOptions.builder().maxDeletedShare(2))
                .getMessage().startsWith("maxDeletedShare:"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ReconcileOptions.builder().batchSize(101))
                .getMessage().startsWith("batchSize:"));
    }

    @Test
    void theLedgerHoldsNoPersonalDataOnlyKeysAndSaltedDigests() {
        SyncLedger a = SyncLedger.inMemory();
        SyncLedger b = SyncLedger.inMemory();
        Reconciler.of(client, a).contacts().reconcile(contacts(1));
        // The same record digests differently under another ledger's salt: a second run through b sends it.
        assertEquals(1, Reconciler.of(client, b).contacts().reconcile(contacts(1)).sent());
        assertEquals(0, Reconciler.of(client, a).contacts().reconcile(contacts(1)).sent());
        a.close();
        b.close();
    }


}
