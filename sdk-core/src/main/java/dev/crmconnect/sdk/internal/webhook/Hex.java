package dev.crmconnect.sdk.internal.webhook;

/**
 * Hex text to bytes and back, for signatures. Decoding looks at every character whatever it finds,
 * so the time it takes depends on the length of the text only, not on its content.
 */
public final class Hex {

    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {
    }

    /** Lower-case hex of the bytes. */
    public static String encode(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = DIGITS[(bytes[i] >> 4) & 0xF];
            out[2 * i + 1] = DIGITS[bytes[i] & 0xF];
        }
        return new String(out);
    }

    /**
     * The bytes that an even-length hex text stands for (digits of either case), or {@code null}
     * when any character is not a hex digit.
     *
     * @throws IllegalArgumentException when the length is odd
     */
    public static byte[] decode(CharSequence hex) {
        if (hex.length() % 2 != 0) {
            throw new IllegalArgumentException("hex text must have an even length");
        }
        byte[] out = new byte[hex.length() / 2];
        int invalid = 0;
        for (int i = 0; i < out.length; i++) {
            int high = nibble(hex.charAt(2 * i));
            int low = nibble(hex.charAt(2 * i + 1));
            // A bad digit is -1, whose sign bit is remembered; the loop never stops early.
            invalid |= high | low;
            out[i] = (byte) ((high << 4) | (low & 0xF));
        }
        return invalid < 0 ? null : out;
    }

    /** The value of a hex digit, or -1; the same few steps for every character. */
    static int nibble(char c) {
        int digit = c - '0';
        // Setting bit 0x20 folds 'A'-'F' onto 'a'-'f' and no other character onto them.
        int lower = (c | 0x20) - 'a';
        // Masks are all ones when the character falls in the range, else zero; no branches.
        int isDigit = ((digit | (9 - digit)) >> 31) ^ -1;
        int isLetter = ((lower | (5 - lower)) >> 31) ^ -1;
        int value = (digit & isDigit) | ((lower + 10) & isLetter);
        return value | ((isDigit | isLetter) ^ -1);
    }
}
