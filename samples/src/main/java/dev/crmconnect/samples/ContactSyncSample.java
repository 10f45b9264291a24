package dev.crmconnect.samples;

import dev.crmconnect.model.Contact;
import dev.crmconnect.sdk.CrmConnectClient;
import dev.crmconnect.sdk.RecordResult;
import dev.crmconnect.sdk.SdkVersion;
import dev.crmconnect.sdk.Throttle;
import dev.crmconnect.sdk.sync.ReconcileOptions;
import dev.crmconnect.sdk.sync.ReconcileResult;
import dev.crmconnect.sdk.sync.Reconciler;
import dev.crmconnect.sdk.sync.SyncLedger;
import dev.crmconnect.sdk.sync.SyncResource;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The contact sync sample: reads a CSV of contacts ({@link ContactCsv}) and reconciles them with
 * LinkedIn through a file {@link SyncLedger}, so that only the new and changed rows are sent: a
 * second run of the same CSV sends nothing, and a CSV with 1% of its rows edited sends those.
 * A progress line shows the rows seen, unchanged, sent, failed and deleted and the time left
 * under the quota; a summary lists the rows that failed and why. An interrupted run loses
 * nothing: the ledger holds what LinkedIn acknowledged, and the next run skips it.
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

    private ContactSyncSample() {
    }

    /**
     * What a run did.
     *
     * @param totalRows      data rows in the CSV (those before the first malformed one, if any)
     * @param rowsRead       rows this run read (all of them unless {@code --limit} stopped it)
     * @param sent           contacts sent and acknowledged: the new and changed ones
     * @param unchanged      contacts skipped because LinkedIn already holds them as they are
     * @param skippedPrivate private contacts, never sent
     * @param failed         rows that failed (listed in the failures file)
     * @param failureReasons failed rows per reason, most frequent first
     * @param stopReason     why the run stopped before the end; null if it did not
     */
    record Result(int totalRows, int rowsRead, long sent, long unchanged, long skippedPrivate, long failed,
                  Map<String, Integer> failureReasons, String stopReason) {

        /** Whether this run read every row of the CSV. */
        boolean complete() {
            return stopReason == null && rowsRead >= totalRows;
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
     * Reconciles the first {@code limit} rows of {@code csv} with what the ledger in
     * {@code directory} says LinkedIn holds, listing failures in {@code directory}. The file is
     * read once first, so a malformed one is reported, naming the row, before anything is sent.
     * With {@code restart}, the ledger is forgotten and every row is sent again.
     */
    static Result sync(CrmConnectClient client, Path csv, Path directory, int limit, boolean restart,
                       PrintStream out, boolean terminal) {
        Path ledgerDirectory = directory.resolve("ledger");
        Path failuresFile = directory.resolve("failures.csv");
        try {
            Files.createDirectories(directory);
            out.println("CSV: " + csv);
            int total;
            try {
                total = ContactCsv.countRows(csv);
            } catch (ContactCsv.MalformedCsvException e) {
                String reason = "the CSV is malformed: " + e.getMessage();
                out.println("Stopped before sending anything: " + reason + ".");
                out.println("Fix the file (a field holding a comma, a quote or a line break must be quoted, its"
                        + " quotes doubled) and run again.");
                return new Result(e.row() - 1, 0, 0, 0, 0, 0, Map.of(), reason);
            }
            if (restart) {
                forgetLedger(ledgerDirectory);
            }
            try (SyncLedger ledger = SyncLedger.file(ledgerDirectory);
                 ContactCsv.Reader reader = new ContactCsv.Reader(csv);
                 ContactCsv.Writer failures = new ContactCsv.Writer(Files.newBufferedWriter(failuresFile,
                         StandardCharsets.UTF_8))) {
                failures.write(List.of("row", "line", "crmId", "status", "reason"));
                int toRead = Math.min(total, limit);
                out.printf(Locale.ROOT, "Rows: %,d%s; the ledger %s says LinkedIn holds %,d contacts%n", total,
                        toRead < total ? String.format(Locale.ROOT, ", this run reads %,d (--limit)", toRead) : "",
                        ledgerDirectory, ledger.entries(client.integrationContext(), SyncResource.CONTACTS));
                Rows rows = new Rows(reader, toRead, failures);
                ProgressLine line = new ProgressLine(out, toRead, terminal);
                ReconcileResult result = Reconciler.of(client, ledger).contacts().reconcile(rows,
                        ReconcileOptions.builder().expectedRecords(Math.max(1, toRead))
                                .onProgress(p -> line.update(p, rows.invalid))
                                .build());
                line.finish();
                for (RecordResult failure : result.failures()) { // LinkedIn's refusals, and repeated crmIds
                    failures.write(List.of("", "", failure.crmId() == null ? "" : failure.crmId(),
                            Integer.toString(failure.status()), failure.message() == null ? "" : failure.message()));
                }
                failures.flush();
                long failed = rows.invalid + result.failed();
                Result done = new Result(total, rows.read, result.sent(), result.unchanged(), result.skippedPrivate(),
                        failed, failureReasons(failuresFile), rows.stopReason);
                out.printf(Locale.ROOT, "%s %,d of %,d rows: %,d sent (new or changed), %,d unchanged (not sent),"
                        + " %,d private (never sent), %,d failed%n", done.complete() ? "Done:" : "Stopped after",
                        done.rowsRead(), total, done.sent(), done.unchanged(), done.skippedPrivate(), failed);
                if (rows.stopReason != null) {
                    out.println("Stopped: " + rows.stopReason + ". Fix the file and run again: the rows sent are"
                            + " kept in the ledger and not sent again.");
                } else if (!done.complete()) {
                    out.println("Run again to sync the rest: the rows sent are not sent again.");
                }
                if (result.failed() > result.failures().size()) {
                    out.printf(Locale.ROOT, "(%,d of LinkedIn's refusals are counted but not listed.)%n",
                            result.failed() - result.failures().size());
                }
                if (!done.failureReasons().isEmpty()) {
                    out.println("Failures by reason (each row in " + failuresFile + "; a failed row is sent again"
                            + " by the next run):");
                    done.failureReasons().forEach((reason, count) ->
                            out.printf(Locale.ROOT, "  %,6d  %s%n", count, reason));
                }
                return done;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The CSV's rows as contacts, read as the reconcile asks for them: a row that makes no valid
     * contact is listed in the failures file and skipped; a malformed record (the file changed
     * since it was counted) ends the input.
     */
    private static final class Rows implements Iterator<Contact> {
        private final ContactCsv.Reader reader;
        private final int limit;
        private final ContactCsv.Writer failures;
        private Contact next;
        int read;
        int invalid;
        String stopReason;

        Rows(ContactCsv.Reader reader, int limit, ContactCsv.Writer failures) {
            this.reader = reader;
            this.limit = limit;
            this.failures = failures;
        }

        @Override
        public boolean hasNext() {
            try {
                while (next == null && read < limit && stopReason == null) {
                    ContactCsv.Row row = reader.next();
                    if (row == null) {
                        return false;
                    }
                    read++;
                    try {
                        next = row.toContact();
                    } catch (IllegalArgumentException e) { // the model's message names the field and the rule
                        invalid++;
                        failures.write(List.of(Integer.toString(row.number()), Integer.toString(row.line()),
                                row.crmId() == null ? "" : row.crmId(), "0", e.getMessage()));
                    }
                }
            } catch (ContactCsv.MalformedCsvException e) {
                stopReason = "the CSV is malformed: " + e.getMessage();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return next != null;
        }

        @Override
        public Contact next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Contact contact = next;
            next = null;
            return contact;
        }
    }

    /** Deletes the ledger's files, so that every row is sent again. */
    private static void forgetLedger(Path ledgerDirectory) throws IOException {
        if (Files.isDirectory(ledgerDirectory)) {
            try (Stream<Path> files = Files.list(ledgerDirectory)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    /** Failed rows per reason, most frequent first. */
    private static Map<String, Integer> failureReasons(Path failuresFile) throws IOException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        ContactCsv.readAll(failuresFile).forEach(failure -> counts.merge(failure.get("reason"), 1, Integer::sum));
        Map<String, Integer> sorted = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /** The flags of this class's {@link #main}. */
    static String usage() {
        return """
                usage: ContactSyncSample --csv FILE [flags]
                  syncs the CSV to the endpoint the CRMCONNECT_* variables or these flags name
                  --csv FILE                   the contacts to sync (required)
                  --limit N                    read at most the first N rows in this run (the next run skips the ones sent)
                  --restart                    forget the ledger and send every row again
                  --records-per-minute N       the client-side throttle (default LinkedIn's 10,000)
                  --work-dir DIR               where the ledger and failures go (default samples/work)
                  --base-url URL               or CRMCONNECT_BASE_URL (default LinkedIn's)
                  --token-url URL              or CRMCONNECT_TOKEN_URL (default LinkedIn's)
                  --client-id ID               or CRMCONNECT_CLIENT_ID
                  --client-secret SECRET       or CRMCONNECT_CLIENT_SECRET (prefer the variable)
                  --integration-context URN    or CRMCONNECT_INTEGRATION_CONTEXT
                  --help""";
    }
}
