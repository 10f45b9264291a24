package dev.crmconnect.samples;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A progress bar for a long sync: rows done, percent, records per second, time left and
 * failures. On a terminal it redraws one line; elsewhere (a log, a test) it prints a line at
 * every tenth of the way.
 */
final class ProgressLine {

    private static final int WIDTH = 24;

    private final PrintStream out;
    private final int total;
    private final int startRows;
    private final boolean redraw;
    private final long startNanos = System.nanoTime();
    private int lastTenth = -1;

    /**
     * @param out       where to draw
     * @param total     rows in all
     * @param startRows rows done before this run
     * @param redraw    whether {@code out} is a terminal, where a line can be redrawn
     */
    ProgressLine(PrintStream out, int total, int startRows, boolean redraw) {
        this.out = out;
        this.total = total;
        this.startRows = startRows;
        this.redraw = redraw;
    }

    /** Shows that {@code rowsDone} rows of the total are done, {@code failures} of them failed. */
    void update(int rowsDone, int failures) {
        int tenth = total == 0 ? 10 : (int) (10L * rowsDone / total);
        if (!redraw && tenth == lastTenth) {
            return;
        }
        lastTenth = tenth;
        String line = render(rowsDone, failures);
        if (redraw) {
            out.print("\r" + line);
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** Ends the redrawn line. */
    void finish() {
        if (redraw) {
            out.println();
        }
    }

    /** Records per second in this run so far. */
    double rate(int rowsDone) {
        double seconds = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
        return (rowsDone - startRows) / seconds;
    }

    private String render(int rowsDone, int failures) {
        double fraction = total == 0 ? 1 : (double) rowsDone / total;
        int filled = (int) Math.round(fraction * WIDTH);
        double rate = rate(rowsDone);
        String eta = rate <= 0 ? "--:--" : duration((long) Math.ceil((total - rowsDone) / rate));
        return String.format(Locale.ROOT, "  [%s%s] %,d/%,d rows %3d%%  %,.0f records/s  ETA %s  failures %,d",
                "#".repeat(filled), ".".repeat(WIDTH - filled), rowsDone, total, Math.round(fraction * 100), rate,
                eta, failures);
    }

    private static String duration(long seconds) {
        return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
