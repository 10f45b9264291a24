package dev.crmconnect.sdk.internal.poller;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every fsync the file store makes goes through here, so that its cost can be counted: the
 * {@code poller-tenants} benchmark reports fsyncs per idle tenant from {@link #count()}.
 */
public final class Fsyncs {

    private static final AtomicLong COUNT = new AtomicLong();

    private Fsyncs() {
    }

    /** Forces {@code channel} to the disk, with its metadata if {@code metadata}, and counts it. */
    static void force(FileChannel channel, boolean metadata) throws IOException {
        COUNT.incrementAndGet();
        channel.force(metadata);
    }

    /**
     * The fsyncs made by file stores in this JVM so far.
     *
     * @return the number of fsyncs since the JVM started
     */
    public static long count() {
        return COUNT.get();
    }
}
