package dev.crmconnect.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    void aSecondRunSendsNothingAndACsvWithOnePercentEditedSendsOnlyThoseRows(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("contacts.csv");
        ContactSyncDemo.generateCsv(csv, 1_000, SEED);
        try (FakeCrmConnect fake = fake(); CrmConnectClient client = client(fake, RetryPolicy.defaults())) {
            Output first = new Output();
            ContactSyncSample.Result all = ContactSyncSample.sync(client, csv, dir, Integer.MAX_VALUE, false,
                    first.stream, false);
            assertTrue(all.complete(), first.text());
            assertTrue(all.failed() > 0, "seed " + SEED + ": the generated CSV has rows that fail");
            Set<String> stored = expectedStored(csv, dir.resolve("failures.csv"));
            assertEquals(stored, fake.state(ORGANIZATION).entities("crmContacts").keySet(), "seed " + SEED);
            assertEquals(stored.size(), all.sent());
            assertTrue(first.text().contains("1,000/1,000 rows seen 100%"), first.text());
            assertTrue(first.text().contains(String.format("Done: 1,000 of 1,000 rows: %,d sent (new or changed), 0"
                    + " unchanged", all.sent())), first.text());

            Output second = new Output();
            ContactSyncSample.Result again = ContactSyncSample.sync(client, csv, dir, Integer.MAX_VALUE, false,
                    second.stream, false);
            assertEquals(0, again.sent(), second.text());
            assertEquals(all.sent(), again.unchanged());
            assertTrue(second.text().contains(String.format("the ledger %s says LinkedIn holds %,d contacts",
                    dir.resolve("ledger"), all.sent())), second.text());
            assertTrue(second.text().contains("  time left "), second.text());
            assertEquals(all.sent(), recordsReceived(fake), "the second run sent nothing");

            Path edited = dir.resolve("contacts-edited.csv");
            assertEquals(10, ContactSyncDemo.editCsv(csv, edited));
            Set<String> editedStored = editedStoredRows(edited, stored);
            ContactSyncSample.Result third = ContactSyncSample.sync(client, edited, dir, Integer.MAX_VALUE, false,
                    new Output().stream, false);
            assertEquals(editedStored.size(), third.sent(), "only the edited rows LinkedIn holds are sent");
            assertEquals(all.sent() - editedStored.size(), third.unchanged());
            assertEquals(all.sent() + editedStored.size(), recordsReceived(fake));
            for (String crmId : editedStored) {
                assertEquals("Head of Engineering",
                        fake.state(ORGANIZATION).entities("crmContacts").get(crmId).get("currentJobTitle"));
            }
        }
    }

    @Test
    void aLimitedRunIsFinishedByTheNextWhichSkipsTheRowsSent(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("contacts.csv");
        ContactSyncDemo.generateCsv(csv, 300, SEED);
        try (FakeCrmConnect fake = fake(); CrmConnectClient client = client(fake, RetryPolicy.defaults())) {
            Output first = new Output();
            ContactSyncSample.Result partial = ContactSyncSample.sync(client, csv, dir, 120, false, first.stream, false);
            assertFalse(partial.complete(), first.text());
            assertEquals(120, partial.rowsRead());
            assertTrue(first.text().contains("Run again to sync the rest"), first.text());

            ContactSyncSample.Result done = ContactSyncSample.sync(client, csv, dir, Integer.MAX_VALUE, false,
                    new Output().stream, false);
            assertTrue(done.complete());
            assertEquals(partial.sent(), done.unchanged());
            assertEquals(expectedStored(csv, dir.resolve("failures.csv")),
                    fake.state(ORGANIZATION).entities("crmContacts").keySet(), "seed " + SEED);
            assertEquals(done.sent() + done.unchanged(), recordsReceived(fake), "no row was sent twice");
        }
    }

    @Test
    void theRecordsOfAFailedBatchAreSentByTheNextRun(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("contacts.csv");
        ContactSyncDemo.generateCsv(csv, 50, SEED);
        try (FakeCrmConnect fake = fake(); CrmConnectClient client = client(fake, RetryPolicy.none())) {
            fake.failNext("/crmContacts", 1, 503);
            Output first = new Output();
            ContactSyncSample.Result failed = ContactSyncSample.sync(client, csv, dir, Integer.MAX_VALUE, false,
                    first.stream, false);
            assertEquals(0, failed.sent(), first.text());
            assertTrue(failed.failed() > 0, first.text());
            assertEquals(0, fake.state(ORGANIZATION).count("crmContacts"));

            ContactSyncSample.Result done = ContactSyncSample.sync(client, csv, dir, Integer.MAX_VALUE, false,
                    new Output().stream, false);
            assertEquals(0, done.unchanged());
            assertEquals(done.sent(), fake.state(ORGANIZATION).count("crmContacts"));
            assertTrue(done.sent() > 0);
        }
    }

    @Test
    void theDemoSyncsTheCsvThenSendsNothingThenOnlyTheEditedRows(@TempDir Path dir) {
        SampleArgs args = SampleArgs.parse(new String[] {"--work-dir", dir.toString(), "--rows", "500",
                "--records-per-minute", "60000"}, ContactSyncDemo.VALUE_FLAGS, Set.of(), k -> null);
        Output out = new Output();

        List<ContactSyncSample.Result> runs = ContactSyncDemo.run(args, out.stream, false);

        assertEquals(3, runs.size(), out.text());
        assertTrue(runs.get(0).complete(), out.text());
        assertTrue(Files.exists(dir.resolve("contact-sync").resolve("contacts.csv")));
        assertEquals(0, runs.get(1).sent(), out.text());
        assertTrue(runs.get(2).sent() > 0 && runs.get(2).sent() <= 5, out.text());
        assertEquals(runs.get(0).sent(), runs.get(2).unchanged() + runs.get(2).sent());
        assertTrue(out.text().contains(String.format("The fake holds %,d contacts and received %,d in all.",
                runs.get(0).sent(), runs.get(0).sent() + runs.get(2).sent())), out.text());
    }

    /** The records the fake received in BATCH_UPDATEs of contacts. */
    private static long recordsReceived(FakeCrmConnect fake) {
        return fake.journal().stream().filter(e -> "BATCH_UPDATE".equals(e.restLiMethod()))
                .mapToLong(e -> e.keys().size()).sum();
    }

    /** The crmIds of the edited rows (rows 1, 101, ...) that LinkedIn holds, once each. */
    private static Set<String> editedStoredRows(Path edited, Set<String> stored) throws Exception {
        Set<String> crmIds = new HashSet<>();
        Set<String> seen = new HashSet<>();
        try (ContactCsv.Reader reader = new ContactCsv.Reader(edited)) {
            for (ContactCsv.Row row = reader.next(); row != null; row = reader.next()) {
                boolean first = seen.add(String.valueOf(row.crmId())); // a repeated crmId is refused, not sent
                if (first && row.number() % ContactSyncDemo.EDIT_EVERY == 1 && stored.contains(row.crmId())) {
                    crmIds.add(row.crmId());
                }
            }
        }
        return crmIds;
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
            assertEquals(2, result.sent());
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

    /** The crmIds of rows that make a valid public contact (rows listed as invalid by number are not). */
    private static Set<String> expectedStored(Path csv, Path failures) throws Exception {
        Set<Integer> failedRows = ContactCsv.readAll(failures).stream().filter(f -> !f.get("row").isEmpty())
                .map(f -> Integer.parseInt(f.get("row"))).collect(Collectors.toSet());
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
