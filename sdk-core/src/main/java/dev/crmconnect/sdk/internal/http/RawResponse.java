package dev.crmconnect.sdk.internal.http;

import java.net.http.HttpHeaders;
import java.util.Optional;

/** A status, headers and the whole (capped) body, as received; nothing interpreted yet. */
record RawResponse(int status, HttpHeaders headers, byte[] body) {

    /** The {@code X-LI-UUID} request id, made safe for messages and logs. */
    Optional<String> requestId() {
        return headers.firstValue("X-LI-UUID").map(RawResponse::printable).filter(id -> !id.isEmpty());
    }

    boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** Keeps visible ASCII only and at most 128 characters: a header is untrusted input. */
    static String printable(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length() && out.length() < 128; i++) {
            char c = value.charAt(i);
            if (c > 0x20 && c < 0x7f) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
