package dev.crmconnect.benchmarks.jmh;

import dev.crmconnect.benchmarks.ContactSource;
import dev.crmconnect.benchmarks.raw.NaiveKeys;
import dev.crmconnect.model.RecordKey;
import dev.crmconnect.sdk.restli.RestLi;
import java.util.ArrayList;
import java.util.List;
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
 * The {@code ids=List(...)} of a 100-key batch call: the SDK's Rest.li codec from the keys'
 * values, against a naive {@link java.net.URLEncoder}-based encoder that writes the key's three
 * fields by hand. Both give the same text. The SDK encodes each key of a batch once and finds
 * the response's entries by those strings, so this is all the key work of one batch;
 * {@link UpsertPathBenchmark} measures it inside the whole call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class KeyEncodingBenchmark {

    private List<RecordKey> keys;

    /** The 100 keys of a batch. */
    @Setup
    public void setUp() {
        keys = new ArrayList<>();
        for (int i = 0; i < BatchJsonBenchmark.BATCH; i++) {
            keys.add(RecordKey.of(ContactSource.crmId(i), BatchJsonBenchmark.ORGANIZATION));
        }
        if (!restLi().equals(naive())) {
            throw new IllegalStateException("the two encoders disagree");
        }
    }

    /** {@code RestLi.encode} over the keys' Rest.li values. */
    @Benchmark
    public String restLi() {
        List<Map<String, Object>> values = new ArrayList<>(keys.size());
        for (RecordKey key : keys) {
            values.add(RestLi.keyValue(key));
        }
        return RestLi.encode(values);
    }

    /** {@link NaiveKeys}: URLEncoder per string, the key's shape written by hand. */
    @Benchmark
    public String naive() {
        List<String> encoded = new ArrayList<>(keys.size());
        for (RecordKey key : keys) {
            encoded.add(NaiveKeys.key(key.crmId(), key.integrationContext()));
        }
        return NaiveKeys.list(encoded);
    }
}
