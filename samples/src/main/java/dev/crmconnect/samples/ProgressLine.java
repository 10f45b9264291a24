package dev.crmconnect.samples;

import dev.crmconnect.sdk.sync.ReconcileProgress;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * A progress bar for a reconcile: rows seen of the total, and of them unchanged, sent, failed and
 * deleted, and the time the rows still to send will take under the quota. On a terminal it
 * redraws one line; elsewhere (a log, a test) it prints a line at every tenth of the way.
 */
final class ProgressLine {

    private static final int WIDTH = 24;

    private final PrintStream out;
    private final int total;
    private final boolean redraw;
    private int lastTenth = -1;
    private String latest;
    private String printed;

    /**
     * @param out    where to draw
     * @param total  rows this run reads
     * @param redraw whether {@code out} is a terminal, where a line can be redrawn
     */
    ProgressLine(PrintStream out, int total, boolean redraw) {
        this.out = out;
        this.total = total;
        this.redraw = redraw;
    }

    /** Shows {@code progress}, with {@code invalidRows} rows that made no contact and were not handed over. */
    void update(ReconcileProgress progress, int invalidRows) {
        long seen = progress.seen() + invalidRows;
        int tenth = total == 0 ? 10 : (int) (10L * seen / total);
        latest = render(progress, seen, progress.failed() + invalidRows);
        if (!redraw && tenth == lastTenth) {
            return;
        }
        lastTenth = tenth;
        print(latest);
    }

    /** Shows the final counts (the last batches are acknowledged after the last row is seen) and ends the line. */
    void finish() {
        if (latest != null && !latest.equals(printed)) {
            print(latest);
        }
        if (redraw) {
            out.println();
        }
    }

    private void print(String line) {
        if (redraw) {
            out.print("\r" + line);
        } else {
            out.println(line);
        }
        printed = line;
        out.flush();
    }

    private String render(ReconcileProgress progress, long seen, long failed) {
        double fraction = total == 0 ? 1 : Math.min(1, (double) seen / total);
        int filled = (int) Math.round(fraction * WIDTH);
        String left = progress.estimatedTimeLeft().map(ProgressLine::duration).orElse("--:--");
        return String.format(Locale.ROOT, "  [%s%s] %,d/%,d rows seen %3d%%  unchanged %,d  sent %,d  failed %,d"
                        + "  deleted %,d  time left %s", "#".repeat(filled), ".".repeat(WIDTH - filled), seen, total,
                Math.round(fraction * 100), progress.unchanged(), progress.sent(), failed, progress.deleted(), left);
    }

    private static String duration(Duration left) {
        long seconds = (left.toMillis() + 999) / 1000;
        return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
