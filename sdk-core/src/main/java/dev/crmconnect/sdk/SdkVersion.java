package dev.crmconnect.sdk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of this SDK, as built. */
public final class SdkVersion {

    private static final String VERSION = load();

    private SdkVersion() {
    }

    /**
     * The SDK's version, as sent in the {@code User-Agent}.
     *
     * @return the version from the jar's {@code sdk.properties}, for example {@code 0.1.0}
     */
    public static String version() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = SdkVersion.class.getResourceAsStream("sdk.properties")) {
            if (in == null) {
                throw new IllegalStateException("sdk.properties is missing from the sdk-core jar");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
