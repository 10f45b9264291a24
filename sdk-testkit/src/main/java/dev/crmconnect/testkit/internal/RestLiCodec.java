package dev.crmconnect.testkit.internal;

import java.util.Map;

/**
 * The Rest.li 2.0 codec as the fake uses it: keys in paths and queries, and query strings.
 * One seam, so that the fake reads keys exactly as the SDK writes them.
 */
final class RestLiCodec {

    private RestLiCodec() {
    }

    /** Decodes one value: a String, a {@code List<Object>} or a {@code Map<String,Object>}. */
    static Object decode(String encoded) {
        return InterimRestLi.decode(encoded);
    }

    /** Encodes one value in its canonical form (object fields sorted by name). */
    static String encode(Object value) {
        return InterimRestLi.encode(value);
    }

    /** Decodes a raw query string ({@code a=b&c=List(...)}) into its parameters. */
    static Map<String, Object> decodeQuery(String rawQuery) {
        return InterimRestLi.decodeQuery(rawQuery);
    }
}
