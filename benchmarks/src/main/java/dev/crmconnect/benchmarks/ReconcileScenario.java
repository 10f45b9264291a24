package dev.crmconnect.benchmarks;

import dev.crmconnect.benchmarks.sink.NoticeFeedModel;
import dev.crmconnect.benchmarks.sink.SinkProcess;
import dev.crmconnect.model.Contact;
import dev.crmconnect.sdk.CrmConnectClient;
import dev.crmconnect.sdk.Throttle;
import dev.crmconnect.sdk.sync.ReconcileOptions;
import dev.crmconnect.sdk.sync.ReconcileProgress;
import dev.crmconnect.sdk.sync.ReconcileResult;
import dev.crmconnect.sdk.sync.Reconciler;
import dev.crmconnect.sdk.sync.SyncLedger;
import dev.crmconnect.sdk.sync.SyncResource;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A re-sync through the sync ledger: N contacts (default 1,000,000, made up from their index)
 * reconciled into a file ledger against the sink in another JVM, then reconciled again with 1% of
 * them edited. Every run opens the ledger afresh, as a nightly job in a new process does.
 *
 * <p>Runs, in order: the first sync (every record sent through HTTP, filling the ledger); the
 * input alone (the same records made and iterated, nothing else: the caller's cost, subtracted
 * below); a re-sync of the same records (all unchanged); three re-syncs with 1% edited, each with
 * a new edit of the same rows (the headline is their median); the same with
 * {@code fullSnapshot(true)}, which also records every unchanged record's run.
 *
 * <p>CPU per unchanged record is process CPU (every thread, JIT and GC) of the run, less the
 * input's own cost, less the sent records' cost at the first sync's CPU per record, over the
 * unchanged records. Three edited runs rather than one: on a shared machine one run's figure
 * moves by a quarter from run to run, the median of three much less. The heap after GC is
 * sampled from the collector's notifications during the first 1% run, a row every tenth of the
 * records; no GC is forced.
 */
final class ReconcileScenario implements Scenario {

    private static final int DEFAULT_RECORDS = 1_000_000;
    /** One record in this many is edited: 1%. */
    private static final int EDIT_EVERY = 100;
    private static final int ROWS = 10;
    private static final int EDITED_RUNS = 3;
    private static final long MIB = 1024 * 1024;

    @Override
    public Set<String> options() {
        return Set.of("records");
    }

    @Override
    public String description() {
        return "re-sync through a file ledger with 1% of the records edited (default 1,000,000 contacts; run with"
                + " -Xmx256m)";
    }

