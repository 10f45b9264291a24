package dev.crmconnect.benchmarks.raw;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Rest.li 2.0 keys as a hand-written integration would encode them: {@link URLEncoder} with the
 * three fixes that turn form encoding into Rest.li's ({@code +} to {@code %20}, {@code *} to
 * {@code %2A}, {@code %7E} back to {@code ~}), and the key's fields written in their sorted order
 * by hand. Gives the same text as the SDK's codec for the keys a sync sends.
 */
public final class NaiveKeys {

    private NaiveKeys() {
    }

    /** {@code (crmId:<id>,dataProvider:CRM,integrationContext:<urn>)}. */
    public static String key(String crmId, String integrationContext) {
        return "(crmId:" + encode(crmId) + ",dataProvider:CRM,integrationContext:" + encode(integrationContext) + ")";
    }

    /** {@code List(<key>,<key>,...)}. */
    public static String list(List<String> encodedKeys) {
        return "List(" + String.join(",", encodedKeys) + ")";
    }

    /** One string, percent-encoded as UTF-8, leaving only {@code A-Z a-z 0-9 - _ . ~}. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A")
                .replace("%7E", "~");
    }
}
