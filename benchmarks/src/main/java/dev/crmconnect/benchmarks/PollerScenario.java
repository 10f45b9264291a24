package dev.crmconnect.benchmarks;

import dev.crmconnect.benchmarks.sink.NoticeFeedModel;
import dev.crmconnect.sdk.poller.CheckpointStore;
import dev.crmconnect.sdk.poller.Decision;
import dev.crmconnect.sdk.poller.DeletionNoticePoller;
import dev.crmconnect.sdk.poller.NoticeFeed;
import dev.crmconnect.sdk.poller.PollSummary;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Notices per second through {@link DeletionNoticePoller}: one poll over a backlog of N notices
 * (default 100,000), every notice decided by a handler that returns at once, with the file
 * checkpoint store and with the JDBC store on a PostgreSQL server started for the run (the
 * in-memory store as a reference). The feed is generated in process, so the figure is the poller's
 * and the store's alone.
 */
final class PollerScenario implements Scenario {

    /** Each poll has a tenant of its own, so that two polls on one database do not meet. */
    private static final AtomicInteger TENANTS = new AtomicInteger(1000);
    private static final int DEFAULT_NOTICES = 100_000;
    private static final int WARM_UP_NOTICES = 5_000;
    private static final int UNPOOLED_NOTICES = 1_000;

    @Override
    public Set<String> options() {
        return Set.of("records");
    }

    @Override
    public String description() {
        return "notices/s through the deletion-notice poller, file store and PostgreSQL (default 100,000 notices)";
    }

    @Override
    public void run(Options options, PrintStream out) throws Exception {
        int notices = options.getInt("records", DEFAULT_NOTICES);
        Table table = new Table("store", "feed", "notices", "decided", "seconds", "notices/s", "CPU s",
                "KiB alloc/notice");
        poll("in-memory (warm-up)", CheckpointStore.inMemory(), WARM_UP_NOTICES, null);
        double memory = poll("in-memory", CheckpointStore.inMemory(), notices, table);
        Path directory = Files.createTempDirectory("crmconnect-bench-store-");
        double file;
        try {
            file = poll("file", CheckpointStore.file(directory), notices, table);
        } finally {
            deleteTree(directory);
        }
        if (PostgresServer.available()) {
            try (PostgresServer server = PostgresServer.start();
                 PooledDataSource pool = new PooledDataSource(server.dataSource())) {
                poll("jdbc, pooled (" + server.version() + ")", CheckpointStore.jdbc(pool), notices, table);
                // Without a pool every store call opens a connection: shown on a short backlog.
                poll("jdbc, a connection per call", CheckpointStore.jdbc(server.dataSource()),
                        Math.min(notices, UNPOOLED_NOTICES), table);
            }
            // The same with plans made for each execution: see docs/PERFORMANCE.md on the decision lookup.
            try (PostgresServer server = PostgresServer.start("plan_cache_mode=force_custom_plan");
                 PooledDataSource pool = new PooledDataSource(server.dataSource())) {
                poll("jdbc, pooled, plan_cache_mode=force_custom_plan", CheckpointStore.jdbc(pool), notices, table);
            }
        } else {
            table.row("jdbc (PostgreSQL)", "generated", Table.count(notices), "-", "-", "not available", "-", "-");
        }
        out.println("One poll over a backlog of " + Table.count(notices) + " notices, handler returns"
                + " Decision.delete at once; feed generated in process (no HTTP); in-memory: " + Table.fixed(memory, 0)
                + " notices/s.");
        table.print(out);
        out.println("poller file store = " + Table.fixed(file, 0) + " notices/s");
    }

    /** Polls a backlog once; returns notices per second and adds a row unless {@code table} is null. */
    private static double poll(String storeName, CheckpointStore store, int notices, Table table) {
        NoticeFeedModel model = NoticeFeedModel.endingBefore(System.currentTimeMillis(), notices);
        NoticeFeed feed = new GeneratedFeed("urn:li:organization:" + TENANTS.incrementAndGet(), model);
        try (store; DeletionNoticePoller poller = DeletionNoticePoller.builder()
                .feed(feed)
                .handler(notice -> Decision.delete("contact and notes of the member"))
                .handlerId("benchmark-handler-1")
                .checkpointStore(store)
                .maxPagesPerPoll(notices / DeletionNoticePoller.MAX_PAGE_SIZE + 10)
                .build()) {
            Meter.Sample sample = Meter.start();
            List<PollSummary> summaries = poller.pollOnce();
            Meter.Totals totals = sample.stop();
            PollSummary summary = summaries.get(0);
            if (summary.outcome() != PollSummary.Outcome.COMPLETED || summary.decided() != notices) {
                throw new IllegalStateException("the poll did not decide every notice: " + summary, summary.failure());
            }
            double perSecond = notices / totals.seconds();
            if (table != null) {
                table.row(storeName, "generated", Table.count(notices), Table.count(summary.decided()),
                        Table.fixed(totals.seconds(), 2), Table.fixed(perSecond, 0),
                        Table.fixed(totals.cpuNanos() / 1e9, 2),
                        Table.fixed(totals.allocatedBytes() / 1024.0 / notices, 1));
            }
            return perSecond;
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
