package dev.crmconnect.sdk.internal.json;

import com.fasterxml.jackson.core.Version;

/**
 * Refuses a Jackson older than the SDK needs, by name, before the first call: the SDK sets the
 * stream-read limits that jackson-core 2.15 introduced, and an older jar on the classpath would
 * otherwise surface as a bare {@code NoClassDefFoundError} in the middle of a sync.
 */
public final class JacksonVersion {

    static final Version MINIMUM = new Version(2, 15, 0, null, "com.fasterxml.jackson.core", "jackson-core");

    private JacksonVersion() {
    }

    /**
     * Checks the jackson-core and jackson-databind found at run time.
     *
     * @throws IllegalStateException naming the artifact, the version found and the minimum
     */
    public static void requireSupported() {
        require(com.fasterxml.jackson.core.json.PackageVersion.VERSION);
        require(com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION);
    }

    static void require(Version found) {
        if (found.getMajorVersion() != MINIMUM.getMajorVersion()
                || found.getMinorVersion() < MINIMUM.getMinorVersion()) {
            throw new IllegalStateException("The CRM Connect SDK needs Jackson " + MINIMUM.getMajorVersion() + "."
                    + MINIMUM.getMinorVersion() + " or newer in the 2.x line, but found " + found.getArtifactId() + " "
                    + found.toString() + "; manage jackson-bom 2.15 or newer in your build");
        }
    }
}
