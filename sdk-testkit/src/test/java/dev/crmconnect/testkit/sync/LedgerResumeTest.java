package dev.crmconnect.testkit.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crmconnect.model.Contact;
import dev.crmconnect.sdk.CrmConnectClient;
import dev.crmconnect.sdk.sync.ReconcileOptions;
import dev.crmconnect.sdk.sync.ReconcileResult;
import dev.crmconnect.sdk.sync.Reconciler;
import dev.crmconnect.sdk.sync.SyncLedger;
import dev.crmconnect.sdk.sync.SyncResource;
import dev.crmconnect.sdk.testing.PostgresServer;
import dev.crmconnect.testkit.FakeCrmConnect;
import dev.crmconnect.testkit.FakeCrmConnectExtension;
import dev.crmconnect.testkit.FakeTenant;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A run that stops part way resumes from a reopened file or JDBC ledger: what was acknowledged is skipped. */
class LedgerResumeTest {

    static final String ORG = "urn:li:organization:1001";

    @RegisterExtension
    static FakeCrmConnectExtension fake = FakeCrmConnectExtension.of(FakeCrmConnect.builder()
            .tenant(new FakeTenant("client-a", "secret-a", ORG)));

    @TempDir
    Path directory;

    private CrmConnectClient client;

    @BeforeEach
    void connect() {
        client = fake.server().client("client-a");
    }

    @AfterEach
    void close() {
        client.close();
    }

    /** Fails the 3rd batch for good, reopens the ledger, and checks the next run sends only that batch. */
    private void resumes(Supplier<SyncLedger> open) {
        List<Contact> input = ReconcilerTest.contacts(500);
        ReconcileOptions oneAtATime = ReconcileOptions.builder().batchesInFlight(1).build();
        ReconcileResult first;
        try (SyncLedger ledger = open.get()) {
            first = Reconciler.of(client, ledger).contacts().reconcile(input.subList(0, 200), oneAtATime);
            fake.server().failNext("/crmContacts", 1, 400); // a refusal the client does not retry
            ReconcileResult rest = Reconciler.of(client, ledger).contacts().reconcile(input.subList(200, 500),
                    oneAtATime);
            assertEquals(100, rest.failed(), rest.toString());
            assertEquals(200, rest.sent());
            assertEquals(400, ledger.entries(ORG, SyncResource.CONTACTS));
        }
        assertEquals(200, first.sent());
        try (SyncLedger reopened = open.get()) {
            ReconcileResult resumed = Reconciler.of(client, reopened).contacts().reconcile(input);
            assertEquals(100, resumed.sent(), resumed.toString());
            assertEquals(400, resumed.unchanged());
            assertEquals(500, reopened.entries(ORG, SyncResource.CONTACTS));
        }
        assertEquals(500, fake.server().state(ORG).count("crmContacts"));
        assertEquals(500, fake.server().journal().stream()
                .filter(e -> "BATCH_UPDATE".equals(e.restLiMethod()) && e.status() / 100 == 2)
                .mapToLong(e -> e.keys().size()).sum(), "each record stored once: the acknowledged ones were skipped");
    }

    @Test
    void aFileLedgerResumes() {
        resumes(() -> SyncLedger.file(directory));
    }

    @Test
    void aJdbcLedgerResumes() {
        DataSource database = PostgresServer.shared().newDatabase();
        resumes(() -> SyncLedger.jdbc(database));
    }
}
