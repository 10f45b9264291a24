package dev.crmconnect.samples;

import dev.crmconnect.model.Contact;
import dev.crmconnect.sdk.BatchResult;
import dev.crmconnect.sdk.CrmConnectClient;
import dev.crmconnect.sdk.RecordResult;
import dev.crmconnect.sdk.SdkVersion;
import dev.crmconnect.sdk.Throttle;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The contact sync sample: reads a CSV of contacts ({@link ContactCsv}), upserts them through
 * {@code client.contacts().upsert} with a progress bar, and sums up the rows that failed and why.
 * Interrupted, it resumes after the last chunk it finished; a row that fails for its data is listed
 * and skipped, while a batch the server keeps failing stops the run so that the next run sends it
 * again.
 *
 * <p>It syncs {@code --csv FILE} to the endpoint that the {@code CRMCONNECT_*} settings (or the
 * matching flags) name, as {@link NoticePollerSample} does. The demo on the embedded fake server,
 * with a generated CSV, is {@code ContactSyncDemo} in the module's tests: this class does not need
 * the testkit.
 */
public final class ContactSyncSample {

    /** The flags that take a value, without their dashes. */
    static final Set<String> VALUE_FLAGS = Set.of("work-dir", "csv", "limit", "records-per-minute", "base-url",
            "token-url", "client-id", "client-secret", "integration-context");
    /** The flags that take none. */
    static final Set<String> SWITCHES = Set.of("restart", "help");
    /** Rows per upsert call: the client sends them as batches of 100, four at a time. */
    private static final int CHUNK = 400;

    private ContactSyncSample() {
    }

    /**
     * What a run did.
     *
     * @param totalRows             data rows in the CSV (those before the first malformed one, if any)
     * @param start                 the progress when the run started: what earlier runs did
     * @param progress              the progress after this run
     * @param contactsStoredThisRun distinct crmIds this run stored (a crmId repeated in a later chunk is
     *                              stored again, replacing the first, and counted once here)
     * @param failureReasons        failed rows per reason, over every run of this CSV
     * @param stopReason            why the run stopped before the end; null if it did not
     */
    record Result(int totalRows, SyncProgress start, SyncProgress progress, int contactsStoredThisRun,
                  Map<String, Integer> failureReasons, String stopReason) {

        /** Whether every row of the CSV is done. */
        boolean complete() {
            return stopReason == null && progress.rowsDone() >= totalRows;
        }

        /** Rows done by earlier runs when this one started. */
        int resumedAtRow() {
            return start.rowsDone();
        }

        /** Rows this run stored. */
        int storedThisRun() {
            return progress.stored() - start.stored();
        }
    }

    /**
     * Runs the sample against the endpoint the settings name; flags are listed by {@code --help}.
     *
     * @param args command-line flags
     */
    public static void main(String[] args) {
        SampleArgs parsed = SampleArgs.fromMain(args, VALUE_FLAGS, SWITCHES, usage());
        if (parsed == null) {
            return; // --help
        }
        Result result = SampleArgs.exitOnInvalidSetting(() -> run(parsed, System.out, System.console() != null));
        if (result.stopReason() != null) {
            System.exit(1);
        }
    }

    /**
     * Syncs {@code --csv} to the endpoint {@code args} name, printing to {@code out} (redrawing the
     * progress line on a terminal).
     *
     * @throws IllegalArgumentException when no endpoint or no {@code --csv} is given
     */
    static Result run(SampleArgs args, PrintStream out, boolean terminal) {
        Endpoint endpoint = Endpoint.require(args);
        String csv = args.flag("csv", null);
        if (csv == null) {
            throw new IllegalArgumentException("--csv FILE is required: the contacts to sync");
        }
        out.println(title());
        return run(endpoint, Path.of(csv).toAbsolutePath(), args, out, terminal);
    }

    /** Syncs {@code csv} to {@code endpoint}, with the throttle, limit and work directory of {@code args}. */
    static Result run(Endpoint endpoint, Path csv, SampleArgs args, PrintStream out, boolean terminal) {
        out.println("Endpoint: " + endpoint.describe());
        try (CrmConnectClient client = endpoint.clientBuilder().throttle(throttle(args)).build()) {
            return sync(client, csv, args.workDir("contact-sync"), limit(args), args.has("restart"), out, terminal);
        }
    }

    /** The first line a run prints. */
    static String title() {
        return "CRM Connect contact sync sample (crmconnect-java " + SdkVersion.version() + ")";
    }

