package dev.crmconnect.benchmarks;

import java.util.Arrays;

/** Durations recorded from several threads, read as percentiles once recording is over. */
public final class Latencies {

    private long[] nanos;
    private int size;

    /** Room for {@code expected} durations; grows if more come. */
    public Latencies(int expected) {
        this.nanos = new long[Math.max(16, expected)];
    }

    /** Records one duration. */
    public synchronized void add(long durationNanos) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = durationNanos;
    }

    /** Adds every duration recorded here to {@code other}. */
    public synchronized void addAllTo(Latencies other) {
        for (int i = 0; i < size; i++) {
            other.add(nanos[i]);
        }
    }

    /** The number recorded. */
    public synchronized int count() {
        return size;
    }

    /** The {@code p}-th percentile (0 to 100, nearest rank) in milliseconds; 0 when empty. */
    public synchronized double percentileMillis(double p) {
        if (size == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1e6;
    }
}
