package dev.crmconnect.sdk.restli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** decode(encode(x)) == x over seeded random values of the representable domain. */
class RestLiRoundTripTest {

    private static final int CASES_PER_SEED = 2_000;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {20_240_611L, 1L, 2L, 3L})
    void valuesSurviveEncodeThenDecode(long seed) {
        RandomValues values = new RandomValues(seed);
        for (int i = 0; i < CASES_PER_SEED; i++) {
            Object value = values.value(4);
            String encoded = RestLi.encode(value);
            String where = "seed " + seed + ", case " + i + ", encoded " + encoded;
            assertTrue(isUrlSafe(encoded), () -> "only unreserved and grammar characters; " + where);
            assertEquals(value, RestLi.decode(encoded), where);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {20_240_611L, 1L, 2L, 3L})
    void queriesSurviveEncodeThenDecode(long seed) {
        RandomValues values = new RandomValues(seed);
        for (int i = 0; i < CASES_PER_SEED / 4; i++) {
            Map<String, Object> params = values.params();
            String query = RestLi.encodeQuery(params);
            String where = "seed " + seed + ", case " + i + ", query " + query;
            assertTrue(isUrlSafe(query.replace('&', '.').replace('=', '.')), () -> "URL-safe; " + where);
            assertEquals(params, RestLi.decodeQuery(query), where);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {20_240_611L, 1L, 2L, 3L})
    void complexKeysSurviveTheBodyFormThenDecode(long seed) {
        RandomValues values = new RandomValues(seed);
        for (int i = 0; i < CASES_PER_SEED; i++) {
            Object value = values.value(4);
            if (!(value instanceof Map<?, ?> || value instanceof java.util.List<?>)) {
                assertEquals(value, RestLi.encodeKeyForBody(value), "a simple key is itself in a body");
                continue;
            }
            String body = RestLi.encodeKeyForBody(value);
            String where = "seed " + seed + ", case " + i + ", body form " + body;
            assertEquals(value, RestLi.decode(body), where);
            assertEquals(RestLi.encode(value), RestLi.encode(RestLi.decode(body)), where);
        }
    }

    private static boolean isUrlSafe(String encoded) {
        return encoded.chars().allMatch(c -> c < 0x80 && (Character.isLetterOrDigit(c) || "-_.~%(),:'".indexOf(c) >= 0));
    }
}
