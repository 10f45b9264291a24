package dev.crmconnect.samples;

import dev.crmconnect.model.Contact;
import dev.crmconnect.sdk.BatchResult;
import dev.crmconnect.sdk.CrmConnectClient;
import dev.crmconnect.sdk.RecordResult;
import dev.crmconnect.sdk.SdkVersion;
import dev.crmconnect.sdk.Throttle;
import dev.crmconnect.testkit.FakeCrmConnect;
import dev.crmconnect.testkit.FakeTenant;
import dev.crmconnect.testkit.Quotas;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The contact sync sample: reads a CSV of contacts (a realistic one of 10,000 rows is generated
 * when none is given), upserts them through {@code client.contacts().upsert} with a progress bar,
 * and sums up the rows that failed and why. Interrupted, it resumes after the last chunk it
 * finished; a row that fails for its data is listed and skipped, while a batch the server keeps
 * failing stops the run so that the next run sends it again.
 *
 * <p>With no endpoint settings it syncs to the embedded fake server; with the same settings as
 * {@link NoticePollerSample} it syncs to that endpoint.
 */
public final class ContactSyncSample {

    private static final Set<String> VALUE_FLAGS = Set.of("work-dir", "csv", "rows", "limit", "records-per-minute",
            "base-url", "token-url", "client-id", "client-secret", "integration-context");
    private static final Set<String> SWITCHES = Set.of("restart", "help");
    /** Rows per upsert call: the client sends them as batches of 100, four at a time. */
    private static final int CHUNK = 400;
    private static final long CSV_SEED = 42;

    private ContactSyncSample() {
    }

    /**
     * What a run did.
     *
     * @param totalRows      data rows in the CSV
     * @param resumedAtRow   rows done by earlier runs when this one started
     * @param progress       the progress after this run
     * @param failureReasons failed rows per reason, over every run of this CSV
     * @param stopReason     why the run stopped before the end; null if it did not
     */
    record Result(int totalRows, int resumedAtRow, SyncProgress progress, Map<String, Integer> failureReasons,
                  String stopReason) {

        /** Whether every row of the CSV is done. */
        boolean complete() {
            return progress.rowsDone() >= totalRows;
        }
    }

    /**
     * Runs the sample; flags are listed by {@code --help}.
     *
     * @param args command-line flags
     */
    public static void main(String[] args) {
        SampleArgs parsed;
        try {
            parsed = SampleArgs.parse(args, VALUE_FLAGS, SWITCHES, System::getenv);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        }
        if (parsed.has("help")) {
            System.out.println(usage());
            return;
        }
        Result result = run(parsed, System.out, System.console() != null);
        if (result.stopReason() != null) {
            System.exit(1);
        }
    }

    /** Runs the sample on {@code args}, printing to {@code out} (redrawing the progress line on a terminal). */
    static Result run(SampleArgs args, PrintStream out, boolean terminal) {
        Path directory = args.workDir("contact-sync");
        int recordsPerMinute = args.intFlag("records-per-minute", Throttle.DEFAULT_RECORDS_PER_MINUTE,
                Throttle.MIN_RECORDS_PER_MINUTE);
        int limit = args.intFlag("limit", Integer.MAX_VALUE, 1);
        out.println("CRM Connect contact sync sample (crmconnect-java " + SdkVersion.version() + ")");
        Path csv = csvFile(args, directory, out);
        Throttle throttle = Throttle.of(recordsPerMinute, Throttle.DEFAULT_REQUESTS_PER_DAY);

        Optional<Endpoint> endpoint = Endpoint.from(args);
        if (endpoint.isPresent()) {
            out.println("Endpoint: " + endpoint.get().describe());
            try (CrmConnectClient client = endpoint.get().clientBuilder().throttle(throttle).build()) {
                return sync(client, csv, directory, limit, args.has("restart"), out, terminal);
            }
        }
        // The fake enforces LinkedIn's quotas too; a raised --records-per-minute raises both.
        try (FakeCrmConnect fake = FakeCrmConnect.builder()
                .tenant(new FakeTenant("sync-client", "sync-secret", "urn:li:organization:1001"))
                .quotas(Quotas.of(Math.max(recordsPerMinute, Throttle.DEFAULT_RECORDS_PER_MINUTE),
                        Throttle.DEFAULT_REQUESTS_PER_DAY, Quotas.RetryAfter.SECONDS))
                .start();
             CrmConnectClient client = CrmConnectClient.builder()
                     .baseUrl(fake.baseUrl())
                     .tokenUrl(fake.tokenUrl())
                     .credentials("sync-client", "sync-secret")
                     .integrationContext("urn:li:organization:1001")
                     .throttle(throttle)
                     .build()) {
            out.println("Endpoint: the embedded fake server at " + fake.baseUrl()
                    + " (it starts empty on each run)");
            Result result = sync(client, csv, directory, limit, args.has("restart"), out, terminal);
            out.println("The fake now holds " + String.format(Locale.ROOT, "%,d",
                    fake.state("urn:li:organization:1001").count("crmContacts")) + " contacts.");
            return result;
        }
    }

