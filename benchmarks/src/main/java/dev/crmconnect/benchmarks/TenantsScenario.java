package dev.crmconnect.benchmarks;

import dev.crmconnect.benchmarks.sink.NoticeFeedModel;
import dev.crmconnect.benchmarks.sink.SinkProcess;
import dev.crmconnect.sdk.CrmConnectClient;
import dev.crmconnect.sdk.CrmConnectRuntime;
import dev.crmconnect.sdk.Throttle;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many tenants in one JVM, each with its own client built the README's way (no runtime given,
 * so all share the JVM-wide one), against the sink in its own JVM.
 *
 * <p>Idle: for 100, 1,000 and 10,000 tenants, the heap each client holds after one call and a
 * GC, and the SDK's live threads. Active: T tenants upserting R contacts each at once, a caller
 * thread per tenant, against the same T x R records through one client from 16 threads, in
 * alternating order: throughput, CPU per record, failed records and the peak of live SDK threads.
 */
final class TenantsScenario implements Scenario {

    private static final int DEFAULT_TENANTS = 1_000;
    private static final int DEFAULT_RECORDS_PER_TENANT = 1_000;
    private static final int DEFAULT_ROUNDS = 2;
    private static final int ONE_CLIENT_THREADS = 16;
    private static final int[] IDLE_TENANTS = {100, 1_000, 10_000};

    @Override
    public Set<String> options() {
        return Set.of("tenants", "records", "rounds", "idle", "chunk", "in-flight", "callers");
    }

    @Override
    public String description() {
        return "clients of many tenants in one JVM: idle cost at 100, 1,000 and 10,000 tenants, and 1,000 tenants x"
                + " 1,000 contacts at once against one client with the same records";
    }

