package dev.crmconnect.sdk.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8Test {

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    @Test
    void wellFormedTextIsAccepted() {
        assertEquals(-1, Utf8.firstInvalidByte(new byte[0]));
        assertEquals(-1, Utf8.firstInvalidByte("{\"a\":\"Zoë 文 🙂 \u0000 \uFFFF\"}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(-1, Utf8.firstInvalidByte(bytes(0xEF, 0xBB, 0xBF, '{', '}')), "a byte order mark is UTF-8");
        assertEquals(-1, Utf8.firstInvalidByte(bytes(0xF4, 0x8F, 0xBF, 0xBF)), "U+10FFFF");
    }

    @Test
    void eachKindOfIllFormedSequenceIsFoundWhereItStarts() {
        assertEquals(1, Utf8.firstInvalidByte(bytes('a', 0xFF)), "a byte never in UTF-8");
        assertEquals(1, Utf8.firstInvalidByte(bytes('a', 0x80, 'b')), "a stray continuation byte");
        assertEquals(0, Utf8.firstInvalidByte(bytes(0xC3, 'x')), "a lead byte without its continuation");
        assertEquals(2, Utf8.firstInvalidByte(bytes('a', 'b', 0xE2, 0x82)), "a sequence cut by the end");
        assertEquals(0, Utf8.firstInvalidByte(bytes(0xC0, 0x80)), "an overlong NUL");
        assertEquals(0, Utf8.firstInvalidByte(bytes(0xE0, 0x80, 0xAF)), "an overlong slash");
        assertEquals(0, Utf8.firstInvalidByte(bytes(0xF0, 0x8F, 0xBF, 0xBF)), "an overlong U+FFFF");
        assertEquals(0, Utf8.firstInvalidByte(bytes(0xED, 0xA0, 0x80)), "an encoded surrogate");
        assertEquals(0, Utf8.firstInvalidByte(bytes(0xF4, 0x90, 0x80, 0x80)), "above U+10FFFF");
        assertEquals(0, Utf8.firstInvalidByte(bytes(0xF5, 0x80, 0x80, 0x80)), "a lead byte past F4");
        assertEquals(0, Utf8.firstInvalidByte(bytes(0xE2, 0x28, 0xA1)), "a bad third byte");
    }

    @Test
    void agreesWithTheJdksStrictDecoderOnRandomBytes() {
        Random random = new Random(20250611);
        int invalid = 0;
        for (int n = 0; n < 200_000; n++) {
            byte[] sample = new byte[1 + random.nextInt(8)];
            for (int i = 0; i < sample.length; i++) {
                // Mostly the bytes that matter: lead bytes, continuations and ASCII.
                sample[i] = (byte) (random.nextInt(4) == 0 ? random.nextInt(128) : 0x80 + random.nextInt(128));
            }
            boolean jdk = decodes(sample);
            assertEquals(jdk, Utf8.firstInvalidByte(sample) < 0, () -> java.util.HexFormat.of().formatHex(sample));
            invalid += jdk ? 0 : 1;
        }
        assertEquals(true, invalid > 100_000 && invalid < 200_000, "both outcomes were exercised: " + invalid);
    }

    private static boolean decodes(byte[] sample) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(sample));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
