package dev.crmconnect.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmconnect.sdk.poller.AuditRecord;
import dev.crmconnect.sdk.poller.Decision;
import dev.crmconnect.sdk.poller.PollSummary;
import dev.crmconnect.sdk.poller.RetentionReason;
import dev.crmconnect.testkit.ExportDestination;
import dev.crmconnect.testkit.FakeCrmConnect;
import dev.crmconnect.testkit.FakeMember;
import dev.crmconnect.testkit.FakeTenant;
import dev.crmconnect.testkit.TenantState;
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

class NoticePollerSampleTest {

    private static final Set<String> VALUE_FLAGS = Set.of("work-dir", "acknowledge-gap", "base-url", "token-url",
            "client-id", "client-secret", "integration-context");

    private static SampleArgs args(Path workDir, Map<String, String> environment) {
        return SampleArgs.parse(new String[] {"--work-dir", workDir.toString()}, VALUE_FLAGS, Set.of("help"),
                environment::get);
    }

    @Test
    void theDemoDecidesEachNoticeOnceAndTheSecondRunResumesFromTheCheckpoint(@TempDir Path workDir) throws Exception {
        Output first = new Output();
        NoticePollerSample.Result one = NoticePollerDemo.run(args(workDir, Map.of()), first.stream);

        assertEquals(PollSummary.Outcome.COMPLETED, one.outcome(), first.text());
        assertNull(one.resumedFrom(), "a first run has no checkpoint to resume from");
        assertEquals(6, one.decided().size(), first.text());
        assertEquals(Map.of(Decision.Kind.DELETE, 3L, Decision.Kind.RETAIN, 2L, Decision.Kind.FLAG_FOR_REVIEW, 1L),
                kinds(one.decided()));
        assertEquals(Set.of(RetentionReason.LEGAL_OBLIGATION, RetentionReason.LEGITIMATE_INTEREST),
                one.decided().stream().map(r -> r.decision().reason()).filter(r -> r != null).collect(Collectors.toSet()));
        assertTrue(first.text().contains("(new: reading the whole feed)"), first.text());
        assertTrue(first.text().contains("Audit log: " + one.auditLog()), first.text());
        assertEquals(6, Files.readAllLines(one.auditLog(), StandardCharsets.UTF_8).size());

        Output second = new Output();
        NoticePollerSample.Result two = NoticePollerDemo.run(args(workDir, Map.of()), second.stream);

        assertEquals(PollSummary.Outcome.COMPLETED, two.outcome(), second.text());
        assertNotNull(two.resumedFrom(), second.text());
        assertEquals(6, two.decidedBefore());
        assertTrue(second.text().contains("Resumed from checkpoint " + two.resumedFrom().publishedAt()), second.text());
        assertTrue(second.text().contains("replayed LinkedIn's side of round 1"), second.text());
        assertEquals(6, two.decided().size(), "round 2's notices are new: " + second.text());
        // Round 1's notices are read again in the overlap window and recognised as decided.
        assertEquals(6, two.alreadyDecided(), second.text());
        Set<String> firstIds = ids(one.decided());
        assertTrue(ids(two.decided()).stream().noneMatch(firstIds::contains), "a notice decided twice");
        assertTrue(two.decided().stream().allMatch(r -> r.member().startsWith("urn:li:person:demo-2-")));

        List<String> audit = Files.readAllLines(two.auditLog(), StandardCharsets.UTF_8);
        assertEquals(12, audit.size());
        assertEquals(12, new HashSet<>(audit.stream().map(line -> line.replaceAll(".*\"noticeId\":\"([^\"]+)\".*", "$1"))
                .toList()).size(), "one audit record per notice");
    }

    @Test
    void thePolicyErasesTheContactEverywhereAndKeepsWhatItRetainsOrFlags(@TempDir Path workDir) {
        Output out = new Output();
        try (NoticePollerDemo demo = NoticePollerDemo.start(workDir, out.stream)) {
            TenantState before = demo.fake().state(NoticePollerDemo.ORGANIZATION);
            assertTrue(hasRecordsOf(before, "c-1-01"), "the demo data gives c-1-01 notes, an email and a pool");

            NoticePollerSample.Result result = NoticePollerSample.poll(demo.client(), demo.crm(), workDir, null,
                    out.stream);

            assertEquals(PollSummary.Outcome.COMPLETED, result.outcome(), out.text());
            TenantState after = demo.fake().state(NoticePollerDemo.ORGANIZATION);
            for (String erased : List.of("c-1-01", "c-1-05")) {
                assertFalse(after.entities("crmContacts").containsKey(erased), erased + " still held");
                assertFalse(hasRecordsOf(after, erased), erased + " has records left");
            }
            for (String kept : List.of("c-1-02", "c-1-03", "c-1-04", "c-1-07", "c-1-08")) {
                assertTrue(after.entities("crmContacts").containsKey(kept), kept + " was deleted");
            }
            assertTrue(hasRecordsOf(after, "c-1-02"), "the retained contact keeps its application");
            assertTrue(hasRecordsOf(after, "c-1-03"), "the contact on legal hold keeps its records");
            AuditRecord erasure = result.decided().stream().filter(r -> r.member().endsWith("demo-1-01")).findFirst()
                    .orElseThrow();
            assertEquals("contact c-1-01 with 2 notes, 1 email interaction, 0 applications;"
                    + " pool memberships cleared in 1 pool", erasure.decision().detail());
        }
    }

