package dev.crmconnect.sdk.restli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded random values in the domain the text form represents exactly: Strings of well-formed
 * Unicode, Lists, and Maps with String keys (no numbers, booleans or nulls: those come back as
 * Strings).
 */
final class RandomValues {

    /** Every ASCII character the encoder must escape that matters to URLs, Rest.li or forms. */
    static final String RESERVED = " ()',:%+&=!*?/#[]@$;\"<>\\^`{|}\t\n\r\u0000\u007F";
    private static final String UNRESERVED = "AZaz09-_.~";
    private static final String[] WORDS = {"List", "List(", "''", "%", "%20", "null", "true", "123", "urn:li:x:1"};
    private static final String BMP = "éßΩЖ中日\u00A0\uFEFF\uFFFD\uFFFF\u0600\u200D";

    private final Random random;

    RandomValues(long seed) {
        this.random = new Random(seed);
    }

    Random random() {
        return random;
    }

    /** A String, List or Map nested at most {@code maxDepth} containers deep. */
    Object value(int maxDepth) {
        int kind = random.nextInt(maxDepth > 0 ? 10 : 6);
        if (kind < 6) {
            return string();
        }
        int size = random.nextInt(5);
        if (kind < 8) {
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                list.add(value(maxDepth - 1));
            }
            return list;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            map.put(string(), value(maxDepth - 1));
        }
        return map;
    }

    /** Query parameters: non-empty names, values of any kind. */
    Map<String, Object> params() {
        Map<String, Object> params = new LinkedHashMap<>();
        int size = random.nextInt(5);
        for (int i = 0; i < size; i++) {
            String name = string();
            params.put(name.isEmpty() ? "p" : name, value(3));
        }
        return params;
    }

    /** Up to 12 pieces drawn from every troublesome kind of text, often empty. */
    String string() {
        StringBuilder out = new StringBuilder();
        int pieces = random.nextInt(13);
        for (int i = 0; i < pieces; i++) {
            switch (random.nextInt(7)) {
                case 0 -> out.append(pick(UNRESERVED));
                case 1 -> out.append(pick(RESERVED));
                case 2 -> out.append(pick(BMP));
                case 3 -> out.append('e').appendCodePoint(0x0300 + random.nextInt(0x70)); // combining marks
                case 4 -> out.appendCodePoint(0x10000 + random.nextInt(Character.MAX_CODE_POINT - 0xFFFF));
                case 5 -> out.append(WORDS[random.nextInt(WORDS.length)]);
                default -> out.append((char) random.nextInt(0xD800)); // anywhere below the surrogates
            }
        }
        return out.toString();
    }

    char pick(String chars) {
        return chars.charAt(random.nextInt(chars.length()));
    }
}
