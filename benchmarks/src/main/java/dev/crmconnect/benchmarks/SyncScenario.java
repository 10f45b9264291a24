package dev.crmconnect.benchmarks;

import dev.crmconnect.benchmarks.raw.RawSync;
import dev.crmconnect.benchmarks.sink.NoticeFeedModel;
import dev.crmconnect.benchmarks.sink.SinkProcess;
import dev.crmconnect.sdk.CrmConnectClient;
import dev.crmconnect.sdk.Throttle;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A full sync of N contacts (default 200,000) through {@code contacts().upsert}, against a
 * hand-written {@code java.net.http} + Jackson loop ({@link RawSync}) sending the same batched
 * PUTs from the same number of threads, to a sink in another JVM. A warm-up round of each, then
 * rounds alternating (SDK, raw, raw, SDK, ...) so that drift on a shared machine hits both alike.
 */
final class SyncScenario implements Scenario {

    static final String ORGANIZATION = "urn:li:organization:1001";
    static final String CLIENT_ID = "bench-client";
    static final String CLIENT_SECRET = "bench-secret";
    private static final int DEFAULT_RECORDS = 200_000;
    private static final int DEFAULT_ROUNDS = 3;
    private static final int DEFAULT_CONCURRENCY = 4;
    private static final int MAX_WARM_UP_RECORDS = 50_000;

    @Override
    public Set<String> options() {
        return Set.of("records", "rounds", "concurrency");
    }

    @Override
    public String description() {
        return "contacts().upsert against a hand-written java.net.http + Jackson loop (default 200,000 records,"
                + " 3 rounds each, 4 threads)";
    }

    @Override
    public String unavailableBecause() {
        return SdkCalls.unavailableBecause();
    }

    @Override
    public void run(Options options, PrintStream out) throws Exception {
        int records = options.getInt("records", DEFAULT_RECORDS);
        int rounds = options.getInt("rounds", DEFAULT_ROUNDS);
        int concurrency = options.getInt("concurrency", DEFAULT_CONCURRENCY);
        int warmUp = Math.min(records, MAX_WARM_UP_RECORDS);
        CountingListener listener = new CountingListener();
        try (SinkProcess sink = SinkProcess.start(new NoticeFeedModel(0, 0, 1));
             CrmConnectClient client = CrmConnectClient.builder()
                     .baseUrl(sink.baseUrl())
                     .tokenUrl(sink.tokenUrl())
                     .credentials(CLIENT_ID, CLIENT_SECRET)
                     .integrationContext(ORGANIZATION)
                     .throttle(Throttle.disabled())
                     .listener(listener)
                     .build();
             BatchLoop sdkLoop = new BatchLoop(concurrency, "sync-sdk");
             BatchLoop rawLoop = new BatchLoop(concurrency, "sync-raw")) {
            RawSync raw = new RawSync(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(),
                    sink.baseUrl(), ORGANIZATION);
            raw.authenticate(sink.tokenUrl(), CLIENT_ID, CLIENT_SECRET);
            BatchLoop.Sender sdk = (from, to) -> SdkCalls.upsert(client, ContactSource.contacts(from, to));
            BatchLoop.Sender hand = raw::upsert;

            long[] before = sink.counts();
            check("warm-up sdk", sdkLoop.run(warmUp, sdk));
            check("warm-up raw", rawLoop.run(warmUp, hand));
            Table table = new Table("round", "side", "records", "seconds", "records/s", "CPU µs/record",
                    "KiB alloc/record", "p50 ms/batch", "p99 ms/batch", "GCs");
            List<BatchLoop.Round> sdkRounds = new ArrayList<>();
            List<BatchLoop.Round> rawRounds = new ArrayList<>();
            for (int r = 1; r <= rounds; r++) {
                boolean sdkFirst = r % 2 == 1;
                for (int leg = 0; leg < 2; leg++) {
                    boolean isSdk = (leg == 0) == sdkFirst;
                    BatchLoop.Round round = isSdk ? sdkLoop.run(records, sdk) : rawLoop.run(records, hand);
                    check(isSdk ? "sdk" : "raw", round);
                    (isSdk ? sdkRounds : rawRounds).add(round);
                    table.row(r, isSdk ? "sdk" : "raw", Table.count(records), Table.fixed(round.totals().seconds(), 2),
                            Table.fixed(round.perSecond(), 0),
                            Table.fixed(round.totals().cpuNanos() / 1e3 / records, 1),
                            Table.fixed(round.totals().allocatedBytes() / 1024.0 / records, 2),
                            Table.fixed(round.latencies().percentileMillis(50), 2),
                            Table.fixed(round.latencies().percentileMillis(99), 2), round.totals().gcCount());
                }
            }
            long[] after = sink.counts();
            long expected = 2L * warmUp + 2L * rounds * records;
            if (after[1] - before[1] != expected) {
                throw new IllegalStateException("the sink received " + (after[1] - before[1]) + " records, expected "
                        + expected);
            }
            Summary sdkSummary = Summary.of(sdkRounds);
            Summary rawSummary = Summary.of(rawRounds);
            out.println("Sink: JDK HttpServer in its own JVM answering the canned per-key batch result; "
                    + concurrency + " threads per side, each with one 100-record BATCH_UPDATE in flight;"
                    + " SDK client throttle disabled (Throttle.disabled()), default retry policy ("
                    + listener.retries.sum() + " retries); warm-up " + Table.count(warmUp) + " records per side; request body "
                    + Table.fixed((after[2] - before[2]) / (double) expected, 0) + " bytes/record on average.");
            table.print(out);
            Table summary = new Table("side", "records/s", "CPU µs/record", "KiB alloc/record", "p50 ms/batch",
                    "p99 ms/batch");
            sdkSummary.addTo(summary, "sdk");
            rawSummary.addTo(summary, "raw");
            summary.print(out);
            out.println("ratio sdk/raw = " + Table.fixed(sdkSummary.perSecond() / rawSummary.perSecond(), 2));
        }
    }

    private static void check(String what, BatchLoop.Round round) {
        if (round.stored() != round.records()) {
            throw new IllegalStateException(what + ": the server stored " + round.stored() + " of " + round.records()
                    + " records");
        }
    }

    /** A side's rounds together: total records over total time, latencies pooled. */
    private record Summary(double perSecond, double cpuMicrosPerRecord, double kibPerRecord, double p50, double p99) {

        static Summary of(List<BatchLoop.Round> rounds) {
            long records = 0;
            long wall = 0;
            long cpu = 0;
            long bytes = 0;
            Latencies all = new Latencies(1024);
            for (BatchLoop.Round round : rounds) {
                records += round.records();
                wall += round.totals().wallNanos();
                cpu += round.totals().cpuNanos();
                bytes += round.totals().allocatedBytes();
                round.latencies().addAllTo(all);
            }
            return new Summary(records / (wall / 1e9), cpu / 1e3 / records, bytes / 1024.0 / records,
                    all.percentileMillis(50), all.percentileMillis(99));
        }

        void addTo(Table table, String side) {
            table.row(side, Table.fixed(perSecond, 0), Table.fixed(cpuMicrosPerRecord, 1), Table.fixed(kibPerRecord, 2),
                    Table.fixed(p50, 2), Table.fixed(p99, 2));
        }
    }
}
