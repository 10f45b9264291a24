package dev.crmconnect.benchmarks.sink;

import dev.crmconnect.testsupport.ExitWithParent;
import java.io.IOException;
import java.io.InputStream;

/**
 * Runs a {@link SinkServer} in its own JVM, so that the CPU time and allocations the harness
 * measures are the client's alone. Arguments: {@code <notices> <firstPublishedAt> <spacingMillis>
 * <threads> [<feedLatencyMillis>]}. Prints {@code port=<port>} once listening, and stops when its standard input closes
 * (that is, when the harness that started it ends) or when the harness's process is gone.
 */
public final class SinkMain {

    private SinkMain() {
    }

    /** Starts the sink; see the class documentation for the arguments. */
    public static void main(String[] args) throws IOException {
        ExitWithParent.watchParent();
        NoticeFeedModel notices = new NoticeFeedModel(Long.parseLong(args[0]), Long.parseLong(args[1]),
                Long.parseLong(args[2]));
        long latency = args.length > 4 ? Long.parseLong(args[4]) : 0;
        try (SinkServer sink = SinkServer.start(notices, Integer.parseInt(args[3]), latency)) {
            System.out.println("port=" + sink.port());
            System.out.flush();
            InputStream in = System.in;
            while (in.read() >= 0) {
                // Wait for the parent to close our standard input.
            }
        }
    }
}
