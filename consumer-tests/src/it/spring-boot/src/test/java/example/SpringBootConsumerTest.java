package example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crmconnect.model.Contact;
import dev.crmconnect.sdk.BatchResult;
import dev.crmconnect.sdk.CrmConnectClient;
import dev.crmconnect.testkit.FakeCrmConnect;
import dev.crmconnect.testkit.FakeTenant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest
class SpringBootConsumerTest {

    private static final String ORG = "urn:li:organization:1001";
    private static final FakeCrmConnect FAKE = FakeCrmConnect.builder()
            .tenant(new FakeTenant("client-id", "client-secret", ORG)).start();

    @DynamicPropertySource
    static void crmSettings(DynamicPropertyRegistry registry) {
        registry.add("crm.base-url", FAKE::baseUrl);
        registry.add("crm.token-url", FAKE::tokenUrl);
        registry.add("crm.client-id", () -> "client-id");
        registry.add("crm.client-secret", () -> "client-secret");
        registry.add("crm.integration-context", () -> ORG);
    }

    @AfterAll
    static void stopFake() {
        FAKE.close();
    }

    @Autowired
    CrmConnectClient client;

    @Test
    void bootsVersionsOfJacksonAndJUnitAreTheOnesInUse() {
        assertEquals(System.getProperty("expected.jackson"),
                com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString());
        assertEquals(System.getProperty("expected.junit"), Test.class.getPackage().getImplementationVersion());
    }

    @Test
    void theInjectedClientSyncsWithTheFake() {
        BatchResult result = client.contacts().upsert(List.of(
                Contact.builder().crmId("c-1").firstName("Ada").lastName("Lovelace").build()));
        assertEquals(1, result.succeeded().size(), "failed: " + result.failed());
        assertEquals(1, FAKE.state(ORG).count("crmContacts"));
    }
}
