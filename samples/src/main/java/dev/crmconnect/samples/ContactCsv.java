package dev.crmconnect.samples;

import dev.crmconnect.model.Address;
import dev.crmconnect.model.Contact;
import dev.crmconnect.model.PhoneNumber;
import dev.crmconnect.model.Visibility;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * A CSV file of contacts, as a CRM might export them: a header line, then one contact per line;
 * fields may be quoted ({@code "Northwind, Inc."}, a quote doubled inside); no line breaks inside
 * a field. Columns: {@code crmId, visibility, firstName, lastName, email, phone, city, region,
 * country, jobTitle, company, linkedInProfileUrl, doNotContact, createdAt, updatedAt}.
 */
final class ContactCsv {

    /** The columns, in the order {@link #generate} writes them; a file may order them as it likes. */
    static final List<String> COLUMNS = List.of("crmId", "visibility", "firstName", "lastName", "email", "phone",
            "city", "region", "country", "jobTitle", "company", "linkedInProfileUrl", "doNotContact", "createdAt",
            "updatedAt");

    private ContactCsv() {
    }

    /**
     * One data line of the file.
     *
     * @param number the row's number among the data rows, from 1 (the header and blank lines are not counted)
     * @param values the values by column name; an empty field is absent
     */
    record Row(int number, Map<String, String> values) {

        /** The row's crmId, or null. */
        String crmId() {
            return values.get("crmId");
        }

        /**
         * The contact this row describes.
         *
         * @throws IllegalArgumentException naming the field and the rule, never the value
         */
        Contact toContact() {
            Contact.Builder contact = Contact.builder()
                    .crmId(values.get("crmId"))
                    .visibility("private".equalsIgnoreCase(values.get("visibility")) ? Visibility.PRIVATE
                            : Visibility.PUBLIC)
                    .firstName(values.get("firstName"))
                    .lastName(values.get("lastName"))
                    .currentJobTitle(values.get("jobTitle"))
                    .currentCompanyName(values.get("company"))
                    .linkedInProfileUrl(values.get("linkedInProfileUrl"))
                    .doNotContact(values.containsKey("doNotContact") ? Boolean.valueOf(values.get("doNotContact")) : null)
                    .crmCreatedAt(instant("createdAt"))
                    .crmLastModifiedAt(instant("updatedAt"));
            if (values.containsKey("email")) {
                contact.emailAddresses(values.get("email"));
            }
            if (values.containsKey("phone")) {
                contact.phoneNumbers(PhoneNumber.builder().number(values.get("phone")).build());
            }
            if (values.containsKey("city") || values.containsKey("region") || values.containsKey("country")) {
                contact.addresses(Address.builder().city(values.get("city")).geographicArea(values.get("region"))
                        .country(values.get("country")).build());
            }
            return contact.build();
        }

        private Instant instant(String column) {
            String value = values.get(column);
            try {
                return value == null ? null : Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("csv." + column + ": must be an ISO-8601 instant such as"
                        + " 2024-05-01T09:30:00Z");
            }
        }
    }

    /** Reads a contact CSV one row at a time; close it when done. */
    static final class Reader implements Closeable {
        private final BufferedReader in;
        private final List<String> header;
        private int number;

        /** Opens {@code file} and reads its header. */
        Reader(Path file) throws IOException {
            this.in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
            String first = in.readLine();
            if (first == null) {
                in.close();
                throw new IOException(file + ": empty; expected a header line naming the columns");
            }
            this.header = split(first.startsWith("\uFEFF") ? first.substring(1) : first, 0);
        }

        /** The next row, or null at the end of the file; blank lines are skipped and not counted. */
        Row next() throws IOException {
            String line;
            do {
                line = in.readLine();
                if (line == null) {
                    return null;
                }
            } while (line.isBlank());
            number++;
            List<String> fields = split(line, number);
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < header.size() && i < fields.size(); i++) {
                String value = fields.get(i).strip();
                if (!value.isEmpty()) {
                    values.put(header.get(i), value);
                }
            }
            return new Row(number, values);
        }

        /** Skips {@code rows} rows (an earlier run synced them). */
        void skip(int rows) throws IOException {
            for (int i = 0; i < rows && next() != null; i++) {
                // only moving on
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** Counts the data rows of {@code file} (non-blank lines after the header). */
    static int countRows(Path file) throws IOException {
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return (int) Math.max(0, lines.filter(line -> !line.isBlank()).count() - 1);
        }
    }

    /** The fields of one line; a quoted field may hold commas and doubled quotes. */
    static List<String> split(String line, int number) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("csv line " + number + ": a quoted field is not closed");
        }
        fields.add(field.toString());
        return fields;
    }

    /** One field as CSV writes it: quoted when it holds a comma or a quote. */
    static String quote(String value) {
        if (value == null) {
            return "";
        }
        return value.contains(",") || value.contains("\"") ? '"' + value.replace("\"", "\"\"") + '"' : value;
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
     * has (no first name, a malformed email, a profile URL without a scheme, a crmId repeated on the
     * next line) so that the sync has failures to report.
     */
    static void generate(Path file, int rows, long seed) throws IOException {
        Random random = new Random(seed);
        Instant now = Instant.parse("2025-06-01T09:00:00Z");
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (BufferedWriter out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            out.write(String.join(",", COLUMNS));
            out.newLine();
            String previousId = null;
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
                if (problem < 0.005) {
                    first = "";
                } else if (problem < 0.010) {
                    email = email.replace("@", " at ");
                } else if (problem < 0.015) {
                    profile = profile.substring("https://".length());
                } else if (problem < 0.020 && previousId != null) {
                    crmId = previousId; // the export repeated a record
                }
                previousId = crmId;
                List<String> values = List.of(crmId, random.nextDouble() < 0.03 ? "private" : "public", first, last,
                        email, phone(random, place[2]), place[0], place[1], place[2],
                        TITLES[random.nextInt(TITLES.length)], COMPANIES[random.nextInt(COMPANIES.length)], profile,
                        Boolean.toString(random.nextDouble() < 0.04), created.toString(), updated.toString());
                out.write(String.join(",", values.stream().map(ContactCsv::quote).toList()));
                out.newLine();
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
}
