package dev.crmconnect.sdk.internal.webhook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HexTest {

    @Test
    void everyCharacterHasTheValueOfAnAsciiHexDigitOrNone() {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            int expected = c >= '0' && c <= '9' ? c - '0'
                    : c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : c >= 'A' && c <= 'F' ? c - 'A' + 10
                    : -1;
            assertEquals(expected, Hex.nibble((char) c), "character U+" + Integer.toHexString(c));
        }
    }

    @Test
    void roundTripsRandomBytesAgainstTheJdk() {
        long seed = 61_100L;
        Random random = new Random(seed);
        for (int i = 0; i < 500; i++) {
            byte[] bytes = new byte[random.nextInt(40)];
            random.nextBytes(bytes);
            String hex = Hex.encode(bytes);
            assertEquals(HexFormat.of().formatHex(bytes), hex, "seed " + seed + ", case " + i);
            assertArrayEquals(bytes, Hex.decode(hex), "seed " + seed + ", case " + i);
            assertArrayEquals(bytes, Hex.decode(hex.toUpperCase()), "seed " + seed + ", case " + i);
        }
    }

    @Test
    void aNonHexCharacterAnywhereGivesNull() {
        String valid = "00112233445566778899aabbccddeeff";
        for (int i = 0; i < valid.length(); i++) {
            for (char bad : new char[] {'g', 'G', ' ', '/', ':', '@', '`', '\u0660', '\uFF10', '-'}) {
                String text = valid.substring(0, i) + bad + valid.substring(i + 1);
                assertNull(Hex.decode(text), "bad character at " + i);
            }
        }
    }

    @Test
    void anOddLengthIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Hex.decode("abc"));
    }

    @Test
    void decodingReadsEveryCharacterWhereverTheFirstBadOneIs() {
        // No early exit on content: the work done depends on the length only.
        String valid = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
        for (int i = 0; i < valid.length(); i++) {
            CountingText text = new CountingText(valid.substring(0, i) + 'x' + valid.substring(i + 1));
            assertNull(Hex.decode(text));
            assertEquals(valid.length(), text.reads, "bad character at " + i);
        }
        CountingText good = new CountingText(valid);
        Hex.decode(good);
        assertEquals(valid.length(), good.reads);
    }

    /** Counts how many characters the decoder reads. */
    private static final class CountingText implements CharSequence {
        private final String text;
        private int reads;

        CountingText(String text) {
            this.text = text;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            reads++;
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
