package dev.crmconnect.testkit.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The fake server's own JSON: a Jackson tree mapper with its own settings, so that the fake reads
 * what a client sends by the field names of docs/CONTRACT.md rather than through the SDK's
 * mapping (a mapping bug must show on one side, not hide on both). Bodies are trees; the fake
 * never binds them to the SDK's types.
 */
final class WireJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(64)
                            .maxStringLength(1_000_000)
                            .build())
                    // A parse error must not echo the body: it may hold personal data.
                    .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private WireJson() {
    }

    /** A new, empty JSON object. */
    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** A body as a tree; null for an empty body. */
    static JsonNode read(byte[] body) throws IOException {
        return MAPPER.readTree(body);
    }

    /** A tree as bytes. */
    static byte[] write(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Plain values (maps, lists, strings, numbers, records of them) as a tree. */
    static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /** A tree as plain maps, lists, strings, numbers and booleans. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> plain(ObjectNode node) {
        return MAPPER.convertValue(node, Map.class);
    }
}
