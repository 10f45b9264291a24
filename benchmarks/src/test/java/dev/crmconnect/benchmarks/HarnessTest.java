package dev.crmconnect.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each scenario on a few hundred records: it runs, and its last line is its headline figure. */
class HarnessTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) throws Exception {
        return Harness.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String lastLine() {
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        return lines.get(lines.size() - 1);
    }

    @Test
    void refusesAnUnknownScenarioOrOption() throws Exception {
        assertEquals(2, run());
        assertEquals(2, run("nope"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage"));
        assertEquals(2, run("poller", "--speed", "3"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown option --speed"));
        assertEquals(2, run("poller", "--records", "-5"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--records must be a positive whole number"));
    }

    @Test
    void syncPrintsTheRatioLast() throws Exception {
        assertEquals(0, run("sync", "--records", "300", "--rounds", "1", "--concurrency", "2"));
        assertTrue(lastLine().matches("ratio sdk/raw = \\d+\\.\\d\\d"), lastLine());
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("| 1     | sdk      | 300 ") && text.contains("| raw      | 300 "), text);
    }

    @Test
    void pagingReadsEveryNoticeAndPrintsTheHeapLast() throws Exception {
        assertEquals(0, run("paging", "--records", "300"));
        assertTrue(lastLine().matches("paging max heap used = [0-9.]+ MiB, max after GC = -?[0-9.]+ MiB, of \\d+ MiB"),
                lastLine());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("read 300 notices"));
    }

    @Test
    void pollerPrintsNoticesPerSecondLast() throws Exception {
        assertEquals(0, run("poller", "--records", "300"));
        assertTrue(lastLine().matches("poller file store = \\d+ notices/s \\(client feed, throttle off; \\d+ notices/s"
                + " with the default throttle\\)"), lastLine());
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("| file ") && text.contains("| client, throttle off ") && text.contains("| 300 "),
                text);
    }

    @Test
    void quotaCountsNo429sWithTheDefaultThrottle() throws Exception {
        assertEquals(0, run("quota", "--records", "300"));
        assertTrue(lastLine().matches("quota use = .*, 429s = 0"), lastLine());
    }

    @Test
    void coldStartRunsAFreshJvmPerSample() throws Exception {
        assertEquals(0, run("coldstart", "--samples", "1"));
        assertTrue(lastLine().matches(
                "coldstart build \\+ first call = \\d+ ms \\(median of 1; hand-written: \\d+ ms\\)"), lastLine());
    }

    @Test
    void tenantsComparesManyClientsWithOneAndCountsFailures() throws Exception {
        assertEquals(0, run("tenants", "--tenants", "20", "--records", "150", "--rounds", "1", "--idle", "100", "--chunk", "50"));
        assertTrue(lastLine().matches("tenants: 20 tenants vs one client: throughput [0-9.]+x, CPU/record [0-9.]+x,"
                + " 0 failed, peak \\d+ SDK threads"), lastLine());
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("| 100 ") && text.contains("| one client ") && text.contains("| 3,000 "), text);
    }

    @Test
    void pollerTenantsMeasuresAnIdleRoundWithAndWithoutLatency() throws Exception {
        assertEquals(0, run("poller-tenants", "--tenants", "30", "--latency-ms", "20", "--latency-tenants", "30"));
        assertTrue(lastLine().matches("poller-tenants idle round at 30 tenants: file store [0-9.]+ s, PostgreSQL"
                + " [0-9.]+ s"), lastLine());
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("| file ") && text.contains("| jdbc, pooled ") && text.contains("| 20 "), text);
    }

    @Test
    void reconcileSendsOnlyTheEditedRecordsAndPrintsTheShareLast() throws Exception {
        assertEquals(0, run("reconcile", "--records", "300"));
        assertTrue(lastLine().matches("reconcile: sent 3 of 300 records \\(1\\.00%\\), -?[0-9.]+ us/unchanged record"),
                lastLine());
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("| first sync (fills the ledger) ") && text.contains("| re-sync, nothing edited "),
                text);
    }
}
