package dev.crmconnect.benchmarks.jmh;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crmconnect.benchmarks.ContactSource;
import dev.crmconnect.benchmarks.raw.NaiveKeys;
import dev.crmconnect.benchmarks.raw.RawContact;
import dev.crmconnect.model.Contact;
import dev.crmconnect.model.RecordKey;
import dev.crmconnect.sdk.internal.json.Json;
import dev.crmconnect.sdk.restli.RestLi;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The JSON body of a 100-contact BATCH_UPDATE: the SDK's records written by the SDK's mapper,
 * against hand-written records without validation written by a plain {@link ObjectMapper}. Both
 * bodies hold the same fields and values; only the writing is measured.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BatchJsonBenchmark {

    /** The organization every key belongs to. */
    static final String ORGANIZATION = "urn:li:organization:1001";
    static final int BATCH = 100;

    /** The hand-written body. */
    record BatchBody(Map<String, RawContact> entities) {
    }

    private final ObjectMapper plain = new ObjectMapper();
    private Map<String, Object> sdkBody;
    private BatchBody rawBody;

    /** Builds both bodies once. */
    @Setup
    public void setUp() {
        Map<String, Contact> sdkEntities = new LinkedHashMap<>();
        Map<String, RawContact> rawEntities = new LinkedHashMap<>();
        for (int i = 0; i < BATCH; i++) {
            Contact contact = ContactSource.contact(i);
            sdkEntities.put(RestLi.encode(RestLi.keyValue(RecordKey.of(contact.crmId(), ORGANIZATION))), contact);
            rawEntities.put(NaiveKeys.key(ContactSource.crmId(i), ORGANIZATION), ContactSource.raw(i));
        }
        sdkBody = Map.of("entities", sdkEntities);
        rawBody = new BatchBody(rawEntities);
    }

    /** The SDK's records through {@code Json.mapper()}. */
    @Benchmark
    public byte[] sdk() throws JsonProcessingException {
        return Json.mapper().writeValueAsBytes(sdkBody);
    }

    /** Plain records through a default {@link ObjectMapper}. */
    @Benchmark
    public byte[] plainJackson() throws JsonProcessingException {
        return plain.writeValueAsBytes(rawBody);
    }
}
