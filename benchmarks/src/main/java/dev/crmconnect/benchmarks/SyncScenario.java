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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;

/**
 * A full sync of N contacts (default 200,000) through {@code contacts().upsert}, against a
 * hand-written {@code java.net.http} + Jackson loop ({@link RawSync}) sending the same batched
 * PUTs from the same number of threads, to a sink in another JVM. A warm-up round of each side,
 * then rounds in alternating order (ABC, CBA, ...) so that drift on a shared machine hits every
 * side alike.
 *
 * <p>The sides: {@code sdk}, C threads each calling {@code upsert} with 100 contacts (exactly the
 * raw loop's batches and concurrency); {@code raw}, C threads each sending one batch; and
 * {@code sdk-bulk}, one thread calling {@code upsert} with 10,000 contacts at a time and the
 * client running C batches at once ({@code batchesInFlight}), as the SDK is meant to be called.
 */
final class SyncScenario implements Scenario {

    static final String ORGANIZATION = "urn:li:organization:1001";
    static final String CLIENT_ID = "bench-client";
    static final String CLIENT_SECRET = "bench-secret";
    private static final int DEFAULT_RECORDS = 200_000;
    private static final int DEFAULT_ROUNDS = 3;
    private static final int DEFAULT_CONCURRENCY = 4;
    private static final int MAX_WARM_UP_RECORDS = 200_000;
    private static final int BULK_CHUNK = 10_000;

    @Override
    public Set<String> options() {
        return Set.of("records", "rounds", "concurrency");
    }