    @Override
    public void run(Options options, PrintStream out) throws Exception {
        int records = options.getInt("records", DEFAULT_RECORDS);
        long maxHeap = Runtime.getRuntime().maxMemory();
        if (maxHeap > 256 * MIB) {
            out.println("note: max heap is " + maxHeap / MIB + " MiB; the documented figure is with -Xmx256m");
        }
        Path directory = Files.createTempDirectory("crmconnect-reconcile-");
        try (SinkProcess sink = SinkProcess.start(new NoticeFeedModel(0, 0, 1));
             CrmConnectClient client = CrmConnectClient.builder()
                     .baseUrl(sink.baseUrl())
                     .tokenUrl(sink.tokenUrl())
                     .credentials(SyncScenario.CLIENT_ID, SyncScenario.CLIENT_SECRET)
                     .integrationContext(SyncScenario.ORGANIZATION)
                     .throttle(Throttle.disabled())
                     .build()) {
            Table runs = new Table("run", "records", "sent", "sink received", "unchanged", "seconds", "ledger open CPU s",
                    "CPU s", "CPU µs/record", "ledger bytes/entry");
            Run first = reconcile(client, sink, directory, records, 0, false, null);
            first.addTo(runs, "first sync (fills the ledger)", records, directory);
            double sendCost = first.cpuNanos / (double) first.result.sent();

            Meter.Sample inputSample = Meter.start();
            long checksum = 0;
            for (Iterator<Contact> input = input(records, 0); input.hasNext(); ) {
                checksum += input.next().crmId().length();
            }
            Meter.Totals input = inputSample.stop();
            if (checksum == 0) {
                throw new IllegalStateException("no input");
            }
            double inputCost = input.cpuNanos() / (double) records;
            runs.row("input alone (made and iterated)", Table.count(records), "-", "-", "-",
                    Table.fixed(input.seconds(), 1), "-", Table.fixed(input.cpuNanos() / 1e9, 1),
                    Table.fixed(inputCost / 1e3, 2), "-");
            sendCost -= inputCost;

            Run same = reconcile(client, sink, directory, records, 0, false, null);
            same.addTo(runs, "re-sync, nothing edited", records, directory);

            Table heap = new Table("records seen", "sent", "seconds", "max heap after GC MiB (interval)", "GCs");
            try (HeapWatch watch = new HeapWatch()) {
                HeapRows rows = new HeapRows(records, heap, watch);
                List<Run> edited = new ArrayList<>();
                List<Double> perUnchanged = new ArrayList<>();
                long editedMaxAfterGc = -1;
                for (int edition = 1; edition <= EDITED_RUNS; edition++) {
                    Run run = reconcile(client, sink, directory, records, edition, false, edition == 1 ? rows : null);
                    if (edition == 1) {
                        editedMaxAfterGc = watch.maxAfterGc();
                        watch.takeIntervalMaxAfterGc();
                    }
                    run.addTo(runs, "re-sync, 1% edited (" + edition + " of " + EDITED_RUNS + ")", records, directory);
                    edited.add(run);
                    perUnchanged.add(run.netCpuNanos(inputCost * records, sendCost) / run.result.unchanged() / 1e3);
                }
                Run snapshot = reconcile(client, sink, directory, records, EDITED_RUNS + 1, true, null);
                long snapshotMaxAfterGc = watch.takeIntervalMaxAfterGc();
                snapshot.addTo(runs, "re-sync, 1% edited, fullSnapshot", records, directory);

                out.println("Sink: JDK HttpServer in its own JVM answering BATCH_UPDATE with 204 per key. Client"
                        + " throttle disabled, batches of 100, 4 in flight. File ledger in " + directory.getParent()
                        + "; each run opens it (replaying its log) and closes it. Input: contacts made from their"
                        + " index (ContactSource); row i edited when i % " + EDIT_EVERY + " == 37 (its job title), a"
                        + " new edit on each edited run. Max heap " + maxHeap / MIB + " MiB.");
                runs.print(out);
                out.println("Heap during the first 1% run (after-GC use reported by the collector, none forced):");
                heap.print(out);
                int middle = median(perUnchanged);
                Run headline = edited.get(middle);
                double median = perUnchanged.get(middle);
                double open = headline.openCpuNanos / (double) headline.result.unchanged() / 1e3;
                double sameNet = same.netCpuNanos(inputCost * records, sendCost) / same.result.unchanged() / 1e3;
                out.println("CPU per unchanged record, net of the input (" + Table.fixed(inputCost / 1e3, 2)
                        + " µs/record) and of the sent records at the first sync's " + Table.fixed(sendCost / 1e3, 2)
                        + " µs/record, in the " + EDITED_RUNS + " edited runs: " + fixedAll(perUnchanged)
                        + " µs; median " + Table.fixed(median, 2) + " µs, of which opening the ledger "
                        + Table.fixed(open, 2) + " µs (nothing edited: " + Table.fixed(sameNet, 2)
                        + " µs); file ledger " + Table.fixed(headline.bytesPerEntry, 1) + " bytes/entry on disk; heap"
                        + " after GC " + rows.afterFirstTenth() + " MiB after the first tenth, at most "
                        + mib(editedMaxAfterGc) + " MiB (fullSnapshot run: " + mib(snapshotMaxAfterGc) + " MiB), of "
                        + maxHeap / MIB + " MiB");
                out.println("reconcile: sent " + headline.result.sent() + " of " + records + " records ("
                        + Table.fixed(100.0 * headline.result.sent() / records, 2) + "%), "
                        + Table.fixed(median, 2) + " us/unchanged record");
            }
        } finally {
            deleteTree(directory);
        }
    }

    /** One reconcile run and what it cost. */
    private record Run(ReconcileResult result, long sinkRecords, double seconds, long openCpuNanos, long cpuNanos,
                       double bytesPerEntry) {

        /** The run's CPU less the input's and the sent records' at {@code sendCost} each. */
        double netCpuNanos(double inputNanos, double sendCost) {
            return cpuNanos - inputNanos - sendCost * result.sent();
        }

        void addTo(Table table, String name, int records, Path directory) {
            table.row(name, Table.count(records), Table.count(result.sent()), Table.count(sinkRecords),
                    Table.count(result.unchanged()), Table.fixed(seconds, 1), Table.fixed(openCpuNanos / 1e9, 2),
                    Table.fixed(cpuNanos / 1e9, 1), Table.fixed(cpuNanos / 1e3 / records, 2),
                    Table.fixed(bytesPerEntry, 1));
        }
    }

