package dev.crmconnect.sdk.internal.json;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.Version;
import org.junit.jupiter.api.Test;

class JacksonVersionTest {

    @Test
    void theJacksonOfTheBuildIsAccepted() {
        assertDoesNotThrow(JacksonVersion::requireSupported);
    }

    @Test
    void versionsFromTwoFifteenOnAreAccepted() {
        assertDoesNotThrow(() -> JacksonVersion.require(version(2, 15, 0)));
        assertDoesNotThrow(() -> JacksonVersion.require(version(2, 21, 3)));
    }

    @Test
    void anOlderJacksonIsRefusedWithTheVersionFoundAndTheMinimum() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> JacksonVersion.require(version(2, 14, 3)));
        assertEquals("The CRM Connect SDK needs Jackson 2.15 or newer in the 2.x line, but found jackson-core 2.14.3;"
                + " manage jackson-bom 2.15 or newer in your build", e.getMessage());
    }

    private static Version version(int major, int minor, int patch) {
        return new Version(major, minor, patch, null, "com.fasterxml.jackson.core", "jackson-core");
    }
}