    @Override
    public String description() {
        return "contacts().upsert against a hand-written java.net.http + Jackson loop (default 200,000 records,"
                + " 3 rounds, 4 threads)";
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
                     .batchesInFlight(concurrency)
                     .listener(listener)
                     .build();
             BatchLoop sdkLoop = new BatchLoop(concurrency, "sync-sdk");
             BatchLoop rawLoop = new BatchLoop(concurrency, "sync-raw");
             BatchLoop bulkLoop = new BatchLoop(1, "sync-sdk-bulk")) {
            // HTTP/1.1 as the SDK speaks it on plain-http loopback (no h2c upgrade attempt).
            RawSync raw = new RawSync(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                    .version(HttpClient.Version.HTTP_1_1).build(), sink.baseUrl(), ORGANIZATION);
            raw.authenticate(sink.tokenUrl(), CLIENT_ID, CLIENT_SECRET);
            Map<String, Side> sides = new LinkedHashMap<>();
            sides.put("sdk", new Side(n -> sdkLoop.run(n,
                    (from, to) -> SdkCalls.upsert(client, ContactSource.contacts(from, to)))));
            sides.put("raw", new Side(n -> rawLoop.run(n, raw::upsert)));
            sides.put("sdk-bulk", new Side(n -> bulkLoop.run(n, BULK_CHUNK,
                    (from, to) -> SdkCalls.upsert(client, ContactSource.contacts(from, to)))));

            long[] before = sink.counts();
            for (Map.Entry<String, Side> side : sides.entrySet()) {
                check("warm-up " + side.getKey(), side.getValue().run.round(warmUp));
            }
            Table table = new Table("round", "side", "records", "seconds", "records/s", "CPU µs/record",
                    "KiB alloc/record", "p50 ms/call", "p99 ms/call", "GCs");
            List<String> order = new ArrayList<>(sides.keySet());
            for (int r = 1; r <= rounds; r++) {
                List<String> thisRound = new ArrayList<>(order);
                if (r % 2 == 0) {
                    java.util.Collections.reverse(thisRound);
                }
                for (String name : thisRound) {
                    Side side = sides.get(name);
                    BatchLoop.Round round = side.run.round(records);
                    check(name, round);
                    side.rounds.add(round);
                    boolean bulk = name.equals("sdk-bulk");
                    table.row(r, name, Table.count(records), Table.fixed(round.totals().seconds(), 2),
                            Table.fixed(round.perSecond(), 0),
                            Table.fixed(round.totals().cpuNanos() / 1e3 / records, 1),
                            Table.fixed(round.totals().heapAllocatedBytes() / 1024.0 / records, 2),
                            bulk ? "-" : Table.fixed(round.latencies().percentileMillis(50), 2),
                            bulk ? "-" : Table.fixed(round.latencies().percentileMillis(99), 2),
                            round.totals().gcCount());
                }
            }
            long[] after = sink.counts();
            long expected = (long) sides.size() * (warmUp + (long) rounds * records);
            if (after[1] - before[1] != expected) {
                throw new IllegalStateException("the sink received " + (after[1] - before[1]) + " records, expected "
                        + expected);
            }
            out.println("Sink: JDK HttpServer in its own JVM (TCP_NODELAY) answering the canned per-key batch"
                    + " result. sdk and raw: " + concurrency + " threads each with one 100-record BATCH_UPDATE in"
                    + " flight; sdk-bulk: one thread calling upsert with " + Table.count(BULK_CHUNK) + " records, "
                    + concurrency + " batches in flight. SDK client throttle disabled (Throttle.disabled()), default"
                    + " retry policy (" + listener.retries.sum() + " retries). Warm-up " + Table.count(warmUp)
                    + " records per side. Request body " + Table.fixed((after[2] - before[2]) / (double) expected, 0)
                    + " bytes/record. CompletableFuture's default executor: "
                    + (ForkJoinPool.getCommonPoolParallelism() > 1 ? "the common pool (parallelism "
                    + ForkJoinPool.getCommonPoolParallelism() + ")" : "a new thread per task (common pool parallelism "
                    + ForkJoinPool.getCommonPoolParallelism() + ")") + ". Allocation from heap use across GCs.");
            table.print(out);
            Table summary = new Table("side", "records/s", "CPU µs/record", "KiB alloc/record", "p50 ms/call",
                    "p99 ms/call", "vs raw");
            double rawPerSecond = Summary.of(sides.get("raw").rounds).perSecond();
            for (Map.Entry<String, Side> side : sides.entrySet()) {
                Summary.of(side.getValue().rounds).addTo(summary, side.getKey(), rawPerSecond,
                        side.getKey().equals("sdk-bulk"));
            }
            summary.print(out);
            out.println("ratio sdk/raw = " + Table.fixed(Summary.of(sides.get("sdk").rounds).perSecond() / rawPerSecond,
                    2));
        }
    }

    private static void check(String what, BatchLoop.Round round) {
        if (round.stored() != round.records()) {
            throw new IllegalStateException(what + ": the server stored " + round.stored() + " of " + round.records()
                    + " records");
        }
    }

    /** Runs one round of a side. */
    @FunctionalInterface
    private interface RoundRunner {
        BatchLoop.Round round(int records) throws Exception;
    }

    /** A side and its measured rounds. */
    private static final class Side {
        final RoundRunner run;
        final List<BatchLoop.Round> rounds = new ArrayList<>();

        Side(RoundRunner run) {
            this.run = run;
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
                bytes += round.totals().heapAllocatedBytes();
                round.latencies().addAllTo(all);
            }
            return new Summary(records / (wall / 1e9), cpu / 1e3 / records, bytes / 1024.0 / records,
                    all.percentileMillis(50), all.percentileMillis(99));
        }

        void addTo(Table table, String side, double rawPerSecond, boolean noLatency) {
            table.row(side, Table.fixed(perSecond, 0), Table.fixed(cpuMicrosPerRecord, 1), Table.fixed(kibPerRecord, 2),
                    noLatency ? "-" : Table.fixed(p50, 2), noLatency ? "-" : Table.fixed(p99, 2),
                    Table.fixed(perSecond / rawPerSecond, 2));
        }
    }
}
