package dev.crmconnect.sdk.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmconnect.sdk.exception.TransportException;
import dev.crmconnect.sdk.internal.json.Json;
import dev.crmconnect.sdk.internal.json.ModelJsonTest;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded random bodies into the JSON reading of every entity, starting from a valid body of each
 * and mutating its tree (values of every type, hostile strings, huge numbers, removed and added
 * fields) and its text (cuts, stray characters). Two readers:
 * <ul>
 *   <li>the mapper, {@code Json.mapper().readValue(body, Entity.class)}: it reads a valid record that
 *       survives a round trip, or throws Jackson's {@link JsonProcessingException}; when the model
 *       refused a value, that exception's cause is the model's {@link IllegalArgumentException}
 *       naming the field and the rule. Anything else is a bug;</li>
 *   <li>the client's reading path, {@link ApiResponse#read}: it reads the same record (never null),
 *       or throws a {@link TransportException} ({@code INVALID_RESPONSE}) whose message never holds
 *       a value of the body.</li>
 * </ul>
 */
@Timeout(60)
class EntityJsonFuzzTest {

    static final int CASES_PER_ENTITY = 600;
    /** Planted in string values: never to appear in a message. */
    private static final String CANARY = "canary";
    private static final Pattern MODEL_MESSAGE = Pattern.compile("[a-zA-Z]+(\\.[a-zA-Z$][a-zA-Z0-9$]*|\\[\\d+\\])*: .+");
    private static final String[] PIECES = {"{", "}", "[", "]", ",", ":", "\"", "\\", "\\u00", "\\uD83D", "0", "-",
        "1e999", "null", "true", "é", "\uD83D", "\u0000", " ", "\n", "'", "NaN"};
    private static final String[] FIELD_NAMES = {"firstName", "crmId", "status", "type", "steps", "member",
        "emailAddresses", "content", "scope", "categories", "publishedAt", "match", "location", "unknownField", ""};

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {20_250_611L, 1L, 2L})
    void everyEntityReadsOrFailsWithOurExceptionsOnly(long seed) {
        Random random = new Random(seed);
        int read = 0;
        int refusedByModel = 0;
        int refusedByJackson = 0;
        for (ModelJsonTest.Sample sample : ModelJsonTest.samples().toList()) {
            JsonNode valid = tree(sample.json());
            for (int i = 0; i < CASES_PER_ENTITY; i++) {
                byte[] body = mutate(valid, random);
                String where = "seed " + seed + ", " + sample.name() + " case " + i + ": "
                        + escaped(new String(body, StandardCharsets.UTF_8));
                switch (throughTheMapper(body, sample.type(), where)) {
                    case READ -> read++;
                    case REFUSED_BY_MODEL -> refusedByModel++;
                    default -> refusedByJackson++;
                }
                throughTheClient(body, sample.type(), where);
            }
        }
        System.out.printf("entity fuzz seed=%d cases=%d read=%d refusedByModel=%d refusedByJackson=%d%n", seed,
                read + refusedByModel + refusedByJackson, read, refusedByModel, refusedByJackson);
        assertTrue(read > 0 && refusedByModel > 0 && refusedByJackson > 0, "the mutations reach every outcome");
    }

    private enum Outcome { READ, REFUSED_BY_MODEL, REFUSED_BY_JACKSON }

    private static Outcome throughTheMapper(byte[] body, Class<?> type, String where) {
        Object record;
        try {
            record = Json.mapper().readValue(body, type);
        } catch (JsonProcessingException e) {
            IllegalArgumentException model = modelCause(e);
            if (model == null) {
                return Outcome.REFUSED_BY_JACKSON;
            }
            assertTrue(MODEL_MESSAGE.matcher(model.getMessage()).matches(), where + ": " + model.getMessage());
            assertFalse(model.getMessage().contains(CANARY), where + ": " + model.getMessage());
            return Outcome.REFUSED_BY_MODEL;
        } catch (Exception | StackOverflowError e) {
            return fail(where + ": expected a JsonProcessingException", e);
        }
        if (record == null) { // Jackson reads the literal null as null; the client refuses it
            assertEquals("null", new String(body, StandardCharsets.UTF_8).strip(), where + ": read as null");
            return Outcome.REFUSED_BY_JACKSON;
        }
        try {
            assertEquals(record, Json.mapper().readValue(Json.mapper().writeValueAsBytes(record), type), where);
        } catch (java.io.IOException e) {
            fail(where + ": a record read does not survive a round trip", e);
        }
        return Outcome.READ;
    }

    private static void throughTheClient(byte[] body, Class<?> type, String where) {
        RawResponse raw = new RawResponse(200, HttpHeaders.of(Map.of(), (a, b) -> true), body);
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(body);
        } catch (Exception e) {
            return; // the client refuses a body that is not JSON before reading any entity (TransportTest)
        }
        ApiResponse response = new ApiResponse("GET /fuzz", raw, tree, 1);
        try {
            Object record = response.read(type);
            assertEquals(Json.mapper().readValue(body, type), record, where + ": the two readers disagree");
        } catch (TransportException e) {
            assertEquals(TransportException.Reason.INVALID_RESPONSE, e.reason(), where);
            assertFalse(e.getMessage().contains(CANARY), where + ": " + e.getMessage());
        } catch (java.io.IOException | RuntimeException | StackOverflowError e) {
            fail(where + ": expected a TransportException", e);
        }
    }

    private static IllegalArgumentException modelCause(Throwable e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IllegalArgumentException iae && t.getStackTrace().length > 0
                    && t.getStackTrace()[0].getClassName().startsWith("dev.crmconnect.model")) {
                return iae;
            }
        }
        return null;
    }

    // ---- mutations -------------------------------------------------------------------------

    private static byte[] mutate(JsonNode valid, Random random) {
        JsonNode tree = valid.deepCopy();
        for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
            tree = mutateTree(tree, random);
        }
        String text = tree.toString();
        if (random.nextInt(5) == 0) {
            text = mutateText(text, random);
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Replaces, removes or adds one node somewhere in the tree. */
    private static JsonNode mutateTree(JsonNode root, Random random) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        if (containers.isEmpty() || random.nextInt(20) == 0) {
            return randomValue(random, 2);
        }
        JsonNode container = containers.get(random.nextInt(containers.size()));
        if (container instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            int action = random.nextInt(4);
            if (names.isEmpty() || action == 0) {
                object.set(FIELD_NAMES[random.nextInt(FIELD_NAMES.length)], randomValue(random, 2));
            } else if (action == 1) {
                object.remove(names.get(random.nextInt(names.size())));
            } else {
                object.set(names.get(random.nextInt(names.size())), randomValue(random, 2));
            }
        } else if (container instanceof ArrayNode array) {
            if (array.isEmpty() || random.nextBoolean()) {
                array.add(random.nextBoolean() && !array.isEmpty() ? array.get(0).deepCopy() : randomValue(random, 2));
            } else {
                array.set(random.nextInt(array.size()), randomValue(random, 2));
            }
        }
        return root;
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainerNode()) {
            containers.add(node);
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                collect(it.next(), containers);
            }
        }
    }

    private static JsonNode randomValue(Random random, int depth) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (random.nextInt(depth > 0 ? 12 : 10)) {
            case 0 -> f.nullNode();
            case 1 -> f.booleanNode(random.nextBoolean());
            case 2 -> f.numberNode(new long[] {0, -1, 1, 1_700_000_000_000L, Long.MAX_VALUE, Long.MIN_VALUE,
                Integer.MAX_VALUE + 1L, -1_700_000_000_000L}[random.nextInt(8)]);
            case 3 -> f.numberNode(new double[] {1.5, -0.0, 1e308, -1e308, 1.7e12, 4.9e-324}[random.nextInt(6)]);
            case 4 -> f.numberNode(new BigInteger("9".repeat(1 + random.nextInt(40))));
            case 5 -> f.numberNode(new BigDecimal("1e" + (random.nextInt(4000) - 2000)));
            case 6, 7, 8 -> f.textNode(randomText(random));
            case 9 -> f.textNode(new String[] {"MATCHED", "UNKNOWN", "EXPORT", "DELETION", "SEAT", "CONTRACT",
                "urn:li:person:" + CANARY, "urn:li:seat:", "https://" + CANARY + ".example.com/x", "",
                "2024-01-01T00:00:00Z", "1700000000000"}[random.nextInt(12)]);
            case 10 -> {
                ArrayNode array = f.arrayNode();
                for (int i = random.nextInt(random.nextInt(10) == 0 ? 60 : 4); i > 0; i--) {
                    array.add(randomValue(random, depth - 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = f.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.set(FIELD_NAMES[random.nextInt(FIELD_NAMES.length)], randomValue(random, depth - 1));
                }
                yield object;
            }
        };
    }

    private static String randomText(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> CANARY + "-email@example.com";
            case 1 -> CANARY + "\u0000\u0007";
            case 2 -> CANARY + "\uD800";
            case 3 -> CANARY + "x".repeat(random.nextBoolean() ? 600 : 10_001);
            case 4 -> CANARY + " not an email";
            case 5 -> "   ";
            case 6 -> CANARY + "-" + random.nextInt(1000) + "\nline";
            default -> CANARY + "-é-\uD83D\uDE00";
        };
    }

    /** One to three edits to the text: cut it short, or delete, insert or replace a character. */
    private static String mutateText(String text, Random random) {
        StringBuilder out = new StringBuilder(text);
        for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
            int at = random.nextInt(out.length() + 1);
            String piece = PIECES[random.nextInt(PIECES.length)];
            switch (random.nextInt(4)) {
                case 0 -> out.setLength(at);
                case 1 -> {
                    if (at < out.length()) {
                        out.deleteCharAt(at);
                    }
                }
                case 2 -> out.insert(at, piece);
                default -> out.replace(at, Math.min(at + 1, out.length()), piece);
            }
        }
        return out.toString();
    }

    private static JsonNode tree(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String escaped(String text) {
        StringBuilder out = new StringBuilder("\"");
        String shown = text.length() > 400 ? text.substring(0, 400) + "..." : text;
        shown.chars().forEach(c -> out.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c)
                : String.format("\\u%04X", c)));
        return out.append('"').toString();
    }
}
