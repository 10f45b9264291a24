package dev.crmconnect.benchmarks;

import dev.crmconnect.benchmarks.sink.NoticeFeedModel;
import dev.crmconnect.benchmarks.sink.SinkProcess;
import dev.crmconnect.sdk.CrmConnectClient;
import dev.crmconnect.sdk.Throttle;
import dev.crmconnect.sdk.internal.poller.Fsyncs;
import dev.crmconnect.sdk.poller.CheckpointStore;
import dev.crmconnect.sdk.poller.Decision;
import dev.crmconnect.sdk.poller.DeletionNoticePoller;
import dev.crmconnect.sdk.poller.PollSummary;
import dev.crmconnect.testsupport.TestDataSource;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What an idle round of {@link DeletionNoticePoller} costs over many tenants: every tenant's feed
 * is empty, so a round reads one empty page per tenant and decides nothing. For 1,000 and 10,000
 * tenants (a client each, against the sink in its own JVM), with the file store and the JDBC
 * store: the second round's seconds, time per tenant, and fsyncs per tenant (the file store's own
 * count; for PostgreSQL the commits of transactions that wrote, each a WAL fsync at the default
 * durability), and statements per tenant. Then the same with a latency on every feed call
 * (default 100 ms) for up to {@code --latency-tenants} tenants (default 1,000).
 */
final class PollerTenantsScenario implements Scenario {

    private static final int[] TENANT_COUNTS = {1_000, 10_000};
    private static final int DEFAULT_LATENCY_MILLIS = 100;
    private static final int DEFAULT_LATENCY_TENANTS = 1_000;

    @Override
    public Set<String> options() {
        return Set.of("tenants", "latency-ms", "latency-tenants");
    }

    @Override
    public String description() {
        return "an idle round of the deletion-notice poller over 1,000 and 10,000 tenants, file store and PostgreSQL,"
                + " without and with latency on the feed";
    }

    /** One measured round. */
    private record Round(double seconds, long fsyncs, long statements) {
    }

    @Override
    public void run(Options options, PrintStream out) throws Exception {
        int maxTenants = options.getInt("tenants", TENANT_COUNTS[TENANT_COUNTS.length - 1]);
        int latency = options.getInt("latency-ms", DEFAULT_LATENCY_MILLIS);
        int latencyTenants = options.getInt("latency-tenants", DEFAULT_LATENCY_TENANTS);
        List<Integer> counts = new ArrayList<>();
        for (int count : TENANT_COUNTS) {
            if (count <= maxTenants) {
                counts.add(count);
            }
        }
        if (!counts.contains(maxTenants)) {
            counts.add(maxTenants);
        }
        Table table = new Table("store", "tenants", "feed latency ms", "round s", "ms/tenant", "fsyncs/round",
                "fsyncs/tenant", "statements/tenant");
        Path directory = Files.createTempDirectory("crmconnect-bench-tenants-");
        NoticeFeedModel empty = new NoticeFeedModel(0, 0, 1);
        double fileLargest = 0;
        double jdbcLargest = 0;
        try (PostgresServer server = PostgresServer.start();
             SinkProcess sink = SinkProcess.start(empty);
             SinkProcess slowSink = SinkProcess.start(empty, latency)) {
            int run = 0;
            for (int count : counts) {
                // File, then JDBC, alternating which goes first from one count to the next.
                for (int side = 0; side < 2; side++) {
                    boolean file = (side == 0) == (run % 2 == 0);
                    Round round = file ? fileRound(directory.resolve("file-" + count), sink, count)
                            : jdbcRound(server, "bench_tenants_" + count, sink, count);
                    row(table, file, count, 0, round);
                    if (count == maxTenants) {
                        if (file) {
                            fileLargest = round.seconds();
                        } else {
                            jdbcLargest = round.seconds();
                        }
                    }
                }
                run++;
            }
            for (int count : counts) {
                if (count > latencyTenants) {
                    continue;
                }
                row(table, true, count, latency, fileRound(directory.resolve("file-slow-" + count), slowSink, count));
                row(table, false, count, latency, jdbcRound(server, "bench_tenants_slow_" + count, slowSink, count));
            }
        } finally {
            deleteTree(directory);
        }
        out.println("Each tenant's feed is empty: a round reads one empty page per tenant. The second round is measured"
                + " (the first takes the leases). Clients built the README's way, throttle off. fsyncs: the file"
                + " store's own count; for PostgreSQL (default durability) the commits of transactions that wrote.");
        table.print(out);
        out.println("poller-tenants idle round at " + Table.count(maxTenants) + " tenants: file store "
                + Table.fixed(fileLargest, 2) + " s, PostgreSQL " + Table.fixed(jdbcLargest, 2) + " s");
    }

