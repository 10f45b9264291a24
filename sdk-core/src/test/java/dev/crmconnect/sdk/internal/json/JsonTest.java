package dev.crmconnect.sdk.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JsonTest {

    enum Colour { RED, @JsonEnumDefaultValue UNKNOWN }

    record Sample(Instant at, Colour colour, String absent) {
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
    void parseErrorsDoNotEchoTheBody() {
        JsonProcessingException e = assertThrows(JsonProcessingException.class,
                () -> Json.mapper().readTree("{\"email\":\"jane@example.com\" garbage"));
        assertFalse(e.getMessage().contains("jane@example.com"), e.getMessage());
    }
}
