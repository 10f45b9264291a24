package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.crmconnect.sdk.CrmConnectClient;
import org.junit.jupiter.api.Test;

class JacksonTooOldTest {

    @Test
    void buildNamesTheJacksonFoundAndTheMinimum() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> CrmConnectClient.builder()
                .credentials("id", "secret").integrationContext("urn:li:organization:1001").build());
        assertEquals("The CRM Connect SDK needs Jackson 2.15 or newer in the 2.x line, but found jackson-core 2.14.3;"
                + " manage jackson-bom 2.15 or newer in your build", e.getMessage());
    }
}
