package dev.crmconnect.sdk.restli;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes values in Rest.li 2.0 text form: one pass over each string, into one builder. Two forms:
 * the URI form ({@code bodyForm} false), where every string is percent-encoded but for
 * {@code A-Z a-z 0-9 - _ . ~}; and the body form ({@code bodyForm} true), Rest.li's
 * {@code URIParamUtils.encodeKeyForBody}, where only the grammar characters {@code ( ) , :}, the
 * empty-string mark {@code '} and the escape {@code %} itself are.
 */
final class RestLiEncoder {

    /** How Rest.li writes an empty string inside a list, an object or a query. */
    static final String EMPTY_STRING = "''";

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private RestLiEncoder() {
    }

    static void writeValue(Object value, StringBuilder out, int depth) {
        writeValue(value, out, depth, false);
    }

    static void writeValue(Object value, StringBuilder out, int depth, boolean bodyForm) {
        if (value == null) {
            out.append(EMPTY_STRING);
        } else if (value instanceof CharSequence text) {
            writeString(text, out, bodyForm);
        } else if (value instanceof Number || value instanceof Boolean) {
            // As Java prints them, as Rest.li does (123, 123.5, true); '+' of "1E+3" gets escaped.
            writeString(value.toString(), out, bodyForm);
        } else if (value instanceof List<?> list) {
            writeList(list, out, depth + 1, bodyForm);
        } else if (value instanceof Map<?, ?> map) {
            writeMap(map, out, depth + 1, bodyForm);
        } else {
            throw new IllegalArgumentException("Rest.li value: unsupported type " + value.getClass().getName()
                    + "; expected null, CharSequence, Number, Boolean, List or Map with String keys");
        }
    }

    private static void writeList(List<?> list, StringBuilder out, int depth, boolean bodyForm) {
        checkDepth(depth);
        out.append("List(");
        boolean first = true;
        for (Object element : list) {
            if (!first) {
                out.append(',');
            }
            first = false;
            writeValue(element, out, depth, bodyForm);
        }
        out.append(')');
    }

    private static void writeMap(Map<?, ?> map, StringBuilder out, int depth, boolean bodyForm) {
        checkDepth(depth);
        out.append('(');
        String[] keys = sortedKeys(map);
        for (int i = 0; i < keys.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            writeString(keys[i], out, bodyForm);
            out.append(':');
            writeValue(map.get(keys[i]), out, depth, bodyForm);
        }
        out.append(')');
    }

    /** The map's keys in String order, as Rest.li sorts them; every key must be a String. */
    static String[] sortedKeys(Map<?, ?> map) {
        String[] keys = new String[map.size()];
        int i = 0;
        for (Object key : map.keySet()) {
            if (!(key instanceof String name)) {
                throw new IllegalArgumentException("Rest.li object field name: must be a non-null String, found "
                        + (key == null ? "null" : key.getClass().getName()));
            }
            keys[i++] = name;
        }
        Arrays.sort(keys);
        return keys;
    }

    private static void checkDepth(int depth) {
        if (depth > RestLi.MAX_DEPTH) {
            throw new IllegalArgumentException("Rest.li value: nested deeper than " + RestLi.MAX_DEPTH
                    + " lists and objects (or it contains itself)");
        }
    }

    static void writeString(CharSequence text, StringBuilder out, boolean bodyForm) {
        if (bodyForm) {
            writeBodyString(text, out);
        } else {
            writeString(text, out);
        }
    }

    /**
     * A string as Rest.li writes it inside a key for a body ({@code AsciiHexEncoding} of
     * {@code URIConstants.RESERVED_CHARS}): {@code ( ) , : '} and {@code %} as {@code %XX}, every
     * other character as it is; an unpaired surrogate is refused, as by {@link #writeString}.
     */
    static void writeBodyString(CharSequence text, StringBuilder out) {
        int length = text.length();
        if (length == 0) {
            out.append(EMPTY_STRING);
            return;
        }
        checkWellFormed(text);
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '(' || c == ')' || c == ',' || c == ':' || c == '\'' || c == '%') {
                writeByte(c, out);
            } else {
                out.append(c);
            }
        }
    }

    /** Throws for an unpaired UTF-16 surrogate: such text has no UTF-8 form. */
    static void checkWellFormed(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                char low = i + 1 < text.length() ? text.charAt(i + 1) : 0;
                if (!Character.isHighSurrogate(c) || !Character.isLowSurrogate(low)) {
                    throw new IllegalArgumentException("Rest.li string: unpaired UTF-16 surrogate at index " + i
                            + "; only well-formed Unicode text has a UTF-8 form");
                }
                i++;
            }
        }
    }

    /** Percent-encodes the UTF-8 bytes of every character but A-Z a-z 0-9 - _ . ~ */
    static void writeString(CharSequence text, StringBuilder out) {
        int length = text.length();
        if (length == 0) {
            out.append(EMPTY_STRING);
            return;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (isUnreserved(c)) {
                out.append(c);
            } else if (c < 0x80) {
                writeByte(c, out);
            } else if (c < 0x800) {
                writeByte(0xC0 | c >> 6, out);
                writeByte(0x80 | c & 0x3F, out);
            } else if (!Character.isSurrogate(c)) {
                writeByte(0xE0 | c >> 12, out);
                writeByte(0x80 | c >> 6 & 0x3F, out);
                writeByte(0x80 | c & 0x3F, out);
            } else {
                char low = i + 1 < length ? text.charAt(i + 1) : 0;
                if (!Character.isHighSurrogate(c) || !Character.isLowSurrogate(low)) {
                    throw new IllegalArgumentException("Rest.li string: unpaired UTF-16 surrogate at index " + i
                            + "; only well-formed Unicode text has a UTF-8 form");
                }
                int codePoint = Character.toCodePoint(c, low);
                i++;
                writeByte(0xF0 | codePoint >> 18, out);
                writeByte(0x80 | codePoint >> 12 & 0x3F, out);
                writeByte(0x80 | codePoint >> 6 & 0x3F, out);
                writeByte(0x80 | codePoint & 0x3F, out);
            }
        }
    }

    private static boolean isUnreserved(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c == '-' || c == '_' || c == '.' || c == '~';
    }

    private static void writeByte(int b, StringBuilder out) {
        out.append('%').append(HEX[b >> 4]).append(HEX[b & 0xF]);
    }
}