    @Override
    public void run(Options options, PrintStream out) throws Exception {
        int tenants = options.getInt("tenants", DEFAULT_TENANTS);
        int perTenant = options.getInt("records", DEFAULT_RECORDS_PER_TENANT);
        int rounds = options.getInt("rounds", DEFAULT_ROUNDS);
        int maxIdle = options.getInt("idle", IDLE_TENANTS[IDLE_TENANTS.length - 1]);
        int chunk = options.getInt("chunk", BatchLoop.BATCH);
        // 0: the JVM-wide runtime, as README builds clients; else a runtime of this many exchanges in flight.
        int inFlight = options.getInt("in-flight", 0);
        // 0: a caller thread per tenant; else this many caller threads taking the tenants' calls in turn.
        int callers = options.getInt("callers", 0);
        try (SinkProcess sink = SinkProcess.start(new NoticeFeedModel(0, 0, 1))) {
            Table idle = new Table("tenants", "KiB heap/client", "live SDK threads");
            idle(sink, IDLE_TENANTS[0]); // classes loaded and the JIT warm before the first figure
            for (int count : IDLE_TENANTS) {
                if (count <= maxIdle) {
                    Idle cost = idle(sink, count);
                    idle.row(Table.count(count), Table.fixed(cost.heapBytesPerClient() / 1024.0, 2), cost.sdkThreads());
                }
            }
            out.println("Idle: clients built the README's way, each after one upsert of one contact (token cached),"
                    + " then a full GC; heap per client = growth of used heap / clients; SDK threads = live threads"
                    + " named crmconnect-* or HttpClient-*.");
            idle.print(out);

            Table active = new Table("round", "side", "records", "seconds", "records/s", "CPU µs/record", "failed",
                    "peak SDK threads");
            List<Active> oneClient = new ArrayList<>();
            List<Active> perTenantClients = new ArrayList<>();
            // Clients live across rounds, as a vendor's do: tokens fetched and connections opened once.
            CrmConnectRuntime runtime = inFlight == 0 ? null : CrmConnectRuntime.builder()
                    .maxExchangesInFlight(inFlight).maxExchangesInFlightPerClient(Math.min(inFlight, 16)).build();
            List<CrmConnectClient> clients = new ArrayList<>(tenants);
            for (int t = 0; t < tenants; t++) {
                clients.add(client(sink, t, runtime));
            }
            try (CrmConnectClient single = client(sink, 0, runtime);
                 BatchLoop loop = new BatchLoop(ONE_CLIENT_THREADS, "tenants-one-client")) {
                int warmUp = Math.max(chunk, perTenant / 10);
                oneClient(single, loop, tenants * warmUp);
                tenants(clients, warmUp, chunk, callers);
                for (int r = 1; r <= rounds; r++) {
                    boolean oneFirst = r % 2 == 1;
                    for (int side = 0; side < 2; side++) {
                        boolean one = (side == 0) == oneFirst;
                        Active result = one ? oneClient(single, loop, tenants * perTenant)
                                : tenants(clients, perTenant, chunk, callers);
                        (one ? oneClient : perTenantClients).add(result);
                        active.row(r, one ? "one client" : Table.count(tenants) + " tenants"
                                        + (callers > 0 ? ", " + callers + " callers" : ""),
                                Table.count(result.records), Table.fixed(result.seconds, 2),
                                Table.fixed(result.records / result.seconds, 0),
                                Table.fixed(result.cpuNanos / 1e3 / result.records, 1), Table.count(result.failed),
                                result.peakThreads);
                    }
                }
            } finally {
                clients.forEach(CrmConnectClient::close);
                if (runtime != null) {
                    runtime.close();
                }
            }
            out.println();
            out.println("Active: " + Table.count(tenants) + " tenants x " + Table.count(perTenant) + " contacts, one"
                    + " caller thread per tenant, each calling upsert with " + Table.count(chunk) + " contacts at a"
                    + " time (batches of 100, 4 in flight per call); against one client upserting the same records"
                    + " in batches of 100 from " + ONE_CLIENT_THREADS + " threads. Each side builds the contacts of"
                    + " a call just before it; clients built once, a warm-up round of a tenth of the records per"
                    + " side first. Throttle disabled on both, default retry policy.");
            active.print(out);
            double throughput = perSecond(perTenantClients) / perSecond(oneClient);
            double cpu = cpuPerRecord(perTenantClients) / cpuPerRecord(oneClient);
            long failed = perTenantClients.stream().mapToLong(a -> a.failed).sum();
            int peak = perTenantClients.stream().mapToInt(a -> a.peakThreads).max().orElse(0);
            out.println("tenants: " + Table.count(tenants) + " tenants vs one client: throughput "
                    + Table.fixed(throughput, 2) + "x, CPU/record " + Table.fixed(cpu, 2) + "x, " + failed
                    + " failed, peak " + peak + " SDK threads");
        }
    }

    /** What {@code count} idle clients cost: heap per client after a GC, and the SDK's live threads. */
    private record Idle(double heapBytesPerClient, int sdkThreads) {
    }

