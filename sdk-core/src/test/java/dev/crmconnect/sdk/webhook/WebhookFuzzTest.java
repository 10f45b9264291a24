package dev.crmconnect.sdk.webhook;

import static dev.crmconnect.sdk.webhook.Pushes.SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import dev.crmconnect.sdk.exception.WebhookException;
import dev.crmconnect.sdk.exception.WebhookPayloadException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random and mutated bodies and headers into verification and parsing: the only failures allowed
 * are the SDK's own WebhookException types, and the receiver always answers with a status.
 */
class WebhookFuzzTest {

    private static final int CASES_PER_SEED = 3_000;
    private static final String[] PIECES = {
        "{", "}", "[", "]", ":", ",", "\"", "\\", "\\u", "\\u00", "null", "true", "1", "-", "1e999", "0.5",
        "99999999999999999999", "\"eventType\"", "\"requestId\"", "\"integrationContext\"", "\"occurredAt\"",
        "\"EXPORT_CANDIDATE_PROFILE\"", "\"INTEGRATION_STATUS_CHANGE\"", "\"X\"", " ", "\n", "é", "\uD83D",
        "\u0000", "/*", "//"};
    private static final String[] HEADER_NAMES = {"X-LI-Signature", "x-li-signature", "X-LI-SIGNATURE", "X-LI-Sig"};

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {20_240_611L, 7L, 8L})
    void onlyWebhookExceptionsComeOut(long seed) {
        Random random = new Random(seed);
        WebhookVerifier verifier = WebhookVerifier.of(SECRET);
        WebhookReceiver receiver = WebhookReceiver.builder().clientSecret(SECRET).handler(event -> { }).build();
        for (int i = 0; i < CASES_PER_SEED; i++) {
            byte[] body = randomBody(random);
            Map<String, List<String>> headers = randomHeaders(random, body);
            String where = "seed " + seed + ", case " + i;
            try {
                verifier.verify(body, headers);
                assertNotNull(WebhookEvent.parse(body), where);
            } catch (WebhookException e) {
                assertNotNull(e.getMessage(), where);
            } catch (RuntimeException | StackOverflowError e) {
                fail(where + ": expected only WebhookException", e);
            }
            int status = receiver.receive(body, headers).httpStatus();
            if (status != 200 && status != 400 && status != 401) {
                fail(where + ": unexpected status " + status);
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {20_240_611L, 9L})
    void signedGarbageIsAlwaysA400OrAnEvent(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < CASES_PER_SEED; i++) {
            byte[] body = randomBody(random);
            String where = "seed " + seed + ", case " + i;
            try {
                WebhookEvent.parse(body);
            } catch (WebhookPayloadException e) {
                assertNotNull(e.getMessage(), where);
                continue;
            } catch (RuntimeException | StackOverflowError e) {
                fail(where + ": expected only WebhookPayloadException", e);
            }
            WebhookReceiver receiver = WebhookReceiver.builder().clientSecret(SECRET).handler(event -> { }).build();
            assertEquals(200, receiver.receive(body, Pushes.headers(SECRET, body)).httpStatus(), where);
        }
    }

    private static byte[] randomBody(Random random) {
        switch (random.nextInt(4)) {
            case 0 -> {
                byte[] bytes = new byte[random.nextInt(200)];
                random.nextBytes(bytes);
                return bytes;
            }
            case 1 -> {
                StringBuilder text = new StringBuilder();
                int pieces = random.nextInt(30);
                for (int p = 0; p < pieces; p++) {
                    text.append(PIECES[random.nextInt(PIECES.length)]);
                }
                return text.toString().getBytes(StandardCharsets.UTF_8);
            }
            default -> {
                byte[] valid = Pushes.body(random.nextBoolean() ? "EXPORT_CANDIDATE_PROFILE" : "NEW_TYPE",
                        "req-" + random.nextInt(50));
                return mutate(valid, random);
            }
        }
    }

    /** Zero to three byte edits: replace, delete, or insert. */
    private static byte[] mutate(byte[] valid, Random random) {
        byte[] out = valid.clone();
        int edits = random.nextInt(4);
        for (int e = 0; e < edits && out.length > 0; e++) {
            int at = random.nextInt(out.length);
            switch (random.nextInt(3)) {
                case 0 -> out[at] = (byte) random.nextInt(256);
                case 1 -> {
                    byte[] shorter = new byte[out.length - 1];
                    System.arraycopy(out, 0, shorter, 0, at);
                    System.arraycopy(out, at + 1, shorter, at, out.length - at - 1);
                    out = shorter;
                }
                default -> {
                    byte[] longer = new byte[out.length + 1];
                    System.arraycopy(out, 0, longer, 0, at);
                    longer[at] = (byte) random.nextInt(256);
                    System.arraycopy(out, at, longer, at + 1, out.length - at);
                    out = longer;
                }
            }
        }
        return out;
    }

    private static Map<String, List<String>> randomHeaders(Random random, byte[] body) {
        Map<String, List<String>> headers = new HashMap<>();
        String name = HEADER_NAMES[random.nextInt(HEADER_NAMES.length)];
        String good = Pushes.signature(SECRET, body);
        String value = switch (random.nextInt(6)) {
            case 0, 1 -> good;
            case 2 -> good.substring(0, random.nextInt(good.length() + 1));
            case 3 -> mutateText(good, random);
            case 4 -> new String(randomBytes(random), StandardCharsets.ISO_8859_1);
            default -> "hmacsha256=" + mutateText(Pushes.hmacHex("other", body), random);
        };
        headers.put(name, random.nextInt(10) == 0 ? List.of(value, value) : List.of(value));
        return headers;
    }

    private static String mutateText(String text, Random random) {
        StringBuilder out = new StringBuilder(text);
        int at = random.nextInt(out.length());
        out.setCharAt(at, (char) random.nextInt(128));
        return out.toString();
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(90)];
        random.nextBytes(bytes);
        return bytes;
    }
}
