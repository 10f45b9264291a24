package dev.crmconnect.sdk.internal.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.Instant;

/**
 * Reads a time as Jackson's {@link InstantDeserializer} does (whole epoch milliseconds, or an
 * ISO-8601 string), but refuses a number with a fraction or an exponent: Jackson would read it as
 * seconds, a thousand times off the milliseconds the contract sends.
 */
final class WholeMillisInstantDeserializer extends StdScalarDeserializer<Instant> {

    private static final long serialVersionUID = 1L;

    WholeMillisInstantDeserializer() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext context) throws IOException {
        if (p.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
            return (Instant) context.handleUnexpectedToken(Instant.class, JsonToken.VALUE_NUMBER_FLOAT, p,
                    "a time must be whole epoch milliseconds");
        }
        return InstantDeserializer.INSTANT.deserialize(p, context);
    }
}