    /** The CSV to sync: {@code --csv}, else the work directory's, generated when absent. */
    private static Path csvFile(SampleArgs args, Path directory, PrintStream out) {
        String given = args.flag("csv", null);
        if (given != null) {
            return Path.of(given).toAbsolutePath();
        }
        Path csv = directory.resolve("contacts.csv");
        int rows = args.intFlag("rows", 10_000, 1);
        try {
            if (!Files.exists(csv) || (args.flag("rows", null) != null && ContactCsv.countRows(csv) != rows)) {
                ContactCsv.generate(csv, rows, CSV_SEED);
                out.printf(Locale.ROOT, "Generated %s: %,d contacts (seed %d)%n", csv, rows, CSV_SEED);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + csv, e);
        }
        return csv;
    }

    /**
     * Syncs the rows of {@code csv} not yet done, at most {@code limit} of them, keeping progress
     * and failures in {@code directory}.
     */
    static Result sync(CrmConnectClient client, Path csv, Path directory, int limit, boolean restart,
                       PrintStream out, boolean terminal) {
        Path progressFile = directory.resolve("progress.properties");
        Path failuresFile = directory.resolve("failures.csv");
        try {
            Files.createDirectories(directory);
            int total = ContactCsv.countRows(csv);
            String fingerprint = SyncProgress.fingerprint(csv);
            SyncProgress progress = SyncProgress.read(progressFile);
            if (progress == null || restart || !fingerprint.equals(progress.csv())) {
                if (progress != null && !restart) {
                    out.println("The progress file is of another CSV (or the CSV changed): starting over.");
                }
                progress = SyncProgress.start(fingerprint);
                Files.writeString(failuresFile, "row,crmId,status,reason\n", StandardCharsets.UTF_8);
                progress.write(progressFile);
            }
            int resumedAt = progress.rowsDone();
            out.printf(Locale.ROOT, "CSV: %s (%,d rows)%n", csv, total);
            out.println("Progress: " + progressFile);
            if (resumedAt >= total) {
                out.println("Already synced: every row is done. Pass --restart to sync them again.");
                return summarize(new Result(total, resumedAt, progress, failureReasons(failuresFile), null),
                        failuresFile, out);
            }
            if (resumedAt > 0) {
                out.printf(Locale.ROOT, "Resuming at row %,d: %,d rows were synced by an earlier run (last crmId %s)%n",
                        resumedAt + 1, resumedAt, progress.lastCrmId());
            }

            ProgressLine line = new ProgressLine(out, total, resumedAt, terminal);
            String stopReason = null;
            try (ContactCsv.Reader reader = new ContactCsv.Reader(csv);
                 BufferedWriter failures = Files.newBufferedWriter(failuresFile, StandardCharsets.UTF_8,
                         StandardOpenOption.APPEND)) {
                reader.skip(resumedAt);
                int doneThisRun = 0;
                while (doneThisRun < limit) {
                    List<ContactCsv.Row> chunk = new ArrayList<>();
                    for (ContactCsv.Row row; chunk.size() < Math.min(CHUNK, limit - doneThisRun)
                            && (row = reader.next()) != null; ) {
                        chunk.add(row);
                    }
                    if (chunk.isEmpty()) {
                        break;
                    }
                    ChunkOutcome outcome = syncChunk(client, chunk, failures);
                    if (outcome.batchFailure != null) {
                        stopReason = "the server failed a whole batch after retries (" + outcome.batchFailure + ")";
                        break;
                    }
                    // Failures first, then progress: after a crash between the two, the chunk is sent
                    // again and its failures listed again, which the summary reads once per row.
                    failures.flush();
                    progress = progress.plus(chunk.size(), outcome.stored, outcome.skipped, outcome.failed,
                            chunk.get(chunk.size() - 1).crmId());
                    progress.write(progressFile);
                    doneThisRun += chunk.size();
                    line.update(progress.rowsDone(), progress.failed());
                }
            }
            line.finish();
            int rowsThisRun = progress.rowsDone() - resumedAt;
            out.printf(Locale.ROOT, "This run: %,d rows at %,.0f records/s%n", rowsThisRun, line.rate(progress.rowsDone()));
            Result result = new Result(total, resumedAt, progress, failureReasons(failuresFile), stopReason);
            if (stopReason != null) {
                out.printf(Locale.ROOT, "Stopped at row %,d: %s. Run again to resume from there.%n",
                        progress.rowsDone() + 1, stopReason);
            } else if (!result.complete()) {
                out.printf(Locale.ROOT, "Stopped after --limit %,d rows. Run again to resume at row %,d.%n", limit,
                        progress.rowsDone() + 1);
            }
            return summarize(result, failuresFile, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How one chunk went: counts, or the failure of a whole batch. */
    private record ChunkOutcome(int stored, int skipped, int failed, String batchFailure) {
    }

    private static ChunkOutcome syncChunk(CrmConnectClient client, List<ContactCsv.Row> chunk, BufferedWriter failures)
            throws IOException {
        List<Contact> contacts = new ArrayList<>();
        List<ContactCsv.Row> sent = new ArrayList<>();
        int failed = 0;
        for (ContactCsv.Row row : chunk) {
            try {
                contacts.add(row.toContact());
                sent.add(row);
            } catch (IllegalArgumentException e) { // the model's message names the field and the rule
                writeFailure(failures, row, 0, e.getMessage());
                failed++;
            }
        }
        BatchResult result = client.contacts().upsert(contacts);
        int stored = 0;
        int skipped = 0;
        for (int i = 0; i < result.results().size(); i++) {
            RecordResult record = result.results().get(i);
            switch (record.outcome()) {
                case STORED -> stored++;
                case SKIPPED_PRIVATE -> skipped++;
                default -> {
                    if (record.batchFailure().isPresent()) {
                        return new ChunkOutcome(0, 0, 0, record.batchFailure().get().getClass().getSimpleName()
                                + ", status " + record.status());
                    }
                    writeFailure(failures, sent.get(i), record.status(), record.message());
                    failed++;
                }
            }
        }
        return new ChunkOutcome(stored, skipped, failed, null);
    }

    private static void writeFailure(BufferedWriter failures, ContactCsv.Row row, int status, String reason)
            throws IOException {
        failures.write(row.number() + "," + ContactCsv.quote(row.crmId()) + "," + status + ","
                + ContactCsv.quote(reason));
        failures.newLine();
    }

    /** Failed rows per reason, each row counted once (its last entry), most frequent first. */
    private static Map<String, Integer> failureReasons(Path failuresFile) throws IOException {
        Map<Integer, String> reasonByRow = new TreeMap<>();
        List<String> lines = Files.readAllLines(failuresFile, StandardCharsets.UTF_8);
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            List<String> fields = ContactCsv.split(line, 0);
            reasonByRow.put(Integer.parseInt(fields.get(0)), fields.get(3));
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        reasonByRow.values().forEach(reason -> counts.merge(reason, 1, Integer::sum));
        Map<String, Integer> sorted = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    private static Result summarize(Result result, Path failuresFile, PrintStream out) {
        SyncProgress p = result.progress();
        out.printf(Locale.ROOT, "%s %,d of %,d rows: %,d stored, %,d private (never sent), %,d failed%n",
                result.complete() ? "Done:" : "So far:", p.rowsDone(), result.totalRows(), p.stored(),
                p.skippedPrivate(), p.failed());
        if (!result.failureReasons().isEmpty()) {
            out.println("Failures by reason (each row in " + failuresFile + "):");
            result.failureReasons().forEach((reason, count) ->
                    out.printf(Locale.ROOT, "  %,6d  %s%n", count, reason));
        }
        return result;
    }

    private static String usage() {
        return """
                usage: ContactSyncSample [flags]
                  with no endpoint settings: syncs to the embedded fake server
                  --csv FILE                   the contacts to sync (default: a generated one in the work directory)
                  --rows N                     rows of the generated CSV (default 10,000)
                  --limit N                    sync at most N rows in this run, then stop (resume with the next run)
                  --restart                    forget the progress and sync the whole CSV again
                  --records-per-minute N       the client-side throttle (default LinkedIn's 10,000)
                  --work-dir DIR               where the CSV, progress and failures go (default samples/work)
                  --base-url, --token-url, --client-id, --client-secret, --integration-context
                                               a real endpoint, or CRMCONNECT_* variables as for the poller
                  --help""";
    }
}
