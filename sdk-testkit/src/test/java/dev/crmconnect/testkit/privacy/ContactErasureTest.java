package dev.crmconnect.testkit.privacy;

import static dev.crmconnect.testkit.privacy.Seed.ERASED;
import static dev.crmconnect.testkit.privacy.Seed.ERASED_NOTES;
import static dev.crmconnect.testkit.privacy.Seed.KEPT;
import static dev.crmconnect.testkit.privacy.Seed.ORG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmconnect.model.RecordKey;
import dev.crmconnect.sdk.CrmConnectClient;
import dev.crmconnect.sdk.RetryPolicy;
import dev.crmconnect.sdk.restli.RestLi;
import dev.crmconnect.sdk.privacy.ContactEraser;
import dev.crmconnect.sdk.privacy.ErasureReceipt;
import dev.crmconnect.sdk.privacy.RecordKind;
import dev.crmconnect.sdk.sync.Reconciler;
import dev.crmconnect.sdk.sync.SyncLedger;
import dev.crmconnect.sdk.sync.SyncResource;
import dev.crmconnect.testkit.FakeCrmConnect;
import dev.crmconnect.testkit.FakeCrmConnectExtension;
import dev.crmconnect.testkit.FakeTenant;
import dev.crmconnect.testkit.TenantState;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Erasing a contact everywhere, against the stateful fake. */
class ContactErasureTest {

    @RegisterExtension
    static FakeCrmConnectExtension fake = FakeCrmConnectExtension.of(FakeCrmConnect.builder()
            .tenant(new FakeTenant("client-a", "secret-a", ORG)));

    private CrmConnectClient client;

