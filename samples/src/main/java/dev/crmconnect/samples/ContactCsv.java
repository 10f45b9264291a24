package dev.crmconnect.samples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.crmconnect.model.Address;
import dev.crmconnect.model.Contact;
import dev.crmconnect.model.PhoneNumber;
import dev.crmconnect.model.Visibility;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A CSV file of contacts, as a CRM exports them (RFC 4180): a header line naming the columns, then
 * one contact per record. A field may be quoted, and a quoted field may hold commas, line breaks
 * and quotes (doubled: {@code "say ""hi"""}). Read and written with Jackson's CSV module
 * ({@code jackson-dataformat-csv}). Columns, in any order: {@code crmId, visibility, firstName,
 * lastName, email, phone, city, region, country, jobTitle, company, linkedInProfileUrl,
 * doNotContact, createdAt, updatedAt}; an unknown column is ignored.
 */
final class ContactCsv {

    /** The columns this sample reads, in the order a generated file has them. */
    static final List<String> COLUMNS = List.of("crmId", "visibility", "firstName", "lastName", "email", "phone",
            "city", "region", "country", "jobTitle", "company", "linkedInProfileUrl", "doNotContact", "createdAt",
            "updatedAt");

    /** Each record an array of its fields, whatever their number; blank lines skipped; quoting only where needed. */
    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();

    private ContactCsv() {
    }

    /**
     * One data record of the file.
     *
     * @param number the record's number among the data rows, from 1 (the header and blank lines are not counted)
     * @param line   the line of the file the record starts on, from 1 (a quoted field may span several lines)
     * @param values the values by column name, stripped of surrounding spaces; an empty field is absent
     */
    record Row(int number, int line, Map<String, String> values) {

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

    /**
     * A file that is not well-formed CSV (a quoted field never closed, text after a closing quote):
     * where records begin and end cannot be told from there on, so reading stops.
     */
    static final class MalformedCsvException extends IOException {
        private static final long serialVersionUID = 1L;

        private final int row;
        private final int line;

        MalformedCsvException(Path file, int row, int line, String reason) {
            super(file.getFileName() + ": " + (row == 0 ? "the header" : "row " + row) + " (from line " + line + "): "
                    + reason);
            this.row = row;
            this.line = line;
        }

        /** The data row that cannot be read, counted as {@link Row#number()} counts; 0 for the header. */
        int row() {
            return row;
        }

        /** The line of the file the row starts on. */
        int line() {
            return line;
        }
    }

    /** Reads a contact CSV one row at a time; close it when done. */
    static final class Reader implements Closeable {
        private final Path file;
        private final MappingIterator<String[]> records;
        private final List<String> header;
        private boolean headerRead;
        private int number;
        private int line;

        /**
         * Opens {@code file} and reads its header.
         *
         * @throws MalformedCsvException when the header cannot be read
         */
        Reader(Path file) throws IOException {
            this.file = file;
            this.records = MAPPER.readerFor(String[].class).readValues(Files.newBufferedReader(file,
                    StandardCharsets.UTF_8));
            try {
                String[] first = nextRecord();
                if (first == null) {
                    throw new IOException(file + ": empty; expected a header line naming the columns");
                }
                List<String> names = new ArrayList<>();
                for (String name : first) {
                    names.add(name.strip());
                }
                if (!names.isEmpty() && names.get(0).startsWith("\uFEFF")) { // a byte order mark, as Excel writes
                    names.set(0, names.get(0).substring(1));
                }
                this.header = List.copyOf(names);
                this.headerRead = true;
            } catch (IOException | RuntimeException e) {
                records.close();
                throw e;
            }
        }

        /**
         * The next row, or null at the end of the file; blank lines are skipped and not counted.
         *
         * @throws MalformedCsvException naming the row and the line it starts on
         */
        Row next() throws IOException {
            String[] fields = nextRecord();
            if (fields == null) {
                return null;
            }
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < header.size() && i < fields.length; i++) {
                String value = fields[i] == null ? "" : fields[i].strip();
                if (!value.isEmpty()) {
                    values.put(header.get(i), value);
                }
            }
            return new Row(number, line, values);
        }

        private String[] nextRecord() throws IOException {
            // After a record the parser stands at the start of the next one, blank lines skipped.
            int start = Math.max(1, records.getParser().currentLocation().getLineNr());
            try {
                if (!records.hasNextValue()) {
                    return null;
                }
                String[] fields = records.nextValue();
                if (headerRead) {
                    number++;
                    line = start;
                }
                return fields;
            } catch (JsonProcessingException e) {
                throw new MalformedCsvException(file, headerRead ? number + 1 : 0, start, reason(e));
            }
        }

        /** Skips {@code rows} rows (an earlier run synced them). */
        void skip(int rows) throws IOException {
            for (int i = 0; i < rows && next() != null; i++) {
                // only moving on
            }
        }

        @Override
        public void close() throws IOException {
            records.close();
        }
    }

    private static String reason(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message != null && message.startsWith("Missing closing quote")) {
            return "a quoted field is not closed: no closing quote before the end of the file";
        }
        return message;
    }

    /**
     * Counts the data rows of {@code file} (records after the header, blank lines not counted),
     * reading every one, so a malformed file is found before anything is sent.
     *
     * @throws MalformedCsvException naming the first row that cannot be read
     */
    static int countRows(Path file) throws IOException {
        try (Reader reader = new Reader(file)) {
            int rows = 0;
            while (reader.next() != null) {
                rows++;
            }
            return rows;
        }
    }

    /** Writes CSV records, each field quoted only where CSV needs it (a comma, a quote, a line break). */
    static final class Writer implements Closeable, Flushable {
        private final SequenceWriter records;

        /** Writes to {@code out}, which {@link #close()} closes. */
        Writer(java.io.Writer out) throws IOException {
            this.records = MAPPER.writerFor(String[].class).writeValues(out);
        }

        /** Writes one record; a null value is written as an empty field. */
        void write(List<String> values) throws IOException {
            records.write(values.stream().map(v -> v == null ? "" : v).toArray(String[]::new));
        }

        @Override
        public void flush() throws IOException {
            records.flush();
        }

        @Override
        public void close() throws IOException {
            records.close();
        }
    }

    /**
     * Reads a small CSV file whole, by column name: each record a map of the header's names to
     * the record's fields (an empty string when the record is short).
     */
    static List<Map<String, String>> readAll(Path file) throws IOException {
        List<Map<String, String>> all = new ArrayList<>();
        try (MappingIterator<String[]> records = MAPPER.readerFor(String[].class)
                .readValues(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            String[] header = records.hasNextValue() ? records.nextValue() : new String[0];
            while (records.hasNextValue()) {
                String[] fields = records.nextValue();
                Map<String, String> record = new HashMap<>();
                for (int i = 0; i < header.length; i++) {
                    record.put(header[i], i < fields.length ? fields[i] : "");
                }
                all.add(record);
            }
        }
        return all;
    }
}
