package dev.crmconnect.benchmarks;

import dev.crmconnect.sdk.CrmConnectClient;
import dev.crmconnect.sdk.Throttle;
import dev.crmconnect.testkit.FakeCrmConnect;
import dev.crmconnect.testkit.FakeTenant;
import dev.crmconnect.testkit.JournalEntry;
import dev.crmconnect.testkit.Quotas;
import java.io.PrintStream;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A sync of N contacts (default 30,000: about three minutes) through {@code contacts().upsert}
 * with the client's default throttle, against the testkit's fake server enforcing the contract's
 * quota of 10,000 records per minute in fixed minute windows of its clock. Reports, from the
 * fake's request journal, the records accepted in each minute window as a share of the quota, and
 * the 429s. The fake's clock follows the system clock here: the client's throttle waits in real
 * time, so a simulated clock moved by hand would measure nothing.
 */
final class QuotaScenario implements Scenario {

    private static final int DEFAULT_RECORDS = 30_000;
    private static final int CONCURRENCY = 4;
    private static final long MINUTE = 60_000;

    @Override
    public Set<String> options() {
        return Set.of("records");
    }

    @Override
    public String description() {
        return "share of the 10,000 records/minute quota a sync uses against the fake server, and its 429s"
                + " (default 30,000 records, about 3 minutes)";
    }

    @Override
    public String unavailableBecause() {
        return SdkCalls.unavailableBecause();
    }

    @Override
    public void run(Options options, PrintStream out) throws Exception {
        int records = options.getInt("records", DEFAULT_RECORDS);
        Quotas quotas = Quotas.contract();
        CountingListener listener = new CountingListener();
        try (FakeCrmConnect fake = FakeCrmConnect.builder()
                .tenant(new FakeTenant(SyncScenario.CLIENT_ID, SyncScenario.CLIENT_SECRET, SyncScenario.ORGANIZATION))
                .quotas(quotas)
                .start();
             CrmConnectClient client = CrmConnectClient.builder()
                     .baseUrl(fake.baseUrl())
                     .tokenUrl(fake.tokenUrl())
                     .credentials(SyncScenario.CLIENT_ID, SyncScenario.CLIENT_SECRET)
                     .integrationContext(SyncScenario.ORGANIZATION)
                     .throttle(Throttle.defaults())
                     .listener(listener)
                     .build();
             BatchLoop loop = new BatchLoop(CONCURRENCY, "quota-sync")) {
            BatchLoop.Round round = loop.run(records,
                    (from, to) -> SdkCalls.upsert(client, ContactSource.contacts(from, to)));
            if (round.stored() != records) {
                throw new IllegalStateException("the fake stored " + round.stored() + " of " + records + " records");
            }
            Map<Long, long[]> windows = new TreeMap<>(); // minute -> {records accepted, 429s}
            long first = Long.MAX_VALUE;
            long last = Long.MIN_VALUE;
            for (JournalEntry entry : fake.journal()) {
                if (!entry.path().endsWith("/crmContacts")) {
                    continue;
                }
                long at = entry.at().toEpochMilli();
                long[] window = windows.computeIfAbsent(Math.floorDiv(at, MINUTE), k -> new long[2]);
                if (entry.status() == 200) {
                    window[0] += entry.keys().size();
                    first = Math.min(first, at);
                    last = Math.max(last, at);
                } else if (entry.status() == 429) {
                    window[1]++;
                }
            }
            long tooMany = windows.values().stream().mapToLong(w -> w[1]).sum();
            Table table = new Table("minute window", "kind", "records accepted", "share of quota", "429s");
            long fullRecords = 0;
            int fullWindows = 0;
            long firstWindow = Math.floorDiv(first, MINUTE);
            long lastWindow = Math.floorDiv(last, MINUTE);
            for (Map.Entry<Long, long[]> window : windows.entrySet()) {
                long minute = window.getKey();
                boolean full = minute > firstWindow && minute < lastWindow;
                if (full) {
                    fullRecords += window.getValue()[0];
                    fullWindows++;
                }
                table.row(minute - firstWindow + 1, full ? "full" : "partial (first or last)",
                        Table.count(window.getValue()[0]),
                        Table.fixed(100.0 * window.getValue()[0] / quotas.recordsPerMinute(), 1) + " %",
                        window.getValue()[1]);
            }
            double overall = records / ((last - first) / (double) MINUTE) / quotas.recordsPerMinute();
            out.println("Fake: testkit FakeCrmConnect, contract quotas (" + Table.count(quotas.recordsPerMinute())
                    + " records/min in fixed windows of its clock, " + Table.count(quotas.requestsPerDay())
                    + " requests/day); client: default throttle " + Throttle.defaults() + ", default retry policy; "
                    + CONCURRENCY + " threads, 100-record batches. Client saw " + listener.tooManyRequests.sum()
                    + " 429s and " + listener.retries.sum() + " retries; " + listener.throttled.sum()
                    + " attempts waited for the throttle.");
            table.print(out);
            out.println("first to last accepted batch: " + Table.fixed((last - first) / 1000.0, 1) + " s, "
                    + Table.fixed(100 * overall, 1) + " % of the quota on average over that span");
            out.println("quota use = " + (fullWindows == 0 ? "no full minute window (use more records)"
                    : Table.fixed(100.0 * fullRecords / fullWindows / quotas.recordsPerMinute(), 1)
                    + " % (mean of " + fullWindows + " full minute windows)") + ", 429s = " + tooMany);
        }
    }
}