    @BeforeEach
    void setUp() {
        // No retries: an injected fault must reach the erase instead of being retried away.
        client = CrmConnectClient.builder()
                .baseUrl(fake.server().baseUrl())
                .tokenUrl(fake.server().tokenUrl())
                .credentials("client-a", "secret-a")
                .integrationContext(ORG)
                .retryPolicy(RetryPolicy.none())
                .build();
        Seed.records(client);
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    private TenantState state() {
        return fake.server().state(ORG);
    }

    @Test
    void afterAnEraseTheFakeHoldsNothingOfTheContact() throws Exception {
        int keptBefore = Seed.heldFor(state(), KEPT).size();
        assertEquals(1 + ERASED_NOTES + 1 + 2 + 2, Seed.heldFor(state(), ERASED).size());

        ErasureReceipt receipt = ContactEraser.of(client).eraseAsync(ERASED).get(60, TimeUnit.SECONDS);

        assertTrue(receipt.complete(), receipt.failures().toString());
        assertEquals(List.of(), Seed.heldFor(state(), ERASED));
        assertFalse(state().entities().toString().contains(ERASED), "no trace of the contact's crmId anywhere");
        assertEquals(keptBefore, Seed.heldFor(state(), KEPT).size(), "the other contact keeps everything");
        assertEquals(3, state().count("crmPools"), "pools stay; only memberships go");
        assertEquals(1, state().count("crmVacancies"));

        assertEquals(ERASED_NOTES, receipt.deleted(RecordKind.NOTE).size());
        assertEquals(List.of(new ErasureReceipt.Deleted(RecordKind.EMAIL_INTERACTION, "email-e-1")),
                receipt.deleted(RecordKind.EMAIL_INTERACTION));
        assertEquals(List.of("app-e-1", "app-e-2"),
                receipt.deleted(RecordKind.APPLICATION).stream().map(ErasureReceipt.Deleted::crmId).toList());
        assertEquals(Seed.ERASED_POOLS,
                receipt.deleted(RecordKind.POOL_MEMBERSHIP).stream().map(ErasureReceipt.Deleted::crmId).toList());
        assertEquals(List.of(new ErasureReceipt.Deleted(RecordKind.CONTACT, ERASED)),
                receipt.deleted(RecordKind.CONTACT));
        assertEquals(RecordKind.CONTACT, receipt.deleted().get(receipt.deleted().size() - 1).kind(),
                "the contact goes last");
    }

    @Test
    void anEraseWithTheSyncLedgerLeavesNoEntryOfTheContact() throws Exception {
        try (SyncLedger ledger = SyncLedger.inMemory()) {
            Reconciler reconciler = Reconciler.of(client, ledger);
            reconciler.contacts().reconcile(client.contacts().list().stream().toList());
            reconciler.notes().reconcile(List.of(Seed.note("note-e-1", ERASED), Seed.note("note-k-1", KEPT)));
            reconciler.poolMembers("pool-a").reconcile(List.of(Seed.member(ERASED), Seed.member(KEPT)));
            assertEquals(2, ledger.entries(ORG, SyncResource.CONTACTS));

            ErasureReceipt receipt = ContactEraser.of(client, ledger).eraseAsync(ERASED).get(60, TimeUnit.SECONDS);

            assertTrue(receipt.complete(), receipt.failures().toString());
            assertEquals(1, ledger.entries(ORG, SyncResource.CONTACTS));
            assertEquals(1, ledger.entries(ORG, SyncResource.NOTES));
            assertEquals(1, ledger.poolMemberEntries(ORG, "pool-a"));
            assertEquals(1, reconciler.contacts().reconcile(client.contacts().list().stream().toList()).unchanged(),
                    "the kept contact's entry stays");
        }
    }

    @Test
    void aRerunOfACompleteEraseFindsNothingMoreAndStillSucceeds() {
        ContactEraser eraser = ContactEraser.of(client);
        assertTrue(eraser.erase(ERASED).complete());

        ErasureReceipt again = eraser.erase(ERASED);

        assertTrue(again.complete(), again.failures().toString());
        assertEquals(List.of(new ErasureReceipt.Deleted(RecordKind.CONTACT, ERASED)), again.deleted(),
                "deleting an absent contact succeeds; nothing else is left to find");
    }

    @Test
    void anEraseInterruptedByFaultsReportsThemAndARerunCompletesIt() {
        String poolC = "/crmPools/" + RestLi.encode(RestLi.keyValue(RecordKey.of("pool-c", ORG))) + "/members";
        fake.server().failNext("/crmNotes", 1, 503);      // the notes finder
        fake.server().failNext(poolC, 1, 500);            // pool-c's member listing
        fake.server().failNext("/crmContacts", 1, 503);   // the contact's delete, the erase's only contact call
        ContactEraser eraser = ContactEraser.of(client);

        ErasureReceipt partial = eraser.erase(ERASED);

        assertFalse(partial.complete());
        assertEquals(3, partial.failures().size(), partial.failures().toString());
        ErasureReceipt.Failure notes = partial.failures(RecordKind.NOTE).get(0);
        assertEquals(null, notes.crmId());
        assertTrue(notes.message().startsWith("listing the contact's notes failed"), notes.message());
        assertEquals(503, notes.failure().orElseThrow().status());
        assertEquals("pool-c", partial.failures(RecordKind.POOL_MEMBERSHIP).get(0).crmId());
        assertEquals(ERASED, partial.failures(RecordKind.CONTACT).get(0).crmId());
        assertEquals(List.of("pool-a"),
                partial.deleted(RecordKind.POOL_MEMBERSHIP).stream().map(ErasureReceipt.Deleted::crmId).toList());
        assertEquals(2, partial.deleted(RecordKind.APPLICATION).size());
        List<String> left = Seed.heldFor(state(), ERASED);
        assertEquals(1 + ERASED_NOTES + 1, left.size(), left.toString());
        assertTrue(left.contains("crmContacts/" + ERASED), left.toString());

        ErasureReceipt rest = eraser.erase(ERASED);

        assertTrue(rest.complete(), rest.failures().toString());
        assertEquals(ERASED_NOTES, rest.deleted(RecordKind.NOTE).size());
        assertEquals(List.of(new ErasureReceipt.Deleted(RecordKind.POOL_MEMBERSHIP, "pool-c")),
                rest.deleted(RecordKind.POOL_MEMBERSHIP));
        assertEquals(List.of(), rest.deleted(RecordKind.APPLICATION), "already gone");
        assertEquals(List.of(), Seed.heldFor(state(), ERASED));
    }
}
