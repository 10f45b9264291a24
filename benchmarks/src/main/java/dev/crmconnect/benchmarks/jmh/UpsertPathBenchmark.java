package dev.crmconnect.benchmarks.jmh;

import dev.crmconnect.benchmarks.ContactSource;
import dev.crmconnect.benchmarks.raw.RawSync;
import dev.crmconnect.benchmarks.stub.StubHttpClient;
import dev.crmconnect.model.Contact;
import dev.crmconnect.sdk.CrmConnectClient;
import dev.crmconnect.sdk.RecordResult;
import dev.crmconnect.sdk.Throttle;
import java.util.List;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One 100-contact BATCH_UPDATE from rows to counted results, against an in-memory
 * {@link StubHttpClient}: {@code contacts().upsert} against the hand-written {@link RawSync}. No
 * network, no server: what each client costs on the CPU per batch, the remainder of the
 * {@code sync} scenario's ratio once the transport is taken out. Both build their records from
 * the same rows inside the measured call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class UpsertPathBenchmark {

    private CrmConnectClient client;
    private RawSync raw;

    /** A client and a raw loop over the stub, each with its token fetched. */
    @Setup
    public void setUp() throws Exception {
        StubHttpClient stub = new StubHttpClient();
        client = CrmConnectClient.builder()
                .baseUrl("http://127.0.0.1:1/v2")
                .tokenUrl("http://127.0.0.1:1/oauth/v2/accessToken")
                .credentials("bench-client", "bench-secret")
                .integrationContext(BatchJsonBenchmark.ORGANIZATION)
                .throttle(Throttle.disabled())
                .httpClient(stub)
                .build();
        raw = new RawSync(stub, "http://127.0.0.1:1/v2", BatchJsonBenchmark.ORGANIZATION);
        raw.authenticate("http://127.0.0.1:1/oauth/v2/accessToken", "bench-client", "bench-secret");
        if (sdk() != BatchJsonBenchmark.BATCH || raw() != BatchJsonBenchmark.BATCH) {
            throw new IllegalStateException("a batch was not stored whole");
        }
    }

    /** Closes the client. */
    @TearDown
    public void tearDown() {
        client.close();
    }

    /** {@code contacts().upsert} of 100 contacts built from their rows. */
    @Benchmark
    public long sdk() {
        List<Contact> batch = ContactSource.contacts(0, BatchJsonBenchmark.BATCH);
        return client.contacts().upsert(batch).count(RecordResult.Outcome.STORED);
    }

    /** The hand-written loop on the same rows. */
    @Benchmark
    public int raw() throws Exception {
        return raw.upsert(0, BatchJsonBenchmark.BATCH);
    }
}