    /** The client-side throttle: {@code --records-per-minute}, else LinkedIn's default quota. */
    static Throttle throttle(SampleArgs args) {
        return Throttle.of(recordsPerMinute(args), Throttle.DEFAULT_REQUESTS_PER_DAY);
    }

    /** {@code --records-per-minute}, else LinkedIn's default quota of 10,000. */
    static int recordsPerMinute(SampleArgs args) {
        return args.intFlag("records-per-minute", Throttle.DEFAULT_RECORDS_PER_MINUTE, Throttle.MIN_RECORDS_PER_MINUTE);
    }

    /** {@code --limit}: rows this run syncs at most. */
    static int limit(SampleArgs args) {
        return args.intFlag("limit", Integer.MAX_VALUE, 1);
    }

    /**
     * Syncs the rows of {@code csv} not yet done, at most {@code limit} of them, keeping progress
     * and failures in {@code directory}. The whole file is read first, so a malformed one is
     * reported, naming the row, before anything is sent.
     */
    static Result sync(CrmConnectClient client, Path csv, Path directory, int limit, boolean restart,
                       PrintStream out, boolean terminal) {
        Path progressFile = directory.resolve("progress.properties");
        Path failuresFile = directory.resolve("failures.csv");
        try {
            Files.createDirectories(directory);
            String fingerprint = SyncProgress.fingerprint(csv);
            int total;
            try {
                total = ContactCsv.countRows(csv);
            } catch (ContactCsv.MalformedCsvException e) {
                String reason = "the CSV is malformed: " + e.getMessage();
                out.println("CSV: " + csv);
                out.println("Stopped before sending anything: " + reason + ".");
                out.println("Fix the file (a field holding a comma, a quote or a line break must be quoted, its"
                        + " quotes doubled) and run again.");
                SyncProgress none = SyncProgress.start(fingerprint);
                return new Result(e.row() - 1, none, none, 0, Map.of(), reason);
            }
            SyncProgress progress = SyncProgress.read(progressFile);
            if (progress == null || restart || !fingerprint.equals(progress.csv())) {
                if (progress != null && !restart) {
                    out.println("The progress file is of another CSV (or the CSV changed): starting over.");
                }
                progress = SyncProgress.start(fingerprint);
                Files.writeString(failuresFile, "row,line,crmId,status,reason\n", StandardCharsets.UTF_8);
                progress.write(progressFile);
            }
            SyncProgress start = progress;
            int resumedAt = progress.rowsDone();
            out.printf(Locale.ROOT, "CSV: %s (%,d rows)%n", csv, total);
            out.println("Progress: " + progressFile);
            if (resumedAt >= total) {
                out.println("Already synced: every row is done. Pass --restart to sync them again.");
                return summarize(new Result(total, start, progress, 0, failureReasons(failuresFile), null),
                        failuresFile, out);
            }
            if (resumedAt > 0) {
                out.printf(Locale.ROOT, "Resuming at row %,d: %,d rows were synced by an earlier run (last crmId %s)%n",
                        resumedAt + 1, resumedAt, progress.lastCrmId());
            }

            ProgressLine line = new ProgressLine(out, total, resumedAt, terminal);
            String stopReason = null;
            boolean malformed = false;
            Set<String> storedIds = new HashSet<>();
            try (ContactCsv.Reader reader = new ContactCsv.Reader(csv);
                 ContactCsv.Writer failures = new ContactCsv.Writer(Files.newBufferedWriter(failuresFile,
                         StandardCharsets.UTF_8, StandardOpenOption.APPEND))) {
                reader.skip(resumedAt);
                int doneThisRun = 0;
                while (doneThisRun < limit && stopReason == null) {
                    List<ContactCsv.Row> chunk = new ArrayList<>();
                    try {
                        for (ContactCsv.Row row; chunk.size() < Math.min(CHUNK, limit - doneThisRun)
                                && (row = reader.next()) != null; ) {
                            chunk.add(row);
                        }
                    } catch (ContactCsv.MalformedCsvException e) { // the file changed since it was counted
                        stopReason = "the CSV is malformed: " + e.getMessage();
                        malformed = true;
                    }
                    if (chunk.isEmpty()) {
                        break;
                    }
                    ChunkOutcome outcome = syncChunk(client, chunk, failures);
                    if (outcome.batchFailure != null) {
                        stopReason = "the server failed a whole batch after retries (" + outcome.batchFailure + ")";
                        malformed = false;
                        break;
                    }
                    // Failures first, then progress: after a crash between the two, the chunk is sent
                    // again and its failures listed again, which the summary reads once per row.
                    failures.flush();
                    progress = progress.plus(chunk.size(), outcome.storedIds.size(), outcome.skipped, outcome.failed,
                            chunk.get(chunk.size() - 1).crmId());
                    progress.write(progressFile);
                    storedIds.addAll(outcome.storedIds);
                    doneThisRun += chunk.size();
                    line.update(progress.rowsDone(), progress.failed());
                }
            }
            line.finish();
            out.printf(Locale.ROOT, "This run: %,d rows at %,.0f records/s: %,d stored, %,d private (never sent),"
                    + " %,d failed%n", progress.rowsDone() - resumedAt, line.rate(progress.rowsDone()),
                    progress.stored() - start.stored(), progress.skippedPrivate() - start.skippedPrivate(),
                    progress.failed() - start.failed());
            Result result = new Result(total, start, progress, storedIds.size(), failureReasons(failuresFile),
                    stopReason);
            if (malformed) {
                out.printf(Locale.ROOT, "Stopped at row %,d: %s. Fix the file and run again.%n",
                        progress.rowsDone() + 1, stopReason);
            } else if (stopReason != null) {
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

    /** How one chunk went: the crmIds stored and counts, or the failure of a whole batch. */
    private record ChunkOutcome(List<String> storedIds, int skipped, int failed, String batchFailure) {
    }

    private static ChunkOutcome syncChunk(CrmConnectClient client, List<ContactCsv.Row> chunk,
                                          ContactCsv.Writer failures) throws IOException {
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
        List<String> stored = new ArrayList<>();
        int skipped = 0;
        for (int i = 0; i < result.results().size(); i++) {
            RecordResult record = result.results().get(i);
            switch (record.outcome()) {
                case STORED -> stored.add(record.crmId());
                case SKIPPED_PRIVATE -> skipped++;
                default -> {
                    if (record.batchFailure().isPresent()) {
                        return new ChunkOutcome(List.of(), 0, 0, record.batchFailure().get().getClass().getSimpleName()
                                + ", status " + record.status());
                    }
                    writeFailure(failures, sent.get(i), record.status(), record.message());
                    failed++;
                }
            }
        }
        return new ChunkOutcome(stored, skipped, failed, null);
    }

    private static void writeFailure(ContactCsv.Writer failures, ContactCsv.Row row, int status, String reason)
            throws IOException {
        failures.write(List.of(Integer.toString(row.number()), Integer.toString(row.line()),
                row.crmId() == null ? "" : row.crmId(), Integer.toString(status), reason == null ? "" : reason));
    }

    /** Failed rows per reason, each row counted once (its last entry), most frequent first. */
    private static Map<String, Integer> failureReasons(Path failuresFile) throws IOException {
        Map<Integer, String> reasonByRow = new TreeMap<>();
        for (Map<String, String> failure : ContactCsv.readAll(failuresFile)) {
            reasonByRow.put(Integer.parseInt(failure.get("row")), failure.get("reason"));
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
        String runs = result.start().rowsDone() == 0 ? ""
                : p.rowsDone() == result.start().rowsDone() ? " (by earlier runs)" : " (this run and earlier ones)";
        out.printf(Locale.ROOT, "%s %,d of %,d rows%s: %,d stored, %,d private (never sent), %,d failed%n",
                result.complete() ? "Done:" : "So far:", p.rowsDone(), result.totalRows(), runs, p.stored(),
                p.skippedPrivate(), p.failed());
        if (!result.failureReasons().isEmpty()) {
            out.println("Failures by reason (each row in " + failuresFile + "):");
            result.failureReasons().forEach((reason, count) ->
                    out.printf(Locale.ROOT, "  %,6d  %s%n", count, reason));
        }
        return result;
    }

    /** The flags of this class's {@link #main}. */
    static String usage() {
        return """
                usage: ContactSyncSample --csv FILE [flags]
                  syncs the CSV to the endpoint the CRMCONNECT_* variables or these flags name
                  --csv FILE                   the contacts to sync (required)
                  --limit N                    sync at most N rows in this run, then stop (resume with the next run)
                  --restart                    forget the progress and sync the whole CSV again
                  --records-per-minute N       the client-side throttle (default LinkedIn's 10,000)
                  --work-dir DIR               where the progress and failures go (default samples/work)
                  --base-url URL               or CRMCONNECT_BASE_URL (default LinkedIn's)
                  --token-url URL              or CRMCONNECT_TOKEN_URL (default LinkedIn's)
                  --client-id ID               or CRMCONNECT_CLIENT_ID
                  --client-secret SECRET       or CRMCONNECT_CLIENT_SECRET (prefer the variable)
                  --integration-context URN    or CRMCONNECT_INTEGRATION_CONTEXT
                  --help""";
    }
}
