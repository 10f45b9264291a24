package dev.crmconnect.sdk.webhook;

import static dev.crmconnect.sdk.webhook.Pushes.SECRET;
import static dev.crmconnect.sdk.webhook.Pushes.signature;
import static dev.crmconnect.sdk.webhook.Pushes.utf8;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmconnect.sdk.exception.WebhookSignatureException.Reason;
import dev.crmconnect.sdk.exception.WebhookSignatureException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookVerifierTest {

    private static final byte[] BODY = Pushes.exportBody("req-1");
    private final WebhookVerifier verifier = WebhookVerifier.of(SECRET);

    @Test
    void rfc4231KnownAnswer() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
        String expected = "hmacsha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
        byte[] data = utf8("what do ya want for nothing?");
        WebhookVerifier jefe = WebhookVerifier.of("Jefe");
        assertEquals(expected, jefe.sign(data));
        assertEquals(expected, signature("Jefe", data));
        assertDoesNotThrow(() -> jefe.verify(data, expected));
    }

    @Test
    void signaturesMatchAnIndependentHmacForRandomBodiesAndSecrets() {
        long seed = 4_231L;
        Random random = new Random(seed);
        for (int i = 0; i < 200; i++) {
            byte[] body = new byte[random.nextInt(300)];
            random.nextBytes(body);
            String secret = "secret-" + Long.toHexString(random.nextLong()) + (i % 2 == 0 ? "é" : "");
            String header = signature(secret, body);
            String where = "seed " + seed + ", case " + i;
            assertEquals(header, WebhookVerifier.of(secret).sign(body), where);
            assertDoesNotThrow(() -> WebhookVerifier.of(secret).verify(body, header), where);
        }
    }

    @Test
    void aValidPushPassesWithTheHeaderNameInAnyCase() {
        for (String name : List.of("X-LI-Signature", "x-li-signature", "X-LI-SIGNATURE", "X-li-signature")) {
            Map<String, List<String>> headers = new HashMap<>();
            headers.put("Content-Type", List.of("application/json"));
            headers.put(name, List.of(signature(SECRET, BODY)));
            assertDoesNotThrow(() -> verifier.verify(BODY, headers), name);
        }
    }

    @Test
    void upperCaseHexAndSurroundingWhitespaceAreAccepted() {
        String hex = Pushes.hmacHex(SECRET, BODY);
        assertDoesNotThrow(() -> verifier.verify(BODY, "hmacsha256=" + hex.toUpperCase()));
        assertDoesNotThrow(() -> verifier.verify(BODY, "  hmacsha256=" + hex + " \t"));
    }

    @Test
    void anEmptyBodyCanBeSignedAndVerified() {
        byte[] empty = new byte[0];
        assertDoesNotThrow(() -> verifier.verify(empty, signature(SECRET, empty)));
    }

    @Test
    void missingHeaderIsRefused() {
        assertReason(Reason.MISSING_HEADER, () -> verifier.verify(BODY, Map.of("Content-Type", List.of("x"))));
        assertReason(Reason.MISSING_HEADER, () -> verifier.verify(BODY, Map.of("X-LI-Signature", List.of())));
        assertReason(Reason.MISSING_HEADER, () -> verifier.verify(BODY, (String) null));
    }

    @Test
    void repeatedHeaderIsRefusedEvenWhenOneValueIsRight() {
        String good = signature(SECRET, BODY);
        assertReason(Reason.MULTIPLE_HEADERS,
                () -> verifier.verify(BODY, Map.of("X-LI-Signature", List.of(good, good))));
        Map<String, List<String>> twoNames = new HashMap<>();
        twoNames.put("X-LI-Signature", List.of(good));
        twoNames.put("x-li-signature", List.of(signature("other", BODY)));
        assertReason(Reason.MULTIPLE_HEADERS, () -> verifier.verify(BODY, twoNames));
    }

    @Test
    void malformedHeadersAreRefusedWithTheirReason() {
        String hex = Pushes.hmacHex(SECRET, BODY);
        assertReason(Reason.WRONG_PREFIX, () -> verifier.verify(BODY, hex));
        assertReason(Reason.WRONG_PREFIX, () -> verifier.verify(BODY, "sha256=" + hex));
        assertReason(Reason.WRONG_PREFIX, () -> verifier.verify(BODY, "HMACSHA256=" + hex));
        assertReason(Reason.WRONG_PREFIX, () -> verifier.verify(BODY, ""));
        assertReason(Reason.WRONG_LENGTH, () -> verifier.verify(BODY, "hmacsha256="));
        assertReason(Reason.WRONG_LENGTH, () -> verifier.verify(BODY, "hmacsha256=" + hex.substring(1)));
        assertReason(Reason.WRONG_LENGTH, () -> verifier.verify(BODY, "hmacsha256=" + hex.substring(2)));
        assertReason(Reason.WRONG_LENGTH, () -> verifier.verify(BODY, "hmacsha256=" + hex + "00"));
        assertReason(Reason.WRONG_LENGTH, () -> verifier.verify(BODY, "hmacsha256=" + hex + hex));
        assertReason(Reason.NOT_HEX, () -> verifier.verify(BODY, "hmacsha256=" + "g" + hex.substring(1)));
        assertReason(Reason.NOT_HEX, () -> verifier.verify(BODY, "hmacsha256=" + hex.substring(1) + "z"));
        assertReason(Reason.NOT_HEX, () -> verifier.verify(BODY, "hmacsha256=" + hex.substring(0, 5) + ' ' + hex.substring(6)));
    }

    @Test
    void wrongKeyIsAMismatch() {
        assertReason(Reason.MISMATCH, () -> verifier.verify(BODY, signature(SECRET + "x", BODY)));
        assertReason(Reason.MISMATCH, () -> WebhookVerifier.of("other").verify(BODY, signature(SECRET, BODY)));
    }

    @Test
    void aBodyChangedInAnyOneByteIsAMismatch() {
        String header = signature(SECRET, BODY);
        for (int i = 0; i < BODY.length; i++) {
            for (int delta : new int[] {1, -1, 0x80}) {
                byte[] tampered = BODY.clone();
                tampered[i] = (byte) (tampered[i] + delta);
                int at = i;
                assertReason(Reason.MISMATCH, () -> verifier.verify(tampered, header), "byte " + at + " + " + delta);
            }
        }
    }

    @Test
    void aBodyWithAByteAddedOrRemovedIsAMismatch() {
        String header = signature(SECRET, BODY);
        byte[] longer = java.util.Arrays.copyOf(BODY, BODY.length + 1);
        byte[] shorter = java.util.Arrays.copyOf(BODY, BODY.length - 1);
        assertReason(Reason.MISMATCH, () -> verifier.verify(longer, header));
        assertReason(Reason.MISMATCH, () -> verifier.verify(shorter, header));
    }

    @Test
    void aSignatureChangedInAnyOneDigitIsAMismatch() {
        String hex = Pushes.hmacHex(SECRET, BODY);
        for (int i = 0; i < hex.length(); i++) {
            char other = hex.charAt(i) == '0' ? '1' : '0';
            String changed = "hmacsha256=" + hex.substring(0, i) + other + hex.substring(i + 1);
            int at = i;
            assertReason(Reason.MISMATCH, () -> verifier.verify(BODY, changed), "digit " + at);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"hmacsha256=zz", "nothing", "hmacsha256=00"})
    void messagesNeverEchoTheSecretOrTheBody(String header) {
        byte[] body = utf8("{\"eventType\":\"jane.doe@example.com\"}");
        WebhookSignatureException e = assertThrows(WebhookSignatureException.class,
                () -> verifier.verify(body, header));
        assertFalse(e.getMessage().contains(SECRET));
        assertFalse(e.getMessage().contains("jane.doe"));
        assertTrue(e.getMessage().contains("X-LI-Signature"), e.getMessage());
        WebhookSignatureException mismatch = assertThrows(WebhookSignatureException.class,
                () -> verifier.verify(body, signature("x", body)));
        assertFalse(mismatch.getMessage().contains(SECRET) || mismatch.getMessage().contains("jane.doe"));
        assertFalse(verifier.toString().contains(SECRET));
    }

    @Test
    void anEmptyOrNullSecretIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WebhookVerifier.of(""));
        assertTrue(e.getMessage().contains("clientSecret"));
        assertThrows(NullPointerException.class, () -> WebhookVerifier.of(null));
    }

    @Test
    void comparisonIsAlwaysOnTwoFullLengthDigestsWhereverTheyDiffer() {
        List<int[]> lengths = new ArrayList<>();
        WebhookVerifier watched = WebhookVerifier.withComparison(SECRET, (expected, given) -> {
            lengths.add(new int[] {expected.length, given.length});
            return java.security.MessageDigest.isEqual(expected, given);
        });
        String hex = Pushes.hmacHex(SECRET, BODY);
        for (int i = 0; i < hex.length(); i += 2) {
            String changed = "hmacsha256=" + hex.substring(0, i) + (hex.charAt(i) == 'f' ? 'e' : 'f')
                    + hex.substring(i + 1);
            assertReason(Reason.MISMATCH, () -> watched.verify(BODY, changed));
        }
        watched.verify(BODY, "hmacsha256=" + hex);
        assertEquals(hex.length() / 2 + 1, lengths.size(), "one comparison per verification");
        for (int[] pair : lengths) {
            assertEquals(32, pair[0]);
            assertEquals(32, pair[1]);
        }
        // A malformed header never reaches the comparison: its length is checked first.
        assertReason(Reason.WRONG_LENGTH, () -> watched.verify(BODY, "hmacsha256=00"));
        assertEquals(hex.length() / 2 + 1, lengths.size());
    }

    @Test
    void thePublicVerifierComparesWithMessageDigestIsEqualOnly() throws Exception {
        // Structure, not timing: the digests meet in exactly one place, MessageDigest.isEqual,
        // which reads every byte of two equal-length arrays; nothing else compares them.
        String source = Files.readString(
                Path.of("src/main/java/dev/crmconnect/sdk/webhook/WebhookVerifier.java"));
        assertTrue(source.contains("new WebhookVerifier(clientSecret, MessageDigest::isEqual)"));
        assertEquals(1, count(source, "sameDigest.test("), "one comparison");
        for (String other : List.of("Arrays.equals", ".equals(", "compare(", "mismatch(", "String.valueOf(given")) {
            assertEquals(0, count(source, other), other);
        }
        // The signature reaches the comparison as decoded bytes of checked length, never as text.
        assertTrue(source.indexOf("HEX_LENGTH)") < source.indexOf("Hex.decode("));
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    private static void assertReason(Reason reason, org.junit.jupiter.api.function.Executable call) {
        assertReason(reason, call, "");
    }

    private static void assertReason(Reason reason, org.junit.jupiter.api.function.Executable call, String where) {
        WebhookSignatureException e = assertThrows(WebhookSignatureException.class, call, where);
        assertEquals(reason, e.reason(), where + ": " + e.getMessage());
    }
}
