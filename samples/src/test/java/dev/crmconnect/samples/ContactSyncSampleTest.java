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
import java.util.Map;
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
        ContactSyncDemo.generateCsv(csv, 300, SEED);
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
        ContactSyncDemo.generateCsv(csv, 50, SEED);
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

        ContactSyncSample.Result result = ContactSyncDemo.run(args, out.stream, false);

        assertTrue(result.complete(), out.text());
        assertEquals(200, result.totalRows());
        assertTrue(Files.exists(dir.resolve("contact-sync").resolve("contacts.csv")));
        assertTrue(out.text().contains("Done: 200 of 200 rows"), out.text());
        assertTrue(out.text().contains("The fake holds " + result.progress().stored() + " contacts, the ones this run"
                + " stored."), out.text());
    }

    @Test
    void aResumedDemoSaysItsFakeHoldsOnlyThisRunsContacts(@TempDir Path dir) {
        SampleArgs first = SampleArgs.parse(new String[] {"--work-dir", dir.toString(), "--rows", "300", "--limit",
                "120", "--records-per-minute", "60000"}, ContactSyncDemo.VALUE_FLAGS, Set.of(), k -> null);
        Output one = new Output();
        ContactSyncSample.Result partial = ContactSyncDemo.run(first, one.stream, false);
        assertTrue(one.text().contains(String.format("The fake holds %d contacts, the ones this run stored.%n",
                partial.progress().stored())), one.text());

        SampleArgs second = SampleArgs.parse(new String[] {"--work-dir", dir.toString(), "--records-per-minute",
                "60000"}, ContactSyncDemo.VALUE_FLAGS, Set.of(), k -> null);
        Output two = new Output();
        ContactSyncSample.Result done = ContactSyncDemo.run(second, two.stream, false);

        assertTrue(done.complete(), two.text());
        int earlier = partial.progress().stored();
        int thisRun = done.storedThisRun();
        assertEquals(done.progress().stored(), earlier + thisRun);
        assertEquals(thisRun, done.contactsStoredThisRun(), "seed 42: no crmId repeated across chunks");
        assertTrue(two.text().contains(String.format("This run: 180 rows at "))
                && two.text().contains(String.format(": %d stored, %d private (never sent), %d failed%n", thisRun,
                        done.progress().skippedPrivate() - partial.progress().skippedPrivate(),
                        done.progress().failed() - partial.progress().failed())), two.text());
        assertTrue(two.text().contains(String.format("Done: 300 of 300 rows (this run and earlier ones): %d stored",
                done.progress().stored())), two.text());
        assertTrue(two.text().contains(String.format("The fake holds %d contacts, the ones this run stored. It starts"
                + " empty on each run, so the %d rows stored by earlier runs are not in it; a real endpoint keeps"
                + " them (%d stored over all runs).", thisRun, earlier, done.progress().stored())), two.text());
    }

    @Test
    void aRowWithALineBreakInAOneLineFieldIsListedAsFailedAndTheSyncGoesOn(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("contacts.csv");
        Files.writeString(csv, "crmId,firstName,lastName,company,jobTitle\n"
                + "c-1,Ada,Lovelace,\"Analytical Engines, Ltd.\",\"Head of \"\"Notes\"\"\"\n"
                + "c-2,Charles,Babbage,\"Difference Engine\nLondon office\",Inventor\n"
                + "c-3,Grace,Hopper,Navy,Rear admiral\n", StandardCharsets.UTF_8);
        try (FakeCrmConnect fake = fake(); CrmConnectClient client = client(fake, RetryPolicy.defaults())) {
            Output out = new Output();

            ContactSyncSample.Result result = ContactSyncSample.sync(client, csv, dir, Integer.MAX_VALUE, false,
                    out.stream, false);

            assertTrue(result.complete(), out.text());
            assertEquals(3, result.totalRows());
            assertEquals(2, result.progress().stored());
            assertEquals(Map.of("contact.currentCompanyName: must not contain control characters", 1),
                    result.failureReasons());
            assertEquals(List.of(Map.of("row", "2", "line", "3", "crmId", "c-2", "status", "0",
                    "reason", "contact.currentCompanyName: must not contain control characters")),
                    ContactCsv.readAll(dir.resolve("failures.csv")));
            assertEquals(Set.of("c-1", "c-3"), fake.state(ORGANIZATION).entities("crmContacts").keySet());
            Map<String, Object> ada = fake.state(ORGANIZATION).entities("crmContacts").get("c-1");
            assertEquals("Analytical Engines, Ltd.", ada.get("currentCompanyName"));
            assertEquals("Head of \"Notes\"", ada.get("currentJobTitle"));
        }
    }

    @Test
    void aMalformedCsvStopsTheSyncBeforeAnythingIsSentNamingTheRow(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("contacts.csv");
        Files.writeString(csv, "crmId,firstName,lastName,company\n"
                + "c-1,Ada,Lovelace,\"Analytical Engines,\nLondon\"\n"
                + "c-2,Charles,Babbage,\"Difference \"Engine\"\n"
                + "c-3,Grace,Hopper,Navy\n", StandardCharsets.UTF_8);
        try (FakeCrmConnect fake = fake(); CrmConnectClient client = client(fake, RetryPolicy.defaults())) {
            Output out = new Output();

            ContactSyncSample.Result result = ContactSyncSample.sync(client, csv, dir, Integer.MAX_VALUE, false,
                    out.stream, false);

            assertFalse(result.complete());
            assertEquals("the CSV is malformed: contacts.csv: row 2 (from line 4): Unexpected character ('E' (code"
                    + " 69)): Expected column separator character (',' (code 44)) or end-of-line", result.stopReason());
            assertTrue(out.text().contains("Stopped before sending anything: " + result.stopReason()), out.text());
            assertEquals(0, fake.journal().stream().filter(e -> e.path().contains("crmContacts")).count(),
                    "a contact was sent");
        }
    }

    @Test
    void rowsNameTheFieldThatIsWrongAndNeverItsValue() {
        ContactCsv.Row row = new ContactCsv.Row(1, 2, Map.of("crmId", "c-1", "firstName", "Ada",
                "createdAt", "yesterday"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, row::toContact);
        assertTrue(e.getMessage().startsWith("csv.createdAt: must be an ISO-8601 instant"), e.getMessage());
        assertFalse(e.getMessage().contains("yesterday"), "the message repeats the value");
    }

    /** The crmIds of rows that make a valid public contact and are not listed as failed. */
    private static Set<String> expectedStored(Path csv, Path failures) throws Exception {
        Set<Integer> failedRows = ContactCsv.readAll(failures).stream().map(f -> Integer.parseInt(f.get("row")))
                .collect(Collectors.toSet());
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
