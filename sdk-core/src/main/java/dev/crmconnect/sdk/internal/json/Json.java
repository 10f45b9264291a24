package dev.crmconnect.sdk.internal.json;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.crmconnect.model.Contact;
import dev.crmconnect.model.DataRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;

/**
 * The one configured Jackson mapper of the SDK and the testkit. Internal: Jackson types never
 * appear in the public API.
 */
public final class Json {

    /** Deeper nesting than any contract body; a deeper document is hostile or garbage. */
    static final int MAX_NESTING_DEPTH = 64;
    /** Longest string the contract can carry (a note's 10,000 characters) with a wide margin. */
    static final int MAX_STRING_LENGTH = 1_000_000;
    static final int MAX_NUMBER_LENGTH = 64;

    private static final ObjectMapper MAPPER = create();
    private static final ObjectReader KEYED_READER = MAPPER.reader().with(factory(false));
    private static final ObjectWriter BODY_WRITER = MAPPER.copy()
            .addMixIn(Contact.class, ContactFilledByTheServer.class)
            .addMixIn(DataRequest.class, DataRequestFilledByTheServer.class)
            .writer();
    /** The body writer without the space Jackson puts between root values by default. */
    private static final ObjectWriter BODY_SEQUENCE_WRITER = BODY_WRITER.withRootValueSeparator("");

    /** The fields of a contact that LinkedIn fills in; never sent. */
    @JsonIgnoreProperties(value = "match", allowSetters = true)
    private abstract static class ContactFilledByTheServer {
    }

    /** The fields of a data request that LinkedIn fills in; never sent. */
    @JsonIgnoreProperties(value = {"id", "status", "createdAt", "completedAt", "downloadUrl"}, allowSetters = true)
    private abstract static class DataRequestFilledByTheServer {
    }

    private Json() {
    }

    /** The shared, thread-safe mapper. Callers must not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Writes a request body as {@link #mapper()} would, less the fields the server fills in
     * ({@code Contact.match}, a data request's id, status and times), which a record read back
     * and sent again would otherwise carry.
     */
    public static byte[] writeRequestBody(Object body) throws JsonProcessingException {
        return BODY_WRITER.writeValueAsBytes(body);
    }

    /**
     * A generator for {@link #writeRequestBody(Object, JsonGenerator)}: it writes bodies one after
     * another to {@code out} with nothing between them, so one generator serves many bodies.
     */
    public static JsonGenerator requestBodyGenerator(OutputStream out) throws IOException {
        return BODY_SEQUENCE_WRITER.createGenerator(out);
    }

    /**
     * Writes the same bytes as {@link #writeRequestBody(Object)} through {@code generator} and
     * flushes them to its output, without making an array of them. After an exception the
     * generator may hold part of a body: discard it.
     */
    public static void writeRequestBody(Object body, JsonGenerator generator) throws IOException {
        BODY_SEQUENCE_WRITER.writeValue(generator, body);
        generator.flush();
    }

    /**
     * Reads a body whose field names are mostly record keys, such as a batch response's
     * {@code results} and {@code errors} maps, as {@link #mapper()} would. Its names are not
     * canonicalized: 100 names seen once each would only grow Jackson's shared symbol table, which
     * every later parse then copies (half of what a sync allocated).
     */
    public static JsonNode readKeyedTree(byte[] body) throws IOException {
        return KEYED_READER.readTree(body);
    }

    private static ObjectMapper create() {
        return configure(JsonMapper.builder(factory(true)));
    }

    /**
     * The mapper's parser settings; {@code canonicalizeNames} off for bodies whose field names
     * are record keys (see {@link #readKeyedTree}).
     */
    private static JsonFactory factory(boolean canonicalizeNames) {
        return JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxStringLength(MAX_STRING_LENGTH)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .build())
                // Parse errors must never echo a body: it may hold emails, phones or notes.
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                // A batch response's field names are its records' keys, nearly all seen once:
                // interning them would only churn Jackson's JVM-wide intern cache.
                .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
                .configure(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES, canonicalizeNames)
                .build();
    }

    private static ObjectMapper configure(JsonMapper.Builder builder) {
        return builder
                .addModule(new JavaTimeModule())
                .addModule(new SimpleModule("crmconnect-times").addDeserializer(Instant.class,
                        new WholeMillisInstantDeserializer()))
                // A value of the wrong JSON type breaks the contract: refuse it rather than coerce it
                // (a number read as text through a tree can even change: 1E-400 becomes "0.0").
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, config -> config
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                // Times are epoch milliseconds on the wire, both ways.
                .enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DATE_TIMESTAMPS_AS_NANOSECONDS)
                .disable(DeserializationFeature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS)
                // Forward compatible: new fields and enum values from the server are not errors.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // Absent fields are omitted, not written as null.
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
    }
}
