package dev.crmconnect.sdk.webhook;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Push bodies and signatures for tests, computed with javax.crypto independently of the SDK. */
final class Pushes {

    static final String SECRET = "s3cr3t-client-secret";
    static final String CONTEXT = "urn:li:organization:1001";
    static final long OCCURRED_AT = 1_700_000_000_123L;

    private Pushes() {
    }

    static byte[] exportBody(String requestId) {
        return body("EXPORT_CANDIDATE_PROFILE", requestId);
    }

    static byte[] body(String eventType, String requestId) {
        return ("{\"eventType\":\"" + eventType + "\",\"requestId\":\"" + requestId
                + "\",\"integrationContext\":\"" + CONTEXT + "\",\"occurredAt\":" + OCCURRED_AT + "}")
                .getBytes(StandardCharsets.UTF_8);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Lower-case hex HMAC-SHA256 of the body keyed with the secret. */
    static String hmacHex(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static String signature(String secret, byte[] body) {
        return "hmacsha256=" + hmacHex(secret, body);
    }

    static Map<String, List<String>> headers(String secret, byte[] body) {
        return Map.of("X-LI-Signature", List.of(signature(secret, body)));
    }
}
