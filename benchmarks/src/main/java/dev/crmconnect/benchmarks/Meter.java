package dev.crmconnect.benchmarks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

/**
 * What this JVM spent between {@link #start()} and {@link Sample#stop()}: wall time, process CPU
 * time (every thread, the JIT and GC included), bytes allocated by all threads, and GC count and
 * time. Allocation is read per thread from {@code com.sun.management.ThreadMXBean}: a thread that
 * both started and ended within the span is missed, which the harness avoids by keeping its pools
 * alive across the span.
 */
public final class Meter {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Meter() {
    }

    /** Begins a span. */
    public static Sample start() {
        return new Sample();
    }

    /**
     * The totals of a span.
     *
     * @param wallNanos elapsed time
     * @param cpuNanos process CPU time
     * @param allocatedBytes bytes allocated by all threads
     * @param heapAllocatedBytes bytes allocated, as the heap's use before and after collections tells
     * @param gcCount collections
     * @param gcMillis time in collections, as the collectors report it
     */
    public record Totals(long wallNanos, long cpuNanos, long allocatedBytes, long heapAllocatedBytes, long gcCount,
                         long gcMillis) {

        /** Wall time in seconds. */
        public double seconds() {
            return wallNanos / 1e9;
        }
    }

    /** A span in progress. */
    public static final class Sample {

        private final long wall = System.nanoTime();
        private final long cpu = OS.getProcessCpuTime();
        private final Map<Long, Long> allocated = allocatedByThread();
        private final long heapAllocated = GcAllocation.total();
        private final long gcCount = gcCount();
        private final long gcMillis = gcMillis();

        private Sample() {
        }

        /** Ends the span. */
        public Totals stop() {
            long wallNanos = System.nanoTime() - wall;
            long cpuNanos = OS.getProcessCpuTime() - cpu;
            long bytes = 0;
            for (Map.Entry<Long, Long> now : allocatedByThread().entrySet()) {
                bytes += now.getValue() - allocated.getOrDefault(now.getKey(), 0L);
            }
            return new Totals(wallNanos, cpuNanos, bytes, GcAllocation.total() - heapAllocated, gcCount() - gcCount,
                    gcMillis() - gcMillis);
        }
    }

    private static Map<Long, Long> allocatedByThread() {
        long[] ids = THREADS.getAllThreadIds();
        long[] bytes = THREADS.getThreadAllocatedBytes(ids);
        Map<Long, Long> byThread = new HashMap<>(ids.length * 2);
        for (int i = 0; i < ids.length; i++) {
            if (bytes[i] >= 0) {
                byThread.put(ids[i], bytes[i]);
            }
        }
        return byThread;
    }

    private static long gcCount() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionCount());
        }
        return total;
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }
}
