package dev.crmconnect.sdk.restli;

import dev.crmconnect.sdk.exception.RestLiSyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A recursive-descent reader of Rest.li 2.0 text over one range of a string. Positions in errors
 * are indexes into the whole string, so a query's errors point into the query.
 */
final class RestLiParser {

    private final String text;
    private final int end;
    private int pos;

    private RestLiParser(String text, int start, int end) {
        this.text = text;
        this.pos = start;
        this.end = end;
    }

    static Object parseValue(String text) {
        RestLiParser parser = new RestLiParser(text, 0, text.length());
        Object value = parser.value(0);
        parser.expectEnd("end of input");
        return value;
    }

    static Map<String, Object> parseQuery(String query) {
        Map<String, Object> params = new LinkedHashMap<>();
        if (query.isEmpty()) {
            return params;
        }
        int start = 0;
        while (true) {
            int amp = query.indexOf('&', start);
            int segmentEnd = amp < 0 ? query.length() : amp;
            String found = amp < 0 ? "end of input" : "'&'";
            if (segmentEnd == start) {
                throw new RestLiSyntaxException(start, "expected a parameter name, found " + found);
            }
            int eq = query.indexOf('=', start);
            if (eq < 0 || eq > segmentEnd) {
                throw new RestLiSyntaxException(segmentEnd, "expected '=' after the parameter name, found " + found);
            }
            if (eq == start) {
                throw new RestLiSyntaxException(start, "expected a parameter name, found '='");
            }
            RestLiParser nameParser = new RestLiParser(query, start, eq);
            String name = nameParser.string();
            nameParser.expectEnd("'=' after the parameter name");
            RestLiParser valueParser = new RestLiParser(query, eq + 1, segmentEnd);
            Object value = valueParser.value(0);
            valueParser.expectEnd("'&' or end of input");
            if (params.putIfAbsent(name, value) != null) {
                throw new RestLiSyntaxException(start, "parameter name given twice");
            }
            if (amp < 0) {
                return params;
            }
            start = amp + 1;
        }
    }

    private Object value(int depth) {
        if (end - pos >= 5 && text.startsWith("List(", pos)) {
            return list(depth + 1);
        }
        if (pos < end && text.charAt(pos) == '(') {
            return map(depth + 1);
        }
        return string();
    }

    private List<Object> list(int depth) {
        checkDepth(depth);
        pos += 5;
        List<Object> list = new ArrayList<>();
        if (take(')')) {
            return list;
        }
        do {
            list.add(value(depth));
        } while (!endOfContainer());
        return list;
    }

    private Map<String, Object> map(int depth) {
        checkDepth(depth);
        pos++;
        Map<String, Object> map = new LinkedHashMap<>();
        if (take(')')) {
            return map;
        }
        do {
            int keyAt = pos;
            String key = string();
            if (!take(':')) {
                throw expected("':' after a field name");
            }
            if (map.containsKey(key)) {
                throw new RestLiSyntaxException(keyAt, "field name given twice in one object");
            }
            map.put(key, value(depth));
        } while (!endOfContainer());
        return map;
    }

    /** After an element: true at ')', false past ',', an error otherwise. */
    private boolean endOfContainer() {
        if (take(')')) {
            return true;
        }
        if (take(',')) {
            return false;
        }
        throw expected("',' or ')'");
    }

    /** A string up to the next grammar character, %-escapes decoded; Rest.li's {@code ''} is "". */
    private String string() {
        int start = pos;
        StringBuilder decoded = null;
        while (pos < end) {
            char c = text.charAt(pos);
            if (c == '(' || c == ')' || c == ',' || c == ':') {
                break;
            }
            if (c == '%') {
                if (decoded == null) {
                    decoded = new StringBuilder(end - start).append(text, start, pos);
                }
                decodeEscapedCodePoint(decoded);
            } else {
                if (decoded != null) {
                    decoded.append(c);
                }
                pos++;
            }
        }
        if (decoded != null) {
            return decoded.toString();
        }
        if (pos - start == 2 && text.startsWith(RestLiEncoder.EMPTY_STRING, start)) {
            return "";
        }
        return text.substring(start, pos);
    }

    /** Reads one UTF-8 sequence of %XX escapes; rejects overlong forms, surrogates and stray bytes. */
    private void decodeEscapedCodePoint(StringBuilder out) {
        int start = pos;
        int lead = escapedByte();
        int continuations;
        int codePoint;
        int smallest;
        if (lead < 0x80) {
            out.append((char) lead);
            return;
        } else if ((lead & 0xE0) == 0xC0) {
            continuations = 1;
            codePoint = lead & 0x1F;
            smallest = 0x80;
        } else if ((lead & 0xF0) == 0xE0) {
            continuations = 2;
            codePoint = lead & 0x0F;
            smallest = 0x800;
        } else if ((lead & 0xF8) == 0xF0) {
            continuations = 3;
            codePoint = lead & 0x07;
            smallest = 0x10000;
        } else {
            throw new RestLiSyntaxException(start, "expected the first byte of a UTF-8 sequence, found byte "
                    + String.format("%02X", lead));
        }
        for (int i = 0; i < continuations; i++) {
            if (pos >= end || text.charAt(pos) != '%') {
                throw expected("'%' and a UTF-8 continuation byte");
            }
            int at = pos;
            int next = escapedByte();
            if ((next & 0xC0) != 0x80) {
                throw new RestLiSyntaxException(at, "expected a UTF-8 continuation byte (80 to BF), found byte "
                        + String.format("%02X", next));
            }
            codePoint = codePoint << 6 | next & 0x3F;
        }
        if (codePoint < smallest || codePoint > Character.MAX_CODE_POINT
                || codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE) {
            throw new RestLiSyntaxException(start,
                    "expected a valid UTF-8 sequence (no overlong form, surrogate or code point above 10FFFF)");
        }
        out.appendCodePoint(codePoint);
    }

    private int escapedByte() {
        int high = pos + 1 < end ? hexDigit(text.charAt(pos + 1)) : -1;
        int low = pos + 2 < end ? hexDigit(text.charAt(pos + 2)) : -1;
        if (high < 0 || low < 0) {
            throw new RestLiSyntaxException(pos, "expected two hex digits after '%'");
        }
        pos += 3;
        return high << 4 | low;
    }

    /** ASCII only: Character.digit would also accept other scripts' digits. */
    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }

    private void checkDepth(int depth) {
        if (depth > RestLi.MAX_DEPTH) {
            throw new RestLiSyntaxException(pos, "expected at most " + RestLi.MAX_DEPTH
                    + " nested lists and objects");
        }
    }

    private boolean take(char c) {
        if (pos < end && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void expectEnd(String what) {
        if (pos < end) {
            throw expected(what);
        }
    }

    /** Names the character found but never quotes the surrounding text, which may be personal data. */
    private RestLiSyntaxException expected(String what) {
        String found;
        if (pos >= end) {
            found = "end of input";
        } else {
            char c = text.charAt(pos);
            found = c >= 0x20 && c < 0x7F ? "'" + c + "'" : String.format("U+%04X", (int) c);
        }
        return new RestLiSyntaxException(pos, "expected " + what + ", found " + found);
    }
}
