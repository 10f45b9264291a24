package dev.crmconnect.testkit.internal;

import java.util.Locale;
import java.util.Map;

/**
 * One HTTP request as the fake sees it, free of the server library's types.
 *
 * @param method   the HTTP method, upper case
 * @param rawPath  the path as sent, still percent-encoded
 * @param rawQuery the query as sent (without '?'), still percent-encoded; empty when absent
 * @param headers  header values by lower-case name (first value of each)
 * @param body     the raw body, empty when absent
 * @param origin   scheme, host and port the call was addressed to ({@code http://127.0.0.1:8089})
 */
record HttpCall(String method, String rawPath, String rawQuery, Map<String, String> headers, byte[] body,
                String origin) {

    /** Splits a raw URL ({@code /path?query}) into path and query. */
    static HttpCall of(String method, String rawUrl, Map<String, String> headers, byte[] body, String origin) {
        int q = rawUrl.indexOf('?');
        String path = q < 0 ? rawUrl : rawUrl.substring(0, q);
        String query = q < 0 ? "" : rawUrl.substring(q + 1);
        return new HttpCall(method.toUpperCase(Locale.ROOT), path, query, headers, body == null ? new byte[0] : body,
                origin);
    }

    /** The header's value, or null; names are matched case-insensitively. */
    String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }
}
