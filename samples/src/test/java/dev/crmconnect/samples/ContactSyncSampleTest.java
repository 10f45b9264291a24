package dev.crmconnect.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmconnect.model.Contact;
import dev.crmconnect.model.Visibility;
import dev.crmconnect.sdk.CrmConnectClient;
import dev.crmconnect.sdk.RetryPolicy;
import dev.crmconnect.testkit.FakeCrmConnect;
import dev.crmconnect.testkit.FakeTenant;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContactSyncSampleTest {

    private static final String ORGANIZATION = "urn:li:organization:1001";
    private static final long SEED = 7;

    private static FakeCrmConnect fake() {
        return FakeCrmConnect.builder().tenant(new FakeTenant("sync", "secret", ORGANIZATION)).start();
    }

    private static CrmConnectClient client(FakeCrmConnect fake, RetryPolicy retry) {
        return CrmConnectClient.builder().baseUrl(fake.baseUrl()).tokenUrl(fake.tokenUrl())
                .credentials("sync", "secret").integrationContext(ORGANIZATION).retryPolicy(retry).build();
    }

    @Test
    void anInterruptedSyncResumesAndEveryValidPublicRowEndsUpStored(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("contacts.csv");
        ContactCsv.generate(csv, 300, SEED);
        try (FakeCrmConnect fake = fake(); CrmConnectClient client = client(fake, RetryPolicy.defaults())) {
            Output first = new Output();
            ContactSyncSample.Result partial = ContactSyncSample.sync(client, csv, dir, 120, false, first.stream, false);

            assertFalse(partial.complete(), first.text());
            assertEquals(120, partial.progress().rowsDone());
            assertTrue(first.text().contains("Run again to resume at row 121"), first.text());

            Output second = new Output();
            ContactSyncSample.Result done = ContactSyncSample.sync(client, csv, dir, Integer.MAX_VALUE, false,
                    second.stream, false);

            assertTrue(done.complete(), second.text());
            assertEquals(120, done.resumedAtRow());
            assertTrue(second.text().contains("Resuming at row 121"), second.text());
            assertTrue(second.text().contains("300/300 rows 100%"), second.text());
            assertEquals(300, done.progress().stored() + done.progress().skippedPrivate() + done.progress().failed());
            assertTrue(done.progress().failed() > 0, "seed " + SEED + ": the generated CSV has rows that fail");
            assertEquals(done.progress().failed(), done.failureReasons().values().stream().mapToInt(i -> i).sum());
            assertEquals(expectedStored(csv, dir.resolve("failures.csv")),
                    fake.state(ORGANIZATION).entities("crmContacts").keySet(), "seed " + SEED);

            Output third = new Output();
            ContactSyncSample.Result again = ContactSyncSample.sync(client, csv, dir, Integer.MAX_VALUE, false,
                    third.stream, false);
            assertTrue(third.text().contains("Already synced"), third.text());
            assertEquals(done.progress(), again.progress());
        }
    }

    @Test
    void aBatchTheServerKeepsFailingStopsTheRunAndTheNextRunSendsItAgain(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("contacts.csv");
        ContactCsv.generate(csv, 50, SEED);
        try (FakeCrmConnect fake = fake(); CrmConnectClient client = client(fake, RetryPolicy.none())) {
            fake.failNext("/crmContacts", 1, 503);
            Output first = new Output();
            ContactSyncSample.Result stopped = ContactSyncSample.sync(client, csv, dir, Integer.MAX_VALUE, false,
                    first.stream, false);

            assertNotNull(stopped.stopReason(), first.text());
            assertEquals(0, stopped.progress().rowsDone(), "the failed chunk is not counted as done");
            assertTrue(first.text().contains("Stopped at row 1: the server failed a whole batch"), first.text());

            ContactSyncSample.Result done = ContactSyncSample.sync(client, csv, dir, Integer.MAX_VALUE, false,
                    new Output().stream, false);
            assertNull(done.stopReason());
            assertTrue(done.complete());
            assertEquals(done.progress().stored(), fake.state(ORGANIZATION).count("crmContacts"));
        }
    }

    @Test
    void theDemoGeneratesACsvAndSyncsItToTheFake(@TempDir Path dir) {
        SampleArgs args = SampleArgs.parse(new String[] {"--work-dir", dir.toString(), "--rows", "200"},
                Set.of("work-dir", "rows"), Set.of(), k -> null);
        Output out = new Output();

        ContactSyncSample.Result result = ContactSyncSample.run(args, out.stream, false);

        assertTrue(result.complete(), out.text());
        assertEquals(200, result.totalRows());
        assertTrue(Files.exists(dir.resolve("contact-sync").resolve("contacts.csv")));
        assertTrue(out.text().contains("Done: 200 of 200 rows"), out.text());
        assertTrue(out.text().contains("The fake now holds"), out.text());
    }

    @Test
    void csvFieldsMayBeQuotedAndRowsNameTheFieldThatIsWrong() {
        assertEquals(List.of("a", "Fabrikam, Inc.", "say \"hi\"", ""),
                ContactCsv.split("a,\"Fabrikam, Inc.\",\"say \"\"hi\"\"\",", 1));
        assertThrows(IllegalArgumentException.class, () -> ContactCsv.split("\"open", 1));

        ContactCsv.Row row = new ContactCsv.Row(1, java.util.Map.of("crmId", "c-1", "firstName", "Ada",
                "createdAt", "yesterday"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, row::toContact);
        assertTrue(e.getMessage().startsWith("csv.createdAt: must be an ISO-8601 instant"), e.getMessage());
        assertFalse(e.getMessage().contains("yesterday"), "the message repeats the value");
    }

    /** The crmIds of rows that make a valid public contact and are not listed as failed. */
    private static Set<String> expectedStored(Path csv, Path failures) throws Exception {
        Set<Integer> failedRows = Files.readAllLines(failures, StandardCharsets.UTF_8).stream().skip(1)
                .map(line -> Integer.parseInt(line.substring(0, line.indexOf(',')))).collect(Collectors.toSet());
        Set<String> expected = new HashSet<>();
        try (ContactCsv.Reader reader = new ContactCsv.Reader(csv)) {
            for (ContactCsv.Row row = reader.next(); row != null; row = reader.next()) {
                if (failedRows.contains(row.number())) {
                    continue;
                }
                Contact contact = row.toContact(); // not listed as failed, so it must be valid
                if (contact.visibility() == Visibility.PUBLIC) {
                    expected.add(contact.crmId());
                }
            }
        }
        return expected;
    }
}
