package dev.crmconnect.sdk;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SdkVersionTest {

    @Test
    void versionIsFilteredFromTheBuild() {
        String version = SdkVersion.version();
        assertTrue(version.matches("\\d+\\.\\d+\\.\\d+.*"), () -> "unexpected version " + version);
    }
}
