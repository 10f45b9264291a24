package dev.crmconnect.sdk.restli;

import dev.crmconnect.sdk.internal.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the contract's Rest.li encoding cases, kept in this module's test resources
 * ({@code restli/restli-encoding.json}) exactly as the contract publishes them.
 */
final class EncodingCases {

    private EncodingCases() {
    }

    /** The parsed JSON resource {@code restli/<name>} from the test classpath. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> load(String name) {
        String resource = "/restli/" + name;
        try (InputStream in = EncodingCases.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Test resource " + resource + " is missing");
            }
            return Json.mapper().readValue(in, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read test resource " + resource, e);
        }
    }

    /** The value as the decoder gives it back: scalars as Strings, null as "". */
    static Object scalarsAsStrings(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(element -> copy.add(scalarsAsStrings(element)));
            return copy;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, element) -> copy.put((String) key, scalarsAsStrings(element)));
            return copy;
        }
        return value.toString();
    }
}
