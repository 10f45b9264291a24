package dev.crmconnect.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContactCsvTest {

    @Test
    void aQuotedFieldMayHoldALineBreakACommaAndADoubledQuote(@TempDir Path dir) throws IOException {
        Path csv = write(dir, "crmId,firstName,lastName,company,jobTitle\r\n"
                + "c-1,Ada,Lovelace,\"Analytical Engines, Ltd.\nLondon office\",\"Head of \"\"Notes\"\"\"\r\n"
                + "\r\n"
                + "c-2,Charles,Babbage,,Inventor\r\n");

        try (ContactCsv.Reader reader = new ContactCsv.Reader(csv)) {
            ContactCsv.Row first = reader.next();
            assertEquals(1, first.number());
            assertEquals(2, first.line());
            assertEquals("Analytical Engines, Ltd.\nLondon office", first.values().get("company"));
            assertEquals("Head of \"Notes\"", first.values().get("jobTitle"));
            // Read whole, the row then meets the model's rules: a company name is one line.
            IllegalArgumentException invalid = assertThrows(IllegalArgumentException.class, first::toContact);
            assertEquals("contact.currentCompanyName: must not contain control characters", invalid.getMessage());

            ContactCsv.Row second = reader.next();
            assertEquals(2, second.number(), "the blank line is not counted");
            assertEquals(5, second.line(), "the first row spans lines 2 and 3, then a blank line");
            assertEquals("c-2", second.crmId());
            assertFalse(second.values().containsKey("company"), "an empty field is absent");
            assertNull(reader.next());
        }
        assertEquals(2, ContactCsv.countRows(csv));
    }

    @Test
    void aMalformedRowIsAnErrorNamingTheRowAndItsLine(@TempDir Path dir) throws IOException {
        Path unclosed = write(dir, "crmId,firstName\nc-1,Ada\nc-2,\"Charles\nc-3,Grace\n");
        Path textAfterQuote = dir.resolve("after.csv");
        Files.writeString(textAfterQuote, "crmId,firstName\nc-1,Ada\nc-2,Bob\nc-3,\"Gr\"ace\n", StandardCharsets.UTF_8);

        try (ContactCsv.Reader reader = new ContactCsv.Reader(unclosed)) {
            assertEquals("c-1", reader.next().crmId());
            ContactCsv.MalformedCsvException e = assertThrows(ContactCsv.MalformedCsvException.class, reader::next);
            assertEquals(2, e.row());
            assertEquals(3, e.line());
            assertEquals("contacts.csv: row 2 (from line 3): a quoted field is not closed: no closing quote before"
                    + " the end of the file", e.getMessage());
        }
        ContactCsv.MalformedCsvException counted = assertThrows(ContactCsv.MalformedCsvException.class,
                () -> ContactCsv.countRows(textAfterQuote));
        assertEquals(3, counted.row());
        assertTrue(counted.getMessage().startsWith("after.csv: row 3 (from line 4): Unexpected character ('a'"),
                counted.getMessage());
    }

    @Test
    void aByteOrderMarkBeforeTheHeaderIsIgnoredAndColumnsMayComeInAnyOrder(@TempDir Path dir) throws IOException {
        Path csv = write(dir, "\uFEFFfirstName , crmId\n Ada ,c-1\n");

        try (ContactCsv.Reader reader = new ContactCsv.Reader(csv)) {
            assertEquals(Map.of("crmId", "c-1", "firstName", "Ada"), reader.next().values());
        }
    }

    @Test
    void whatTheWriterWritesReadsBackTheSame(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("written.csv");
        List<String> tricky = List.of("c-1", "Fabrikam, Inc.", "say \"hi\"", "two\nlines", "O'Brien");
        try (ContactCsv.Writer out = new ContactCsv.Writer(Files.newBufferedWriter(csv, StandardCharsets.UTF_8))) {
            out.write(List.of("crmId", "company", "jobTitle", "lastName", "firstName"));
            out.write(tricky);
        }

        assertEquals("crmId,company,jobTitle,lastName,firstName\nc-1,\"Fabrikam, Inc.\",\"say \"\"hi\"\"\","
                + "\"two\nlines\",O'Brien\n", Files.readString(csv, StandardCharsets.UTF_8));
        try (ContactCsv.Reader reader = new ContactCsv.Reader(csv)) {
            assertEquals(Map.of("crmId", "c-1", "company", "Fabrikam, Inc.", "jobTitle", "say \"hi\"",
                    "lastName", "two\nlines", "firstName", "O'Brien"), reader.next().values());
        }
    }

    @Test
    void anEmptyFileHasNoHeader(@TempDir Path dir) throws IOException {
        Path csv = write(dir, "");

        IOException e = assertThrows(IOException.class, () -> new ContactCsv.Reader(csv));
        assertTrue(e.getMessage().endsWith("empty; expected a header line naming the columns"), e.getMessage());
    }

    private static Path write(Path dir, String text) throws IOException {
        Path csv = dir.resolve("contacts.csv");
        Files.writeString(csv, text, StandardCharsets.UTF_8);
        return csv;
    }
}
