package dev.crmconnect.sdk.internal.json;

/**
 * Checks that bytes are well-formed UTF-8 (RFC 3629; the Unicode Standard's table 3-7): no stray
 * continuation byte, no truncated sequence, no overlong form, no encoded surrogate, nothing above
 * U+10FFFF. JSON exchanged between systems must be UTF-8 (RFC 8259); Jackson alone lets some
 * ill-formed sequences through (an overlong NUL, an encoded surrogate, and, in field names it does
 * not canonicalize, anything, as U+FFFD), so the SDK checks every response body first and refuses
 * one that is not UTF-8 rather than read replacement or invented characters.
 */
public final class Utf8 {

    private Utf8() {
    }

    /**
     * Where {@code bytes} stop being well-formed UTF-8.
     *
     * @param bytes the bytes to check; not null
     * @return the index of the first byte of the first ill-formed sequence, or -1 when all are well-formed
     */
    public static int firstInvalidByte(byte[] bytes) {
        int i = 0;
        int n = bytes.length;
        while (i < n) {
            int b = bytes[i];
            if (b >= 0) { // ASCII
                i++;
                continue;
            }
            int lead = b & 0xFF;
            int length;
            int min2 = 0x80;
            int max2 = 0xBF;
            if (lead >= 0xC2 && lead <= 0xDF) {
                length = 2;
            } else if (lead >= 0xE0 && lead <= 0xEF) {
                length = 3;
                if (lead == 0xE0) {
                    min2 = 0xA0; // no overlong form
                } else if (lead == 0xED) {
                    max2 = 0x9F; // no surrogate
                }
            } else if (lead >= 0xF0 && lead <= 0xF4) {
                length = 4;
                if (lead == 0xF0) {
                    min2 = 0x90; // no overlong form
                } else if (lead == 0xF4) {
                    max2 = 0x8F; // nothing above U+10FFFF
                }
            } else {
                return i; // a continuation byte, C0, C1 or F5 to FF where a sequence must start
            }
            if (i + length > n) {
                return i;
            }
            int second = bytes[i + 1] & 0xFF;
            if (second < min2 || second > max2) {
                return i;
            }
            for (int k = 2; k < length; k++) {
                if ((bytes[i + k] & 0xC0) != 0x80) {
                    return i;
                }
            }
            i += length;
        }
        return -1;
    }
}
