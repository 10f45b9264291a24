package dev.crmconnect.sdk.restli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.crmconnect.sdk.exception.RestLiSyntaxException;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random and mutated text into the decoders: the only failure allowed is RestLiSyntaxException,
 * and whatever decodes must survive a second trip through the encoder.
 */
class RestLiFuzzTest {

    private static final int CASES_PER_SEED = 5_000;
    private static final String[] PIECES = {
        "(", ")", ",", ":", "'", "''", "%", "List(", "List", "a", "Z", "0", "F", "%2", "%C3", "%AB", "%F0%9F",
        "%80", "%ED%A0%80", "&", "=", "é", "\uD83D", "\uDE00", " ", "+", "%%", "%g1"};

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {20_240_611L, 1L, 2L, 3L})
    void malformedTextIsOnlyEverASyntaxError(long seed) {
        RandomValues values = new RandomValues(seed);
        Random random = values.random();
        for (int i = 0; i < CASES_PER_SEED; i++) {
            String input = switch (random.nextInt(3)) {
                case 0 -> randomText(random);
                case 1 -> mutate(RestLi.encode(values.value(3)), random);
                default -> mutate(RestLi.encodeQuery(values.params()), random);
            };
            String where = "seed " + seed + ", case " + i + ", input " + escaped(input);
            Object value = decodeOrNull(input, where, RestLi::decode);
            if (value != null && !hasSurrogate(input)) {
                assertEquals(value, assertDoesNotThrow(() -> RestLi.decode(RestLi.encode(value)), where), where);
            }
            Map<String, Object> params = decodeOrNull(input, where, RestLi::decodeQuery);
            if (params != null && !hasSurrogate(input) && !params.containsKey("")) {
                assertEquals(params,
                        assertDoesNotThrow(() -> RestLi.decodeQuery(RestLi.encodeQuery(params)), where), where);
            }
        }
    }

    /** The decoded value, or null after a RestLiSyntaxException that names a position in the input. */
    private static <T> T decodeOrNull(String input, String where, Function<String, T> decoder) {
        try {
            return decoder.apply(input);
        } catch (RestLiSyntaxException e) {
            assertTrue(e.position() >= 0 && e.position() <= input.length(), where + ": " + e.getMessage());
            assertTrue(e.getMessage().contains("position " + e.position()), where + ": " + e.getMessage());
            return null;
        } catch (RuntimeException | StackOverflowError e) {
            return fail(where + ": expected only RestLiSyntaxException", e);
        }
    }

    private static String randomText(Random random) {
        StringBuilder out = new StringBuilder();
        int pieces = random.nextInt(20);
        for (int i = 0; i < pieces; i++) {
            out.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return out.toString();
    }

    /** One to three edits: delete, insert, replace a character, or cut the text short. */
    private static String mutate(String valid, Random random) {
        StringBuilder out = new StringBuilder(valid);
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits; i++) {
            int at = random.nextInt(out.length() + 1);
            String piece = PIECES[random.nextInt(PIECES.length)];
            switch (random.nextInt(4)) {
                case 0 -> {
                    if (at < out.length()) {
                        out.deleteCharAt(at);
                    }
                }
                case 1 -> out.insert(at, piece);
                case 2 -> out.replace(at, Math.min(at + 1, out.length()), piece);
                default -> out.setLength(at);
            }
        }
        return out.toString();
    }

    private static boolean hasSurrogate(String text) {
        return text.chars().anyMatch(c -> Character.isSurrogate((char) c));
    }

    private static String escaped(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.chars().forEach(c -> out.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c)
                : String.format("\\u%04X", c)));
        return out.append('"').toString();
    }
}
