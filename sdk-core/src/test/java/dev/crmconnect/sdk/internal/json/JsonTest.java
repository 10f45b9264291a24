package dev.crmconnect.sdk.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTest {

    enum Colour { RED, @JsonEnumDefaultValue UNKNOWN }

    record Sample(Instant at, Colour colour, String absent) {
    }

    record Typed(String text, Integer count, long size, Boolean flag, Double ratio) {
    }

    @Test
    void timesAreEpochMillisecondsBothWays() throws Exception {
        Instant at = Instant.ofEpochMilli(1_700_000_000_123L);
        String json = Json.mapper().writeValueAsString(new Sample(at, Colour.RED, null));
        assertEquals("{\"at\":1700000000123,\"colour\":\"RED\"}", json);
        assertEquals(at, Json.mapper().readValue("{\"at\":1700000000123}", Sample.class).at());
    }

    @Test
    void unknownFieldsAreIgnoredAndUnknownEnumValuesReadAsUnknown() throws Exception {
        Sample sample = Json.mapper().readValue("{\"colour\":\"PURPLE\",\"extra\":[1,2]}", Sample.class);
        assertEquals(Colour.UNKNOWN, sample.colour());
    }

    @Test
    void numbersAreNeverReadAsEnumOrdinals() {
        assertThrows(JsonProcessingException.class,
                () -> Json.mapper().readValue("{\"colour\":0}", Sample.class));
    }

    @Test
    void nestingBeyondTheLimitIsRefused() {
        String deep = "[".repeat(Json.MAX_NESTING_DEPTH + 1) + "]".repeat(Json.MAX_NESTING_DEPTH + 1);
        assertThrows(JsonProcessingException.class, () -> Json.mapper().readTree(deep));
    }

    @Test
    void aKeyedBodyReadsAsTheMapperReadsItWithTheSameLimits() throws Exception {
        String body = "{\"results\":{\"(crmId:c-1,dataProvider:CRM)\":{\"status\":204},\"k%202\":{\"status\":1.5}},"
                + "\"errors\":{}}";
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(Json.mapper().readTree(bytes), Json.readKeyedTree(bytes));
        String deep = "[".repeat(Json.MAX_NESTING_DEPTH + 1) + "]".repeat(Json.MAX_NESTING_DEPTH + 1);
        assertThrows(JsonProcessingException.class,
                () -> Json.readKeyedTree(deep.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        JsonProcessingException trailing = assertThrows(JsonProcessingException.class,
                () -> Json.readKeyedTree("{\"email\":\"jane@example.com\"} garbage".getBytes(
                        java.nio.charset.StandardCharsets.UTF_8)));
        assertFalse(trailing.getMessage().contains("jane@example.com"), trailing.getMessage());
    }

    @Test
    void parseErrorsDoNotEchoTheBody() {
        JsonProcessingException e = assertThrows(JsonProcessingException.class,
                () -> Json.mapper().readTree("{\"email\":\"jane@example.com\" garbage"));
        assertFalse(e.getMessage().contains("jane@example.com"), e.getMessage());
    }

    @Test
    void aValueOfTheWrongJsonTypeIsRefusedNotCoerced() throws Exception {
        // A number read as text through a tree would even change: 1E-400 becomes "0.0".
        for (String json : List.of("{\"text\":12}", "{\"text\":1E-400}", "{\"text\":true}", "{\"count\":\"12\"}",
                "{\"count\":\"\"}", "{\"count\":1.5}", "{\"size\":\"12\"}", "{\"size\":2.0}", "{\"flag\":\"true\"}",
                "{\"flag\":1}", "{\"ratio\":\"0.5\"}")) {
            assertThrows(JsonProcessingException.class, () -> Json.mapper().readValue(json, Typed.class), json);
            assertThrows(JsonProcessingException.class,
                    () -> Json.mapper().treeToValue(Json.mapper().readTree(json), Typed.class), json);
        }
        Typed typed = Json.mapper().readValue("{\"text\":\"12\",\"count\":12,\"size\":3,\"flag\":true,\"ratio\":1}",
                Typed.class);
        assertEquals(new Typed("12", 12, 3, true, 1.0), typed);
    }

    @Test
    void aFractionalTimeIsRefusedRatherThanReadAsSeconds() throws Exception {
        for (String json : List.of("{\"at\":1700000000123.0}", "{\"at\":1.7e12}", "{\"at\":1e400}")) {
            assertThrows(JsonProcessingException.class, () -> Json.mapper().readValue(json, Sample.class), json);
        }
        assertEquals(Instant.ofEpochMilli(-1), Json.mapper().readValue("{\"at\":-1}", Sample.class).at());
        assertEquals(Instant.parse("2024-01-01T00:00:00Z"),
                Json.mapper().readValue("{\"at\":\"2024-01-01T00:00:00Z\"}", Sample.class).at());
    }
}
