package dev.crmconnect.testkit.internal;

import dev.crmconnect.sdk.restli.RestLi;
import java.util.Map;

/**
 * The Rest.li 2.0 codec as the fake uses it: the SDK's own, so that the fake reads keys exactly
 * as the SDK writes them. Failures are {@link IllegalArgumentException}s.
 */
final class RestLiCodec {

    private RestLiCodec() {
    }

    /** Decodes one value: a String, a {@code List<Object>} or a {@code Map<String,Object>}. */
    static Object decode(String encoded) {
        return RestLi.decode(encoded);
    }

    /** Encodes one value in its canonical form (object fields sorted by name). */
    static String encode(Object value) {
        return RestLi.encode(value);
    }

    /** Decodes a raw query string ({@code a=b&c=List(...)}) into its parameters. */
    static Map<String, Object> decodeQuery(String rawQuery) {
        return RestLi.decodeQuery(rawQuery);
    }
}