    private static void row(Table table, boolean file, int tenants, int latency, Round round) {
        table.row(file ? "file" : "jdbc, pooled", Table.count(tenants), latency, Table.fixed(round.seconds(), 2),
                Table.fixed(round.seconds() * 1000 / tenants, 3), Table.count(round.fsyncs()),
                Table.fixed(round.fsyncs() / (double) tenants, 4),
                file ? "-" : Table.fixed(round.statements() / (double) tenants, 2));
    }

    private static Round fileRound(Path directory, SinkProcess sink, int tenants) throws Exception {
        try (CheckpointStore store = CheckpointStore.file(directory)) {
            return secondRound(store, sink, tenants, Fsyncs::count, () -> 0L);
        }
    }

    private static Round jdbcRound(PostgresServer server, String database, SinkProcess sink, int tenants)
            throws Exception {
        try (TestDataSource pool = TestDataSource.pool(server.newDatabase(database));
             CheckpointStore store = CheckpointStore.jdbc(pool)) {
            return secondRound(store, sink, tenants, pool::writingCommits, pool::statements);
        }
    }

    /** A counter read before and after the round. */
    @FunctionalInterface
    private interface Counter {
        long get();
    }

    private static Round secondRound(CheckpointStore store, SinkProcess sink, int tenants, Counter fsyncs,
                                     Counter statements) throws Exception {
        List<CrmConnectClient> clients = new ArrayList<>(tenants);
        try {
            for (int t = 0; t < tenants; t++) {
                clients.add(CrmConnectClient.builder()
                        .baseUrl(sink.baseUrl())
                        .tokenUrl(sink.tokenUrl())
                        .credentials("tenant-" + t, "secret-" + t)
                        .integrationContext("urn:li:organization:" + (1000 + t))
                        .throttle(Throttle.disabled())
                        .build());
            }
            try (DeletionNoticePoller poller = DeletionNoticePoller.builder()
                    .clients(clients)
                    .handler(notice -> Decision.delete("never called: the feeds are empty"))
                    .handlerId("benchmark-handler-1")
                    .checkpointStore(store)
                    .build()) {
                check(poller.pollOnce(), tenants);
                long fsyncsBefore = fsyncs.get();
                long statementsBefore = statements.get();
                Meter.Sample sample = Meter.start();
                List<PollSummary> summaries = poller.pollOnce();
                Meter.Totals totals = sample.stop();
                check(summaries, tenants);
                return new Round(totals.seconds(), fsyncs.get() - fsyncsBefore, statements.get() - statementsBefore);
            }
        } finally {
            clients.forEach(CrmConnectClient::close);
        }
    }

    private static void check(List<PollSummary> summaries, int tenants) {
        long completed = summaries.stream().filter(s -> s.outcome() == PollSummary.Outcome.COMPLETED).count();
        if (completed != tenants) {
            throw new IllegalStateException(completed + " of " + tenants + " tenants completed: "
                    + summaries.stream().filter(s -> s.outcome() != PollSummary.Outcome.COMPLETED).findFirst());
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
