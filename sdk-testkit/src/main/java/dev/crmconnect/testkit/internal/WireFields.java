package dev.crmconnect.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads the fields of one JSON object by their contract names, refusing a value of the wrong JSON
 * type with {@link InvalidEntityException} naming its path, and keeps a copy of every field it
 * read: the entity as the fake stores it, without the fields the contract does not name, null
 * values or empty lists.
 */
final class WireFields {

    private final String path;
    private final JsonNode source;
    private final ObjectNode kept = WireJson.object();

    WireFields(String path, JsonNode source) {
        this.path = path;
        this.source = source;
    }

    /** What was read, in the order read. */
    ObjectNode kept() {
        return kept;
    }

    /** A string, or null when absent. */
    String text(String name) {
        JsonNode value = present(name);
        if (value == null) {
            return null;
        }
        requireType(value.isTextual(), path + "." + name);
        kept.set(name, value);
        return value.textValue();
    }

    /** A boolean, or null when absent. */
    Boolean bool(String name) {
        JsonNode value = present(name);
        if (value == null) {
            return null;
        }
        requireType(value.isBoolean(), path + "." + name);
        kept.set(name, value);
        return value.booleanValue();
    }

    /** A time in whole epoch milliseconds, or null when absent. */
    Instant time(String name) {
        JsonNode value = present(name);
        if (value == null) {
            return null;
        }
        requireType(value.isIntegralNumber() && value.canConvertToLong(), path + "." + name);
        kept.put(name, value.longValue());
        return Instant.ofEpochMilli(value.longValue());
    }

    /** A whole number that fits an {@code int}; 0 when absent, and then kept as 0. */
    int integer(String name) {
        JsonNode value = present(name);
        requireType(value == null || value.isIntegralNumber() && value.canConvertToInt(), path + "." + name);
        int number = value == null ? 0 : value.intValue();
        kept.put(name, number);
        return number;
    }

    /** A whole number that fits a {@code long}; 0 when absent, and then kept as 0. */
    long number(String name) {
        JsonNode value = present(name);
        requireType(value == null || value.isIntegralNumber() && value.canConvertToLong(), path + "." + name);
        long number = value == null ? 0 : value.longValue();
        kept.put(name, number);
        return number;
    }

    /** A nested object read by {@code reader}, or null when absent. */
    <T> T object(String name, Function<WireFields, T> reader) {
        JsonNode value = present(name);
        if (value == null) {
            return null;
        }
        requireType(value.isObject(), path + "." + name);
        WireFields nested = new WireFields(path + "." + name, value);
        T result = reader.apply(nested);
        kept.set(name, nested.kept());
        return result;
    }

    /** A list of strings; null elements are kept for the model to refuse. */
    List<String> texts(String name) {
        List<String> values = list(name, (element, elementPath) -> {
            requireType(element.isTextual(), elementPath);
            return element.textValue();
        });
        if (values != null && !values.isEmpty()) {
            kept.set(name, source.get(name));
        }
        return values;
    }

    /** A list of objects, each read by {@code reader}; null elements are kept for the model to refuse. */
    <T> List<T> objects(String name, Function<WireFields, T> reader) {
        ArrayNode keptElements = WireJson.object().arrayNode();
        List<T> values = list(name, (element, elementPath) -> {
            requireType(element.isObject(), elementPath);
            WireFields nested = new WireFields(elementPath, element);
            T result = reader.apply(nested);
            keptElements.add(nested.kept());
            return result;
        });
        if (values != null && !values.isEmpty()) {
            kept.set(name, keptElements);
        }
        return values;
    }

    private interface ElementReader<T> {
        T read(JsonNode element, String elementPath);
    }

    private <T> List<T> list(String name, ElementReader<T> reader) {
        JsonNode value = present(name);
        if (value == null) {
            return null;
        }
        requireType(value.isArray(), path + "." + name);
        List<T> values = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            values.add(element.isNull() ? null : reader.read(element, path + "." + name + "[" + i + "]"));
        }
        return values;
    }

    private JsonNode present(String name) {
        JsonNode value = source.get(name);
        return value == null || value.isNull() ? null : value;
    }

    private static void requireType(boolean ok, String path) {
        if (!ok) {
            throw new InvalidEntityException(path + ": has the wrong JSON type");
        }
    }
}
