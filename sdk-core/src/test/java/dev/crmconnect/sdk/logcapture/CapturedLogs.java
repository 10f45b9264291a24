package dev.crmconnect.sdk.logcapture;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The lines logged through SLF4J during the tests, at every level, with the messages of any
 * attached throwable (its causes and suppressed exceptions too). Keeps the last
 * {@value #CAPACITY} lines, so that long runs do not fill the heap.
 */
public final class CapturedLogs {

    static final int CAPACITY = 100_000;

    private static final ConcurrentLinkedDeque<String> LINES = new ConcurrentLinkedDeque<>();
    private static final AtomicInteger SIZE = new AtomicInteger();

    private CapturedLogs() {
    }

    static void add(String line) {
        LINES.addLast(line);
        if (SIZE.incrementAndGet() > CAPACITY && LINES.pollFirst() != null) {
            SIZE.decrementAndGet();
        }
    }

    /** A snapshot of the lines logged so far. */
    public static List<String> lines() {
        return new ArrayList<>(LINES);
    }

    /** Forgets the lines logged so far. */
    public static void clear() {
        while (LINES.pollFirst() != null) {
            SIZE.decrementAndGet();
        }
    }
}
