package dev.crmconnect.testkit.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A small Rest.li 2.0 reader and writer, used until the SDK's codec is available here. */
final class InterimRestLi {

    private final String text;
    private int pos;

    private InterimRestLi(String text) {
        this.text = text;
    }

    static Object decode(String encoded) {
        if (encoded.startsWith("List(") || encoded.startsWith("(")) {
            InterimRestLi reader = new InterimRestLi(encoded);
            Object value = reader.value();
            if (reader.pos != encoded.length()) {
                throw new IllegalArgumentException("Rest.li value: unexpected text at offset " + reader.pos);
            }
            return value;
        }
        return unescape(encoded);
    }

    static Map<String, Object> decodeQuery(String rawQuery) {
        Map<String, Object> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = unescape(eq < 0 ? pair : pair.substring(0, eq));
            params.put(name, decode(eq < 0 ? "" : pair.substring(eq + 1)));
        }
        return params;
    }

    static String encode(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof List<?> list) {
            StringBuilder out = new StringBuilder("List(");
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ",").append(encode(list.get(i)));
            }
            return out.append(')').toString();
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder out = new StringBuilder("(");
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
            sorted.forEach((k, v) -> out.append(out.length() == 1 ? "" : ",").append(escape(k)).append(':').append(encode(v)));
            return out.append(')').toString();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return escape(value.toString());
    }

    private Object value() {
        if (text.startsWith("List(", pos)) {
            pos += 5;
            List<Object> list = new ArrayList<>();
            if (peek() == ')') {
                pos++;
                return list;
            }
            while (true) {
                list.add(value());
                char c = next();
                if (c == ')') {
                    return list;
                }
                if (c != ',') {
                    throw new IllegalArgumentException("Rest.li list: expected ',' or ')' at offset " + (pos - 1));
                }
            }
        }
        if (peek() == '(') {
            pos++;
            Map<String, Object> map = new LinkedHashMap<>();
            if (peek() == ')') {
                pos++;
                return map;
            }
            while (true) {
                String key = unescape(token());
                if (next() != ':') {
                    throw new IllegalArgumentException("Rest.li object: expected ':' at offset " + (pos - 1));
                }
                map.put(key, value());
                char c = next();
                if (c == ')') {
                    return map;
                }
                if (c != ',') {
                    throw new IllegalArgumentException("Rest.li object: expected ',' or ')' at offset " + (pos - 1));
                }
            }
        }
        return unescape(token());
    }

    private String token() {
        int start = pos;
        while (pos < text.length() && "(),:".indexOf(text.charAt(pos)) < 0) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private char peek() {
        if (pos >= text.length()) {
            throw new IllegalArgumentException("Rest.li value: unexpected end");
        }
        return text.charAt(pos);
    }

    private char next() {
        char c = peek();
        pos++;
        return c;
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-_.~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private static String unescape(String s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) {
                    throw new IllegalArgumentException("Rest.li value: truncated percent escape");
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException("Rest.li value: bad percent escape");
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(raw, 0, raw.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