    /** Reconciles rows {@code [0, records)} as of {@code edition} (0: as first made) into the ledger. */
    private static Run reconcile(CrmConnectClient client, SinkProcess sink, Path directory, int records,
                                 int edition, boolean fullSnapshot, Consumer<ReconcileProgress> progress)
            throws IOException, InterruptedException {
        long[] before = sink.counts();
        Meter.Sample sample = Meter.start();
        Meter.Sample open = Meter.start();
        ReconcileResult result;
        long openCpuNanos;
        long entries;
        try (SyncLedger ledger = SyncLedger.file(directory)) {
            openCpuNanos = open.stop().cpuNanos();
            ReconcileOptions.Builder options = ReconcileOptions.builder().expectedRecords(records)
                    .fullSnapshot(fullSnapshot);
            if (progress != null) {
                options.onProgress(progress);
            }
            result = Reconciler.of(client, ledger).contacts().reconcile(input(records, edition), options.build());
            entries = ledger.entries(SyncScenario.ORGANIZATION, SyncResource.CONTACTS);
        }
        Meter.Totals totals = sample.stop();
        long[] after = sink.counts();
        if (result.failed() != 0 || result.seen() != records || entries != records) {
            throw new IllegalStateException("the reconcile saw " + result.seen() + " of " + records + " records, "
                    + result.failed() + " failed, the ledger holds " + entries);
        }
        long bytes = Files.size(directory.resolve("ledger.log"));
        return new Run(result, after[1] - before[1], totals.seconds(), openCpuNanos, totals.cpuNanos(),
                bytes / (double) entries);
    }

    /** Rows {@code [0, records)}; with an edition above 0, one row in a hundred edited for it. */
    private static Iterator<Contact> input(int records, int edition) {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < records;
            }

            @Override
            public Contact next() {
                if (next >= records) {
                    throw new NoSuchElementException();
                }
                int i = next++;
                Contact contact = ContactSource.contact(i);
                if (edition > 0 && i % EDIT_EVERY == 37) {
                    contact = contact.toBuilder().currentJobTitle("Engineering Manager " + edition).build();
                }
                return contact;
            }
        };
    }

    /** Adds a heap row to the table each time another tenth of the records has been seen. */
    private static final class HeapRows implements Consumer<ReconcileProgress> {
        private final long every;
        private final Table table;
        private final HeapWatch watch;
        private final long begin = System.nanoTime();
        private final Meter.Sample gcs = Meter.start();
        private final List<Long> afterGc = new ArrayList<>();
        private long nextRow;
        private long lastGcCount;

        HeapRows(int records, Table table, HeapWatch watch) {
            this.every = Math.max(1, records / ROWS);
            this.table = table;
            this.watch = watch;
            this.nextRow = every;
            watch.takeIntervalMaxAfterGc();
        }

        @Override
        public void accept(ReconcileProgress progress) {
            if (progress.seen() < nextRow) {
                return;
            }
            nextRow = (progress.seen() / every + 1) * every;
            long intervalMax = watch.takeIntervalMaxAfterGc();
            if (intervalMax >= 0) {
                afterGc.add(intervalMax);
            }
            long gcCount = gcs.stop().gcCount();
            table.row(Table.count(progress.seen()), Table.count(progress.sent()),
                    Table.fixed((System.nanoTime() - begin) / 1e9, 1),
                    intervalMax < 0 ? "-" : Table.fixed(intervalMax / (double) MIB, 1), gcCount - lastGcCount);
            lastGcCount = gcCount;
        }

        /** The least and most heap after GC of the rows after the first: "min to max". */
        String afterFirstTenth() {
            if (afterGc.size() < 2) {
                return "-";
            }
            List<Long> rest = afterGc.subList(1, afterGc.size());
            return Table.fixed(Collections.min(rest) / (double) MIB, 1) + " to "
                    + Table.fixed(Collections.max(rest) / (double) MIB, 1);
        }
    }

    /** The index of the median of three or more figures. */
    private static int median(List<Double> figures) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < figures.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(figures::get));
        return order.get(figures.size() / 2);
    }

    private static String fixedAll(List<Double> figures) {
        return String.join(", ", figures.stream().map(f -> Table.fixed(f, 2)).toList());
    }

    private static String mib(long bytes) {
        return bytes < 0 ? "-" : Table.fixed(bytes / (double) MIB, 1);
    }

    private static void deleteTree(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