    @Test
    void aRealEndpointIsPolledWithEveryNoticeFlaggedAndTheSecretNeverPrinted(@TempDir Path workDir) {
        String organization = "urn:li:organization:2002";
        String secret = "s3cr3t-never-printed";
        try (FakeCrmConnect endpoint = FakeCrmConnect.builder()
                .tenant(new FakeTenant("live-client", secret, organization)).start()) {
            endpoint.addMember(FakeMember.builder("urn:li:person:live-1").name("Ada", "Lovelace").build());
            endpoint.export("urn:li:person:live-1", organization, ExportDestination.pool("p-1"));
            endpoint.deleteMember("urn:li:person:live-1");
            Map<String, String> environment = Map.of(
                    "CRMCONNECT_BASE_URL", endpoint.baseUrl(),
                    "CRMCONNECT_TOKEN_URL", endpoint.tokenUrl(),
                    "CRMCONNECT_CLIENT_ID", "live-client",
                    "CRMCONNECT_CLIENT_SECRET", secret,
                    "CRMCONNECT_INTEGRATION_CONTEXT", organization);
            Output out = new Output();

            NoticePollerSample.Result result = NoticePollerSample.run(args(workDir, environment), out.stream);

            assertEquals(PollSummary.Outcome.COMPLETED, result.outcome(), out.text());
            assertEquals(1, result.decided().size(), out.text());
            assertEquals(Decision.Kind.FLAG_FOR_REVIEW, result.decided().get(0).decision().kind());
            assertTrue(out.text().contains("as client live-client of " + organization), out.text());
            assertFalse(out.text().contains(secret), "the secret was printed");
            assertTrue(result.auditLog().startsWith(workDir.resolve("notice-poller-live")), result.auditLog().toString());
        }
    }

    @Test
    void theSampleWithoutEndpointSettingsIsRefusedNamingThem(@TempDir Path workDir) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NoticePollerSample.run(args(workDir, Map.of()), new Output().stream));

        assertTrue(e.getMessage().startsWith("no endpoint: set CRMCONNECT_CLIENT_ID, CRMCONNECT_CLIENT_SECRET and"
                + " CRMCONNECT_INTEGRATION_CONTEXT"), e.getMessage());
    }

    @Test
    void anEndpointWithSomeSettingsMissingIsRefusedNamingThem(@TempDir Path workDir) {
        SampleArgs partial = args(workDir, Map.of("CRMCONNECT_CLIENT_ID", "x"));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Endpoint.from(partial));

        assertTrue(e.getMessage().contains("--client-secret (CRMCONNECT_CLIENT_SECRET)"), e.getMessage());
        assertTrue(e.getMessage().contains("--integration-context"), e.getMessage());
        assertFalse(e.getMessage().contains("--client-id"), e.getMessage());
    }

    @Test
    void unknownFlagsAndMissingValuesAreRefusedNamingTheFlag() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> SampleArgs.parse(new String[] {"--wrok-dir", "x"}, VALUE_FLAGS, Set.of(), k -> null));
        assertTrue(unknown.getMessage().startsWith("--wrok-dir: unknown flag"), unknown.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> SampleArgs.parse(new String[] {"--work-dir"}, VALUE_FLAGS, Set.of(), k -> null));
        assertEquals("--work-dir: needs a value", missing.getMessage());
        assertEquals("b", SampleArgs.parse(new String[] {"--client-id=b"}, VALUE_FLAGS, Set.of(), k -> null)
                .flagOrEnv("client-id", "CRMCONNECT_CLIENT_ID"));
    }

    private static Map<Decision.Kind, Long> kinds(List<AuditRecord> records) {
        return records.stream().collect(Collectors.groupingBy(r -> r.decision().kind(), Collectors.counting()));
    }

    private static Set<String> ids(List<AuditRecord> records) {
        return records.stream().map(AuditRecord::noticeId).collect(Collectors.toSet());
    }

    /** Whether any note, email interaction, application or pool membership points at the contact. */
    private static boolean hasRecordsOf(TenantState state, String contact) {
        for (String resource : List.of("crmNotes", "crmEmailInteractions", "crmApplications", "crmPoolMembers")) {
            if (state.entities(resource).values().stream().anyMatch(e -> contact.equals(e.get("contactId")))) {
                return true;
            }
        }
        return false;
    }
}
