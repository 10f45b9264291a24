package dev.crmconnect.benchmarks;

import dev.crmconnect.sdk.CrmConnectClient;
import dev.crmconnect.sdk.Throttle;
import dev.crmconnect.testkit.FakeCrmConnect;
import dev.crmconnect.testkit.FakeTenant;
import dev.crmconnect.testkit.JournalEntry;
import dev.crmconnect.testkit.Quotas;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A sync of N contacts (default 30,000) through {@code contacts().upsert} against the testkit's
 * fake server enforcing the contract's quotas (10,000 records a minute in fixed minute windows of
 * its clock, 100,000 requests a day) with the client's default throttle. Reports, from the fake's
 * request journal, the records accepted in each minute window as a share of the quota, the most
 * accepted in any 60 seconds however placed, and the 429s. The fake's clock follows the system
 * clock: the client's throttle waits in real time, so a clock moved by hand would measure nothing.
 * Takes about 2 minutes by default.
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
                + " (default 30,000 records, about 2 minutes)";
    }

    /**
     * What one sync did against the quota.
     *
     * @param fullWindowShare the mean share of the quota used in full minute windows, or -1 if none
     * @param slidingPeak the most records accepted within any 60 seconds
     * @param tooMany the 429s the fake answered
     */
    private record Outcome(double fullWindowShare, long slidingPeak, long tooMany) {
    }

    @Override
    public void run(Options options, PrintStream out) throws Exception {
        int records = options.getInt("records", DEFAULT_RECORDS);
        Quotas quotas = Quotas.contract();
        Table table = new Table("client throttle", "minute window", "kind", "records accepted", "share of quota",
                "429s");
        out.println("Fake: testkit FakeCrmConnect with the contract's quotas (" + Table.count(quotas.recordsPerMinute())
                + " records/min in fixed minute windows of its clock, " + Table.count(quotas.requestsPerDay())
                + " requests/day). Client: default retry policy; " + CONCURRENCY + " threads each calling upsert"
                + " with 100 contacts; " + Table.count(records) + " records per run.");
        Outcome defaults = sync(out, table, "default " + Throttle.defaults(), Throttle.defaults(), quotas, records);
        table.print(out);
        out.println("quota use = " + share(defaults) + ", most in any 60 s = " + Table.count(defaults.slidingPeak())
                + ", 429s = " + defaults.tooMany());
    }

    private static String share(Outcome outcome) {
        return outcome.fullWindowShare() < 0 ? "no full minute window (use more records)"
                : Table.fixed(100 * outcome.fullWindowShare(), 1) + " % (mean of the full minute windows)";
    }

    private static Outcome sync(PrintStream out, Table table, String name, Throttle throttle, Quotas quotas,
            int records) throws Exception {
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
                     .throttle(throttle)
                     .listener(listener)
                     .build();
             BatchLoop loop = new BatchLoop(CONCURRENCY, "quota-sync")) {
            BatchLoop.Round round = loop.run(records,
                    (from, to) -> SdkCalls.upsert(client, ContactSource.contacts(from, to)));
            if (round.stored() != records) {
                throw new IllegalStateException("the fake stored " + round.stored() + " of " + records + " records");
            }
            Map<Long, long[]> windows = new TreeMap<>(); // minute -> {records accepted, 429s}
            List<long[]> accepted = new ArrayList<>(); // {arrival, records}
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
                    accepted.add(new long[] {at, entry.keys().size()});
                    first = Math.min(first, at);
                    last = Math.max(last, at);
                } else if (entry.status() == 429) {
                    window[1]++;
                }
            }
            long firstWindow = Math.floorDiv(first, MINUTE);
            long lastWindow = Math.floorDiv(last, MINUTE);
            long fullRecords = 0;
            int fullWindows = 0;
            long tooMany = 0;
            for (Map.Entry<Long, long[]> window : windows.entrySet()) {
                long minute = window.getKey();
                boolean full = minute > firstWindow && minute < lastWindow;
                if (full) {
                    fullRecords += window.getValue()[0];
                    fullWindows++;
                }
                tooMany += window.getValue()[1];
                table.row(name, minute - firstWindow + 1, full ? "full" : "partial (first or last)",
                        Table.count(window.getValue()[0]),
                        Table.fixed(100.0 * window.getValue()[0] / quotas.recordsPerMinute(), 1) + " %",
                        window.getValue()[1]);
            }
            out.println(name + ": " + Table.fixed(round.totals().seconds(), 1) + " s; the client saw "
                    + listener.tooManyRequests.sum() + " 429s and " + listener.retries.sum() + " retries; "
                    + listener.throttled.sum() + " attempts waited for its throttle.");
            return new Outcome(fullWindows == 0 ? -1 : (double) fullRecords / fullWindows / quotas.recordsPerMinute(),
                    slidingPeak(accepted), tooMany);
        }
    }

    /** The most records within any 60 seconds; {@code accepted} holds {arrival millis, records}. */
    private static long slidingPeak(List<long[]> accepted) {
        accepted.sort(Comparator.comparingLong(a -> a[0]));
        long peak = 0;
        long inSpan = 0;
        int first = 0;
        for (long[] last : accepted) {
            inSpan += last[1];
            while (accepted.get(first)[0] <= last[0] - MINUTE) {
                inSpan -= accepted.get(first++)[1];
            }
            peak = Math.max(peak, inSpan);
        }
        return peak;
    }
}
