package dev.crmconnect.benchmarks;

import dev.crmconnect.benchmarks.sink.NoticeFeedModel;
import dev.crmconnect.benchmarks.sink.SinkProcess;
import dev.crmconnect.sdk.CrmConnectClient;
import dev.crmconnect.sdk.Throttle;
import dev.crmconnect.sdk.poller.CheckpointStore;
import dev.crmconnect.sdk.poller.Decision;
import dev.crmconnect.sdk.poller.DeletionNoticePoller;
import dev.crmconnect.sdk.poller.NoticeFeed;
import dev.crmconnect.sdk.poller.PollSummary;
import dev.crmconnect.testsupport.TestDataSource;
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
 * (default 100,000), every notice decided by a handler that returns at once. Two feeds: generated
 * in process (the poller and its store alone), and the client's {@code deletionNotices().feed()}
 * reading a sink in another JVM over HTTP (end to end). Stores: the file store, the JDBC store on
 * a PostgreSQL server started for the run, and the in-memory store as a reference.
 */
final class PollerScenario implements Scenario {

    private static final int DEFAULT_NOTICES = 100_000;
    private static final int WARM_UP_NOTICES = 5_000;
    private static final int UNPOOLED_NOTICES = 1_000;
    private static final int THROTTLED_NOTICES = 10_000;
    private static final int SMALL_PAGE = 10;
    /** Each poll has a tenant of its own, so that two polls on one database or sink do not meet. */
    private static final AtomicInteger TENANTS = new AtomicInteger(1000);

    @Override
    public Set<String> options() {
        return Set.of("records");
    }

    @Override
    public String description() {
        return "notices/s through the deletion-notice poller, file store and PostgreSQL (default 100,000 notices)";
    }

    /** Makes the feed of a new tenant; the client it may open is closed by the caller. */
    @FunctionalInterface
    private interface Feeds {
        Feed open(String tenant);
    }

    /** A feed and what to close after the poll. */
    private record Feed(NoticeFeed feed, AutoCloseable resource) {
    }

    @Override
    public void run(Options options, PrintStream out) throws Exception {
        int notices = options.getInt("records", DEFAULT_NOTICES);
        NoticeFeedModel model = NoticeFeedModel.endingBefore(System.currentTimeMillis(), notices);
        Feeds generated = tenant -> new Feed(new GeneratedFeed(tenant, model), () -> { });
        Table table = new Table("store", "feed", "notices", "seconds", "notices/s", "CPU s", "KiB alloc/notice");

        poll(null, "in-memory (warm-up)", CheckpointStore.inMemory(), generated, "",
                Math.min(notices, WARM_UP_NOTICES));
        poll(table, "in-memory", CheckpointStore.inMemory(), generated, "generated", notices);
        Path directory = Files.createTempDirectory("crmconnect-bench-store-");
        double clientFile;
        double clientFileThrottled;
        try (SinkProcess sink = SinkProcess.start(model)) {
            poll(table, "file", CheckpointStore.file(directory.resolve("generated")), generated, "generated", notices);
            Feeds client = tenant -> clientFeed(sink, tenant, Throttle.disabled());
            poll(table, "in-memory", CheckpointStore.inMemory(), client, "client, throttle off", notices);
            clientFile = poll(table, "file", CheckpointStore.file(directory.resolve("client")), client,
                    "client, throttle off", notices);
            // Decisions are recorded once per page: a smaller page bounds what a crash repeats, at this cost.
            poll(table, "file, pageSize 10", CheckpointStore.file(directory.resolve("client-small-pages")), client,
                    "client, throttle off", notices, SMALL_PAGE);
            int throttledNotices = Math.min(notices, THROTTLED_NOTICES);
            clientFileThrottled = poll(table, "file", CheckpointStore.file(directory.resolve("throttled")),
                    tenant -> clientFeed(sink, tenant, Throttle.defaults()), "client, default throttle",
                    throttledNotices);
        } finally {
            deleteTree(directory);
        }
        try (PostgresServer server = PostgresServer.start();
             TestDataSource pool = TestDataSource.pool(server.dataSource());
             TestDataSource customPlans = TestDataSource.pool(server.newDatabase("bench_custom_plans",
                     "plan_cache_mode=force_custom_plan"))) {
            poll(table, "jdbc, pooled (" + server.version() + ")", CheckpointStore.jdbc(pool), generated,
                    "generated", notices);
            // The same with plans made for each execution: see docs/PERFORMANCE.md on the decision lookup.
            poll(table, "jdbc, pooled, plan_cache_mode=force_custom_plan", CheckpointStore.jdbc(customPlans),
                    generated, "generated", notices);
            // Without a pool every store call opens a connection: shown on a short backlog.
            poll(table, "jdbc, a connection per call", CheckpointStore.jdbc(server.dataSource()), generated,
                    "generated", Math.min(notices, UNPOOLED_NOTICES));
        }
        out.println("One poll over a backlog, handler returning Decision.delete at once. Feeds: generated in process"
                + " (no HTTP), or the client's deletionNotices().feed() reading a sink in its own JVM over HTTP."
                + " PostgreSQL with its default durability (fsync on), a minimal connection pool unless said.");
        table.print(out);
        out.println("poller file store = " + Table.fixed(clientFile, 0) + " notices/s (client feed, throttle off; "
                + Table.fixed(clientFileThrottled, 0) + " notices/s with the default throttle)");
    }