    private static Idle idle(SinkProcess sink, int count) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = usedHeapAfterGc(memory);
        List<CrmConnectClient> clients = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            CrmConnectClient client = client(sink, i, null);
            clients.add(client);
            SdkCalls.upsert(client, ContactSource.contacts(i, i + 1));
        }
        long after = usedHeapAfterGc(memory);
        Idle cost = new Idle((after - before) / (double) count, sdkThreads());
        clients.forEach(CrmConnectClient::close);
        return cost;
    }

    private static Active oneClient(CrmConnectClient client, BatchLoop loop, int records) throws Exception {
        try (ThreadPeak peak = new ThreadPeak()) {
            BatchLoop.Round round = loop.run(records,
                    (from, to) -> SdkCalls.upsert(client, ContactSource.contacts(from, to)));
            return new Active(records, round.totals().seconds(), round.totals().cpuNanos(),
                    records - round.stored(), peak.peak());
        }
    }

    private static Active tenants(List<CrmConnectClient> clients, int perTenant, int chunk, int callers)
            throws Exception {
        if (callers > 0) {
            return tenantsFromPool(clients, perTenant, chunk, callers);
        }
        int tenants = clients.size();
        AtomicLong stored = new AtomicLong();
        AtomicInteger errors = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(tenants);
        for (int t = 0; t < tenants; t++) {
            CrmConnectClient client = clients.get(t);
            int from = t * perTenant;
            Thread caller = new Thread(() -> {
                try {
                    start.await();
                    for (int at = from; at < from + perTenant; at += chunk) {
                        int to = Math.min(from + perTenant, at + chunk);
                        stored.addAndGet(SdkCalls.upsert(client, ContactSource.contacts(at, to)));
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                } finally {
                    done.countDown();
                }
            }, "tenant-caller-" + t);
            caller.setDaemon(true);
            caller.start();
        }
        try (ThreadPeak peak = new ThreadPeak()) {
            Meter.Sample sample = Meter.start();
            start.countDown();
            done.await();
            Meter.Totals totals = sample.stop();
            long records = (long) tenants * perTenant;
            if (errors.get() > 0) {
                throw new IllegalStateException(errors.get() + " tenants' upserts threw");
            }
            return new Active(records, totals.seconds(), totals.cpuNanos(), records - stored.get(), peak.peak());
        }
    }

    /** Every tenant's calls, taken in turn (each tenant's first chunk, then each one's second...) by a pool. */
    private static Active tenantsFromPool(List<CrmConnectClient> clients, int perTenant, int chunk, int callers)
            throws Exception {
        int tenants = clients.size();
        int chunksPerTenant = (perTenant + chunk - 1) / chunk;
        try (BatchLoop loop = new BatchLoop(callers, "tenant-callers");
             ThreadPeak peak = new ThreadPeak()) {
            // The loop hands out call numbers 0, 1, 2...; call i is chunk i / tenants of tenant i % tenants.
            BatchLoop.Round round = loop.run(tenants * chunksPerTenant, 1, (call, ignored) -> {
                int tenant = call % tenants;
                int from = tenant * perTenant + (call / tenants) * chunk;
                int to = Math.min(tenant * perTenant + perTenant, from + chunk);
                return SdkCalls.upsert(clients.get(tenant), ContactSource.contacts(from, to));
            });
            long records = (long) tenants * perTenant;
            return new Active(records, round.totals().seconds(), round.totals().cpuNanos(), records - round.stored(),
                    peak.peak());
        }
    }

    private static CrmConnectClient client(SinkProcess sink, int tenant, CrmConnectRuntime runtime) {
        return CrmConnectClient.builder()
                .runtime(runtime)
                .baseUrl(sink.baseUrl())
                .tokenUrl(sink.tokenUrl())
                .credentials("tenant-" + tenant, "secret-" + tenant)
                .integrationContext("urn:li:organization:" + (1000 + tenant))
                .throttle(Throttle.disabled())
                .build();
    }

    private static long usedHeapAfterGc(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    static int sdkThreads() {
        int count = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            String name = thread.getName();
            if (thread.isAlive() && (name.startsWith("crmconnect-") || name.startsWith("HttpClient-"))) {
                count++;
            }
        }
        return count;
    }

    private static double perSecond(List<Active> runs) {
        return runs.stream().mapToLong(a -> a.records).sum() / runs.stream().mapToDouble(a -> a.seconds).sum();
    }

    private static double cpuPerRecord(List<Active> runs) {
        return runs.stream().mapToLong(a -> a.cpuNanos).sum() / (double) runs.stream().mapToLong(a -> a.records).sum();
    }

    /** One side of one round. */
    private record Active(long records, double seconds, long cpuNanos, long failed, int peakThreads) {
    }

    /** Samples the SDK's live threads every 50 ms while open; {@link #peak()} is the most seen. */
    private static final class ThreadPeak implements AutoCloseable {
        private final AtomicInteger peak = new AtomicInteger();
        private final Thread sampler;
        private volatile boolean running = true;

        ThreadPeak() {
            sampler = new Thread(() -> {
                while (running) {
                    peak.accumulateAndGet(sdkThreads(), Math::max);
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "thread-peak");
            sampler.setDaemon(true);
            sampler.start();
        }

        int peak() {
            peak.accumulateAndGet(sdkThreads(), Math::max);
            return peak.get();
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            sampler.interrupt();
            sampler.join();
        }
    }
}
