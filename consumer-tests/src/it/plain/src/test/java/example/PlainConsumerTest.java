package example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crmconnect.model.Contact;
import dev.crmconnect.sdk.BatchResult;
import dev.crmconnect.sdk.CrmConnectClient;
import dev.crmconnect.testkit.FakeCrmConnect;
import dev.crmconnect.testkit.FakeTenant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlainConsumerTest {

    private static final String ORG = "urn:li:organization:1001";

    @Test
    void theBomLeavesTheProjectsOwnVersionsAlone() {
        assertEquals(System.getProperty("expected.jackson"),
                com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString());
        assertEquals(System.getProperty("expected.junit"), Test.class.getPackage().getImplementationVersion());
    }

    @Test
    void syncsContactsWithTheFake() {
        try (FakeCrmConnect fake = FakeCrmConnect.builder().tenant(new FakeTenant("id", "secret", ORG)).start();
             CrmConnectClient client = fake.client()) {
            BatchResult result = client.contacts().upsert(List.of(
                    Contact.builder().crmId("c-1").firstName("Ada").lastName("Lovelace").build(),
                    Contact.builder().crmId("c-2").firstName("Charles").lastName("Babbage").build()));
            assertEquals(2, result.succeeded().size(), "failed: " + result.failed());
            assertEquals(2, fake.state(ORG).count("crmContacts"));
        }
    }
}