    private static Feed clientFeed(SinkProcess sink, String tenant, Throttle throttle) {
        CrmConnectClient client = CrmConnectClient.builder()
                .baseUrl(sink.baseUrl())
                .tokenUrl(sink.tokenUrl())
                .credentials(SyncScenario.CLIENT_ID, SyncScenario.CLIENT_SECRET)
                .integrationContext(tenant)
                .throttle(throttle)
                .build();
        return new Feed(SdkCalls.feed(client), client);
    }

    /** Polls a backlog once in pages of 100; returns notices per second and adds a row unless {@code table} is null. */
    private static double poll(Table table, String storeName, CheckpointStore store, Feeds feeds, String feedName,
            int notices) throws Exception {
        return poll(table, storeName, store, feeds, feedName, notices, DeletionNoticePoller.MAX_PAGE_SIZE);
    }

    private static double poll(Table table, String storeName, CheckpointStore store, Feeds feeds, String feedName,
            int notices, int pageSize) throws Exception {
        Feed feed = feeds.open("urn:li:organization:" + TENANTS.incrementAndGet());
        int pages = (notices + pageSize - 1) / pageSize;
        try (AutoCloseable resource = feed.resource(); store;
             DeletionNoticePoller poller = DeletionNoticePoller.builder()
                .feed(feed.feed())
                .handler(notice -> Decision.delete("contact and notes of the member"))
                .handlerId("benchmark-handler-1")
                .checkpointStore(store)
                .pageSize(pageSize)
                .maxPagesPerPoll(pages) // exactly the backlog wanted, when the feed holds more
                .build()) {
            Meter.Sample sample = Meter.start();
            List<PollSummary> summaries = poller.pollOnce();
            Meter.Totals totals = sample.stop();
            PollSummary summary = summaries.get(0);
            if (summary.decided() != notices || summary.failure() != null) {
                throw new IllegalStateException("the poll did not decide every notice: " + summary, summary.failure());
            }
            double perSecond = summary.decided() / totals.seconds();
            if (table != null) {
                table.row(storeName, feedName, Table.count(summary.decided()), Table.fixed(totals.seconds(), 2),
                        Table.fixed(perSecond, 0), Table.fixed(totals.cpuNanos() / 1e9, 2),
                        Table.fixed(totals.heapAllocatedBytes() / 1024.0 / summary.decided(), 1));
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
