package dev.crmconnect.benchmarks;

import dev.crmconnect.benchmarks.sink.NoticeFeedModel;
import dev.crmconnect.benchmarks.sink.SinkProcess;
import dev.crmconnect.model.DeletionNotice;
import dev.crmconnect.sdk.CrmConnectClient;
import dev.crmconnect.sdk.Throttle;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Set;

/**
 * Iterates N deletion notices (default 1,000,000) through {@code deletionNotices().list(since)}
 * from a sink in another JVM that generates pages of 100 on the fly, reporting the heap as it
 * goes. Meant to run with {@code -Xmx64m}: memory must stay flat however many notices pass. The
 * client's throttle is off: its default request quota would spread 10,000 pages over hours.
 */
final class PagingScenario implements Scenario {

    private static final int DEFAULT_NOTICES = 1_000_000;
    private static final long MIB = 1024 * 1024;
    private static final int ROWS = 10;

    @Override
    public Set<String> options() {
        return Set.of("records");
    }

    @Override
    public String description() {
        return "iterate deletion notices page by page in a small heap (default 1,000,000; run with -Xmx64m)";
    }

    @Override
    public String unavailableBecause() {
        return SdkCalls.unavailableBecause();
    }

    @Override
    public void run(Options options, PrintStream out) throws Exception {
        int notices = options.getInt("records", DEFAULT_NOTICES);
        long maxHeap = Runtime.getRuntime().maxMemory();
        if (maxHeap > 64 * MIB) {
            out.println("note: max heap is " + maxHeap / MIB + " MiB; the documented figure is with -Xmx64m");
        }
        NoticeFeedModel model = NoticeFeedModel.endingBefore(System.currentTimeMillis(), notices);
        Table table = new Table("notices read", "seconds", "notices/s (interval)", "heap now MiB",
                "max after GC MiB (interval)", "GCs");
        long count = 0;
        Meter.Totals totals;
        try (SinkProcess sink = SinkProcess.start(model);
             CrmConnectClient client = CrmConnectClient.builder()
                     .baseUrl(sink.baseUrl())
                     .tokenUrl(sink.tokenUrl())
                     .credentials(SyncScenario.CLIENT_ID, SyncScenario.CLIENT_SECRET)
                     .integrationContext(SyncScenario.ORGANIZATION)
                     .throttle(Throttle.disabled())
                     .build();
             HeapWatch heap = new HeapWatch()) {
            long every = Math.max(1, notices / ROWS);
            Meter.Sample sample = Meter.start();
            long begin = System.nanoTime();
            long lastGcCount = 0;
            long lastCount = 0;
            double lastSeconds = 0;
            Meter.Sample sinceStart = Meter.start();
            for (DeletionNotice notice : SdkCalls.notices(client, Instant.ofEpochMilli(model.firstPublishedAt() - 1))) {
                count++;
                if (notice.noticeId().isEmpty()) {
                    throw new IllegalStateException("a notice without an id");
                }
                if (count % every == 0 || count == notices) {
                    double seconds = (System.nanoTime() - begin) / 1e9;
                    Meter.Totals sofar = sinceStart.stop();
                    Runtime runtime = Runtime.getRuntime();
                    long intervalMax = heap.takeIntervalMaxAfterGc();
                    table.row(Table.count(count), Table.fixed(seconds, 1),
                            Table.fixed((count - lastCount) / (seconds - lastSeconds), 0),
                            Table.fixed((runtime.totalMemory() - runtime.freeMemory()) / (double) MIB, 1),
                            intervalMax < 0 ? "-" : Table.fixed(intervalMax / (double) MIB, 1),
                            sofar.gcCount() - lastGcCount);
                    lastGcCount = sofar.gcCount();
                    lastCount = count;
                    lastSeconds = seconds;
                }
            }
            totals = sample.stop();
            if (count != notices) {
                throw new IllegalStateException("read " + count + " notices of " + notices);
            }
            out.println("Feed: sink in its own JVM generating pages of 100 notices on the fly; client with default"
                    + " settings but its throttle disabled (the default one allows "
                    + Table.count(Throttle.defaults().requestsPerDay()) + " requests a UTC day);"
                    + " max heap " + maxHeap / MIB + " MiB.");
            table.print(out);
            out.println("read " + Table.count(count) + " notices in " + Table.fixed(totals.seconds(), 1) + " s ("
                    + Table.fixed(count / totals.seconds(), 0) + " notices/s), "
                    + Table.fixed(totals.heapAllocatedBytes() / (double) count, 0) + " bytes allocated per notice, "
                    + totals.gcCount() + " GCs");
            out.println("paging max heap used = " + Table.fixed(HeapWatch.peakUsed() / (double) MIB, 1)
                    + " MiB, max after GC = " + Table.fixed(heap.maxAfterGc() / (double) MIB, 1) + " MiB, of "
                    + maxHeap / MIB + " MiB");
        }
    }
}
