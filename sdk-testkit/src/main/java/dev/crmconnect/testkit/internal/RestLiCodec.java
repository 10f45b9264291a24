package dev.crmconnect.testkit.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fake's own Rest.li 2.0 codec, written after Rest.li's server code rather than shared with
 * the SDK, so that the fake reads what a client sends as a Rest.li server would and the tests
 * catch a client that writes something else. Failures are {@link IllegalArgumentException}s.
 *
 * <ul>
 *   <li>{@link #parse} reads an element as {@code URIElementParser.parse} does: the grammar
 *       characters {@code ( ) , :} and the {@code List(} prefix; each run of {@code %XX} octets
 *       decoded as UTF-8 (strictly); any other character taken as it is; {@code ''} (not escaped)
 *       as the empty string. It reads a complex key in its URI form and in its body form alike.
 *   <li>{@link #bodyKey} writes a key as {@code URIParamUtils.encodeKeyForBody} does (no URL
 *       escaping): a simple key is its string as it is; a complex key percent-encodes only
 *       {@code ( ) , : '} and {@code %} in its strings. A server writes the keys of batch
 *       responses so, and reads a simple key of a request body as it is, never decoded.
 * </ul>
 */
final class RestLiCodec {

    private static final String LIST = "List";
    private static final String EMPTY = "''";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final int MAX_DEPTH = 64;

    private RestLiCodec() {
    }

    /** Decodes one element: a String, a {@code List<Object>} or a {@code Map<String,Object>}. */
    static Object parse(String text) {
        Deque<Token> tokens = tokenize(text);
        Object value = element(tokens, 0);
        if (!tokens.isEmpty()) {
            throw new IllegalArgumentException("tokens left over after the element, at column " + tokens.peek().at);
        }
        return value;
    }

    /**
     * Decodes a raw query ({@code a=b&ids=List(...)}): names percent-decoded, values read by
     * {@link #parse}; a name given twice, or without {@code =}, is refused.
     */
    static Map<String, Object> parseQuery(String rawQuery) {
        Map<String, Object> params = new LinkedHashMap<>();
        if (rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&", -1)) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("a query parameter must be name=value");
            }
            String name = percentDecoded(pair.substring(0, eq));
            if (params.putIfAbsent(name, parse(pair.substring(eq + 1))) != null) {
                throw new IllegalArgumentException("query parameter '" + name + "' is repeated");
            }
        }
        return params;
    }

    /** A key as a Rest.li server writes it in a body: a simple key raw, a complex one escaped for the grammar. */
    static String bodyKey(Object key) {
        if (key instanceof String simple) {
            return simple;
        }
        StringBuilder out = new StringBuilder();
        write(key, out, false);
        return out.toString();
    }

    /** A value in its URI form, every string percent-encoded but {@code A-Z a-z 0-9 - _ . ~}. */
    static String uriForm(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out, true);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out, boolean uri) {
        if (value instanceof Map<?, ?> map) {
            out.append('(');
            boolean first = true;
            for (Map.Entry<?, ?> field : new TreeMap<>(map).entrySet()) {
                out.append(first ? "" : ",");
                first = false;
                writeString(String.valueOf(field.getKey()), out, uri);
                out.append(':');
                write(field.getValue(), out, uri);
            }
            out.append(')');
        } else if (value instanceof List<?> list) {
            out.append(LIST).append('(');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(list.get(i), out, uri);
            }
            out.append(')');
        } else {
            writeString(value == null ? "" : value.toString(), out, uri);
        }
    }

    private static void writeString(String text, StringBuilder out, boolean uri) {
        if (text.isEmpty()) {
            out.append(EMPTY);
            return;
        }
        if (!uri) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '(' || c == ')' || c == ',' || c == ':' || c == '\'' || c == '%') {
                    out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
                } else {
                    out.append(c);
                }
            }
            return;
        }
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
    }

    // ---- reading -------------------------------------------------------------------------------

    /** A grammar mark ({@code ( ) , :} or {@code List(}) or a decoded string. */
    private record Token(String grammar, String text, int at) {
        boolean is(String mark) {
            return mark.equals(grammar);
        }
    }

    private static Deque<Token> tokenize(String element) {
        Deque<Token> tokens = new ArrayDeque<>();
        StringBuilder current = new StringBuilder();
        boolean escaped = false;
        int start = 0;
        for (int i = 0; i < element.length(); i++) {
            char c = element.charAt(i);
            if (c == '(' || c == ')' || c == ',' || c == ':') {
                if (c == '(' && current.toString().equals(LIST)) {
                    tokens.add(new Token("List(", null, start));
                } else {
                    if (current.length() > 0) {
                        tokens.add(string(current, escaped, start));
                    }
                    tokens.add(new Token(String.valueOf(c), null, i));
                }
                current.setLength(0);
                escaped = false;
                start = i + 1;
            } else if (c == '%') {
                escaped = true;
                i = decodeOctets(element, i, current) - 1;
            } else {
                current.append(c);
            }
        }
        if (current.length() > 0) {
            tokens.add(string(current, escaped, start));
        }
        return tokens;
    }

    private static Token string(StringBuilder text, boolean escaped, int at) {
        String value = !escaped && text.toString().equals(EMPTY) ? "" : text.toString();
        return new Token(null, value, at);
    }

    /** Decodes the run of {@code %XX} octets at {@code from} as UTF-8; returns the index after it. */
    private static int decodeOctets(String s, int from, StringBuilder out) {
        ByteBuffer bytes = ByteBuffer.allocate(s.length());
        int i = from;
        while (i < s.length() && s.charAt(i) == '%') {
            int high = i + 2 < s.length() ? hex(s.charAt(i + 1)) : -1;
            int low = i + 2 < s.length() ? hex(s.charAt(i + 2)) : -1;
            if (high < 0 || low < 0) {
                throw new IllegalArgumentException("malformed percent-encoded octet at column " + i);
            }
            bytes.put((byte) (high << 4 | low));
            i += 3;
        }
        bytes.flip();
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes);
            out.append(chars);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("percent-encoded octets that are not UTF-8 at column " + from);
        }
        return i;
    }

    private static int hex(char c) {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    }

    private static Object element(Deque<Token> tokens, int depth) {
        Token next = tokens.peek();
        if (next == null) {
            throw new IllegalArgumentException("unexpected end of input");
        }
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("nested deeper than " + MAX_DEPTH);
        }
        if (next.is("(")) {
            return map(tokens, depth + 1);
        }
        if (next.is("List(")) {
            return list(tokens, depth + 1);
        }
        return text(tokens);
    }

    private static String text(Deque<Token> tokens) {
        Token token = tokens.poll();
        if (token == null) {
            throw new IllegalArgumentException("unexpected end of input");
        }
        if (token.grammar() != null) {
            throw new IllegalArgumentException("expected a string, found '" + token.grammar() + "' at column "
                    + token.at());
        }
        return token.text();
    }

    private static Map<String, Object> map(Deque<Token> tokens, int depth) {
        expect(tokens, "(");
        Map<String, Object> map = new LinkedHashMap<>();
        if (!peekIs(tokens, ")")) {
            do {
                String name = text(tokens);
                expect(tokens, ":");
                if (map.put(name, element(tokens, depth)) != null) {
                    throw new IllegalArgumentException("field '" + name + "' given twice");
                }
            } while (takeIf(tokens, ","));
        }
        expect(tokens, ")");
        return map;
    }

    private static List<Object> list(Deque<Token> tokens, int depth) {
        expect(tokens, "List(");
        List<Object> list = new ArrayList<>();
        if (!peekIs(tokens, ")")) {
            do {
                list.add(element(tokens, depth));
            } while (takeIf(tokens, ","));
        }
        expect(tokens, ")");
        return list;
    }

    private static boolean peekIs(Deque<Token> tokens, String mark) {
        return tokens.peek() != null && tokens.peek().is(mark);
    }

    private static boolean takeIf(Deque<Token> tokens, String mark) {
        if (peekIs(tokens, mark)) {
            tokens.poll();
            return true;
        }
        return false;
    }

    private static void expect(Deque<Token> tokens, String mark) {
        Token token = tokens.poll();
        if (token == null) {
            throw new IllegalArgumentException("expected '" + mark + "' but the input ended");
        }
        if (!token.is(mark)) {
            throw new IllegalArgumentException("expected '" + mark + "' at column " + token.at());
        }
    }

    /** Plain percent-decoding (UTF-8), for query parameter names. */
    private static String percentDecoded(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); ) {
            if (raw.charAt(i) == '%') {
                i = decodeOctets(raw, i, out);
            } else {
                out.append(raw.charAt(i++));
            }
        }
        return out.toString();
    }
}
