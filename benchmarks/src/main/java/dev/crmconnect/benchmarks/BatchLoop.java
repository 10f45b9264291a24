package dev.crmconnect.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends rows 0 to N of {@link ContactSource} in chunks (batches of 100, or larger chunks that the
 * SDK splits itself) from a fixed number of threads, each with one chunk in flight, timing every
 * chunk. The threads live as long as the loop, so the
 * allocation the {@link Meter} reads per thread is not lost between rounds.
 */
final class BatchLoop implements AutoCloseable {

    /** The contract's largest batch. */
    static final int BATCH = 100;

    /** Sends rows {@code from} to {@code to} (exclusive); returns the records stored. */
    @FunctionalInterface
    interface Sender {
        int send(int from, int to) throws Exception;
    }

    /**
     * What a round did.
     *
     * @param records the records sent
     * @param stored the records the server stored
     * @param totals what the round cost
     * @param latencies per chunk
     */
    record Round(int records, long stored, Meter.Totals totals, Latencies latencies) {

        /** Records per second. */
        double perSecond() {
            return records / totals.seconds();
        }
    }

    private final int concurrency;
    private final ExecutorService threads;

    BatchLoop(int concurrency, String name) {
        this.concurrency = concurrency;
        this.threads = Executors.newFixedThreadPool(concurrency, task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Sends {@code records} rows in batches of 100 with {@code sender}, measured. */
    Round run(int records, Sender sender) throws InterruptedException, ExecutionException {
        return run(records, BATCH, sender);
    }

    /** Sends {@code records} rows in chunks of {@code chunk} with {@code sender}, measured. */
    Round run(int records, int chunk, Sender sender) throws InterruptedException, ExecutionException {
        AtomicInteger next = new AtomicInteger();
        AtomicLong stored = new AtomicLong();
        Latencies latencies = new Latencies(records / chunk + 1);
        Meter.Sample sample = Meter.start();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            workers.add(threads.submit(() -> {
                for (int from; (from = next.getAndAdd(chunk)) < records; ) {
                    long begin = System.nanoTime();
                    stored.addAndGet(sender.send(from, Math.min(records, from + chunk)));
                    latencies.add(System.nanoTime() - begin);
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        return new Round(records, stored.get(), sample.stop(), latencies);
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
