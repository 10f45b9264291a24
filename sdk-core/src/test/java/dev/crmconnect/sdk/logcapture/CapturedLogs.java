package dev.crmconnect.sdk.logcapture;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Every line logged through SLF4J during the tests, at every level, with the messages of any
 * attached throwable (its causes and suppressed exceptions too).
 */
public final class CapturedLogs {

    private static final ConcurrentLinkedQueue<String> LINES = new ConcurrentLinkedQueue<>();

    private CapturedLogs() {
    }

    static void add(String line) {
        LINES.add(line);
    }

    /** A snapshot of the lines logged so far. */
    public static List<String> lines() {
        return new ArrayList<>(LINES);
    }

    /** Forgets the lines logged so far. */
    public static void clear() {
        LINES.clear();
    }
}
