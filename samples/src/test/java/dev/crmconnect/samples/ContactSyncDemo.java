package dev.crmconnect.samples;

import dev.crmconnect.sdk.CrmConnectClient;
import dev.crmconnect.sdk.Throttle;
import dev.crmconnect.testkit.FakeCrmConnect;
import dev.crmconnect.testkit.FakeTenant;
import dev.crmconnect.testkit.Quotas;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * The contact sync demo ({@code -Prun-sync}): generates a realistic CSV of contacts when none is
 * given, starts the embedded fake server and runs {@link ContactSyncSample#sync} against it three
 * times: the CSV, the same CSV again (nothing is sent), and a copy with 1% of its rows edited
 * (only those are sent). With endpoint settings it syncs to that endpoint once instead. It is the
 * demo harness, kept in the tests because it needs the testkit; copy {@link ContactSyncSample} and
 * what it uses, not this.
 */
public final class ContactSyncDemo {

    /** The sample's flags, and {@code --rows} for the generated CSV. */
    static final Set<String> VALUE_FLAGS = union(ContactSyncSample.VALUE_FLAGS, "rows");
    private static final String ORGANIZATION = "urn:li:organization:1001";
    private static final long CSV_SEED = 42;
    /** One row in this many is edited for the third run: 1%. */
    static final int EDIT_EVERY = 100;

    private ContactSyncDemo() {
    }

    /**
     * Runs the demo, or the sample against the endpoint the settings name; flags are listed by
     * {@code --help}.
     *
     * @param args command-line flags
     */
    public static void main(String[] args) {
        SampleArgs parsed = SampleArgs.fromMain(args, VALUE_FLAGS, ContactSyncSample.SWITCHES, usage());
        if (parsed == null) {
            return; // --help
        }
        List<ContactSyncSample.Result> results = SampleArgs.exitOnInvalidSetting(
                () -> run(parsed, System.out, System.console() != null));
        if (results.stream().anyMatch(r -> r.stopReason() != null)) {
            System.exit(1);
        }
    }

    /**
     * Runs the demo on {@code args}, printing to {@code out} (redrawing the progress line on a
     * terminal); returns each run's result.
     */
    static List<ContactSyncSample.Result> run(SampleArgs args, PrintStream out, boolean terminal) {
        out.println(ContactSyncSample.title());
        Path directory = args.workDir("contact-sync");
        Path csv = csvFile(args, directory, out);
        Optional<Endpoint> endpoint = Endpoint.from(args);
        if (endpoint.isPresent()) {
            return List.of(ContactSyncSample.run(endpoint.get(), csv, args, out, terminal));
        }
        // The fake enforces LinkedIn's quotas too; a raised --records-per-minute raises both.
        int recordsPerMinute = ContactSyncSample.recordsPerMinute(args);
        try (FakeCrmConnect fake = FakeCrmConnect.builder()
                .tenant(new FakeTenant("sync-client", "sync-secret", ORGANIZATION))
                .quotas(Quotas.of(Math.max(recordsPerMinute, Throttle.DEFAULT_RECORDS_PER_MINUTE),
                        Throttle.DEFAULT_REQUESTS_PER_DAY, Quotas.RetryAfter.SECONDS))
                .start();
             CrmConnectClient client = CrmConnectClient.builder()
                     .baseUrl(fake.baseUrl())
                     .tokenUrl(fake.tokenUrl())
                     .credentials("sync-client", "sync-secret")
                     .integrationContext(ORGANIZATION)
                     .throttle(ContactSyncSample.throttle(args))
                     .build()) {
            out.println("Endpoint: the embedded fake server at " + fake.baseUrl() + " (it starts empty, so the"
                    + " ledger of an earlier demo is forgotten)");
            List<ContactSyncSample.Result> results = new ArrayList<>();
            out.println();
            out.println("1. The CSV:");
            results.add(ContactSyncSample.sync(client, csv, directory, ContactSyncSample.limit(args), true, out,
                    terminal));
            out.println();
            out.println("2. The same CSV again: LinkedIn holds every row as it is, so nothing is sent.");
            results.add(ContactSyncSample.sync(client, csv, directory, Integer.MAX_VALUE, false, out, terminal));
            Path edited = directory.resolve("contacts-edited.csv");
            int editedRows = editCsv(csv, edited);
            out.println();
            out.printf(Locale.ROOT, "3. %s: %,d rows (1%%) with a new job title; only those are sent.%n",
                    edited.getFileName(), editedRows);
            results.add(ContactSyncSample.sync(client, edited, directory, Integer.MAX_VALUE, false, out, terminal));
            out.printf(Locale.ROOT, "The fake holds %,d contacts and received %,d in all.%n",
                    fake.state(ORGANIZATION).count("crmContacts"), fake.journal().stream()
                            .filter(e -> "BATCH_UPDATE".equals(e.restLiMethod())).mapToLong(e -> e.keys().size())
                            .sum());
            return results;
        }
    }

    /**
     * Copies {@code csv} to {@code edited} with one row in {@value #EDIT_EVERY} (rows 1, 101, ...)
     * given a new job title; returns the rows edited.
     */
    static int editCsv(Path csv, Path edited) {
        int count = 0;
        try (ContactCsv.Reader reader = new ContactCsv.Reader(csv);
             ContactCsv.Writer out = new ContactCsv.Writer(Files.newBufferedWriter(edited, StandardCharsets.UTF_8))) {
            out.write(ContactCsv.COLUMNS);
            for (ContactCsv.Row row = reader.next(); row != null; row = reader.next()) {
                Map<String, String> values = new HashMap<>(row.values());
                if (row.number() % EDIT_EVERY == 1) {
                    values.put("jobTitle", "Head of Engineering");
                    count++;
                }
                out.write(ContactCsv.COLUMNS.stream().map(values::get).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + edited, e);
        }
        return count;
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
                generateCsv(csv, rows, CSV_SEED);
                out.printf(Locale.ROOT, "Generated %s: %,d contacts (seed %d)%n", csv, rows, CSV_SEED);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + csv, e);
        }
        return csv;
    }

    private static final String[] FIRST_NAMES = {"Olivia", "Liam", "Emma", "Noah", "Amelia", "Oliver", "Ava", "Elijah",
            "Sophia", "Mateo", "Isabella", "Lucas", "Mia", "Levi", "Charlotte", "Leo", "Aisha", "Kenji", "Priya", "Chen",
            "Fatima", "Ivan", "Zoe", "Omar", "Nia", "Hugo", "Ines", "Tariq", "Freya", "Arjun", "Sakura", "Mohammed",
            "Lena", "Diego", "Hannah", "Kwame", "Elif", "Jonas", "Maya", "Rafael"};
    private static final String[] LAST_NAMES = {"Smith", "Garcia", "Müller", "Rossi", "Nguyen", "Kim", "Okafor",
            "Johansson", "Dubois", "Kowalski", "Silva", "Tanaka", "Patel", "O'Brien", "Novak", "Jensen", "Haddad",
            "Fernández", "Murphy", "Schneider", "Ivanova", "Costa", "Yilmaz", "Mensah", "Lindqvist", "Chen", "Sato",
            "Moreau", "van Dijk", "Rahman"};
    private static final String[][] PLACES = {{"London", "England", "GB"}, {"Manchester", "England", "GB"},
            {"Dublin", "Leinster", "IE"}, {"Berlin", "Berlin", "DE"}, {"Munich", "Bavaria", "DE"},
            {"Paris", "Île-de-France", "FR"}, {"Amsterdam", "North Holland", "NL"}, {"Madrid", "Madrid", "ES"},
            {"Stockholm", "Stockholm", "SE"}, {"Warsaw", "Masovia", "PL"}, {"New York", "NY", "US"},
            {"Austin", "TX", "US"}, {"Toronto", "ON", "CA"}, {"Bengaluru", "Karnataka", "IN"},
            {"Singapore", "Singapore", "SG"}, {"Sydney", "NSW", "AU"}};
    private static final String[] TITLES = {"Software Engineer", "Senior Software Engineer", "Data Scientist",
            "Product Manager", "UX Designer", "Engineering Manager", "DevOps Engineer", "Sales Director",
            "Account Executive", "Marketing Manager", "Financial Analyst", "HR Business Partner", "Recruiter",
            "QA Engineer", "Solutions Architect"};
    private static final String[] COMPANIES = {"Northwind Traders", "Contoso Ltd", "Fabrikam, Inc.", "Adventure Works",
            "Tailspin Toys", "Wide World Importers", "Litware, Inc.", "Proseware", "Blue Yonder Airlines",
            "Woodgrove Bank", "Alpine Ski House", "Coho Winery"};
    private static final String[] EMAIL_DOMAINS = {"example.com", "example.org", "example.net"};

    /**
     * Writes a realistic CSV of {@code rows} contacts to {@code file}, the same for the same seed:
     * about 3% private (never sent), 4% do-not-contact, and about 2% with a problem a real export
     * has (no first name, a malformed email, a profile URL without a scheme, a record repeated on the
     * next line) so that the sync has failures to report.
     */
    static void generateCsv(Path file, int rows, long seed) throws IOException {
        Random random = new Random(seed);
        Instant now = Instant.parse("2025-06-01T09:00:00Z");
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (ContactCsv.Writer out = new ContactCsv.Writer(Files.newBufferedWriter(temporary, StandardCharsets.UTF_8))) {
            out.write(ContactCsv.COLUMNS);
            List<String> previous = null;
            for (int i = 1; i <= rows; i++) {
                String first = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
                String last = LAST_NAMES[random.nextInt(LAST_NAMES.length)];
                String[] place = PLACES[random.nextInt(PLACES.length)];
                String handle = (first + "." + last).toLowerCase(Locale.ROOT).replaceAll("[^a-z.]", "");
                String crmId = String.format(Locale.ROOT, "crm-%06d", i);
                String email = handle + (random.nextInt(90) + 10) + "@" + EMAIL_DOMAINS[random.nextInt(3)];
                String profile = "https://www.linkedin.com/in/" + handle.replace('.', '-') + "-" + (1000 + i);
                Instant created = now.minus(Duration.ofMinutes(random.nextInt(3 * 365 * 24 * 60)));
                Instant updated = created.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 90)));
                double problem = random.nextDouble();
                boolean repeat = false;
                if (problem < 0.005) {
                    first = "";
                } else if (problem < 0.010) {
                    email = email.replace("@", " at ");
                } else if (problem < 0.015) {
                    profile = profile.substring("https://".length());
                } else if (problem < 0.020 && previous != null) {
                    repeat = true; // the export repeated the record above
                }
                List<String> row = List.of(crmId, random.nextDouble() < 0.03 ? "private" : "public", first, last,
                        email, phone(random, place[2]), place[0], place[1], place[2],
                        TITLES[random.nextInt(TITLES.length)], COMPANIES[random.nextInt(COMPANIES.length)], profile,
                        Boolean.toString(random.nextDouble() < 0.04), created.toString(), updated.toString());
                previous = repeat ? previous : row;
                out.write(previous);
            }
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A number from the ranges reserved for fiction and examples, where a country has one. */
    private static String phone(Random random, String country) {
        int n = random.nextInt(1000);
        return switch (country) {
            case "GB" -> String.format(Locale.ROOT, "+44 20 7946 0%03d", n);
            case "US", "CA" -> String.format(Locale.ROOT, "+1 555-01%02d", n % 100);
            case "AU" -> String.format(Locale.ROOT, "+61 2 5550 %04d", n);
            default -> random.nextBoolean() ? "" : String.format(Locale.ROOT, "+1 555-01%02d", n % 100);
        };
    }

    private static Set<String> union(Set<String> flags, String more) {
        Set<String> all = new HashSet<>(flags);
        all.add(more);
        return Set.copyOf(all);
    }

    private static String usage() {
        return """
                usage: ContactSyncDemo [flags]
                  with no endpoint settings: syncs to the embedded fake server; with them, to that endpoint
                  --csv FILE                   the contacts to sync (default: a generated one in the work directory)
                  --rows N                     rows of the generated CSV (default 10,000)
                  --limit N                    the first run reads at most N rows (the second then sends the rest)
                  --restart                    with an endpoint: forget the ledger and send every row again
                  --records-per-minute N       the client-side throttle (default LinkedIn's 10,000)
                  --work-dir DIR               where the CSV, ledger and failures go (default samples/work)
                  --base-url, --token-url, --client-id, --client-secret, --integration-context
                                               a real endpoint, or CRMCONNECT_* variables as for the poller
                  --help""";
    }
}
