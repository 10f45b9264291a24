package dev.crmconnect.testkit.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmconnect.model.Address;
import dev.crmconnect.model.Contact;
import dev.crmconnect.model.CrmUser;
import dev.crmconnect.model.DataCategory;
import dev.crmconnect.model.DataRequest;
import dev.crmconnect.model.DataRequestScope;
import dev.crmconnect.model.DataRequestType;
import dev.crmconnect.model.EmailInteraction;
import dev.crmconnect.model.Note;
import dev.crmconnect.model.Owner;
import dev.crmconnect.model.PhoneNumber;
import dev.crmconnect.model.Pool;
import dev.crmconnect.model.PoolMember;
import dev.crmconnect.model.PoolStep;
import dev.crmconnect.model.ScopeType;
import dev.crmconnect.sdk.BatchResult;
import dev.crmconnect.sdk.CrmConnectClient;
import dev.crmconnect.sdk.DataRequestService;
import dev.crmconnect.sdk.RecordResult;
import dev.crmconnect.sdk.RetryPolicy;
import dev.crmconnect.sdk.exception.AuthenticationException;
import dev.crmconnect.sdk.exception.CrmConnectException;
import dev.crmconnect.sdk.logcapture.CapturedLogs;
import dev.crmconnect.sdk.poller.CheckpointStore;
import dev.crmconnect.sdk.poller.Decision;
import dev.crmconnect.sdk.poller.DeletionNoticePoller;
import dev.crmconnect.sdk.poller.PollSummary;
import dev.crmconnect.testkit.ExportDestination;
import dev.crmconnect.testkit.FakeCrmConnect;
import dev.crmconnect.testkit.FakeMember;
import dev.crmconnect.testkit.FakeTenant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A whole run with every logger at TRACE (the test-scope SLF4J binding captures every level):
 * tokens, upserts carrying emails, phone numbers and notes, a 422, retries after a 503 and a reset,
 * a token refused and refreshed, a call that exhausts its retries, a data request, an export and
 * a member's deletion handled by the poller, and a tenant whose secret is wrong. No log line, no
 * exception message and no result shows a token, the client secret, an email, a phone number,
 * a note's content or a name in full.
 */
class SecretsTest {

    private static final String ORG = "urn:li:organization:4242";
    private static final String CLIENT_ID = "acme-crm-7";
    private static final String SECRET = "S3cr3t-Zq9-never-log";
    private static final String EMAIL = "janette.canaryname@example.com";
    private static final String OWNER_EMAIL = "olivia.ownercanary@vendor.example";
    private static final String AUTHOR_EMAIL = "rita.authorcanary@vendor.example";
    private static final String PHONE = "+44 20 7946 0958";
    private static final String NOTE = "Prefers calls after 5pm; salary expectation 95k; partner works at Globex";
    private static final String MEMBER = "urn:li:person:m42";
    private static final List<String> PERSONAL = List.of(SECRET, "canaryname", "Janette", "ownercanary",
            "authorcanary", "7946", "0958", "salary expectation", "Globex", "Bearer ");

    @Test
    void aFullRunLogsNoTokenSecretOrPersonalData() throws Exception {
        CapturedLogs.clear();
        List<String> shown = new ArrayList<>(); // every result and exception the run produced, as text
        TokenRecordingHttpClient http = new TokenRecordingHttpClient();
        try (FakeCrmConnect fake = FakeCrmConnect.builder().tenant(new FakeTenant(CLIENT_ID, SECRET, ORG)).start()) {
            try (CrmConnectClient client = client(fake, SECRET, http)) {
                Contact janette = Contact.builder().crmId("c-1").firstName("Janette").lastName("Canaryname")
                        .emailAddresses(EMAIL).phoneNumbers(PhoneNumber.builder().number(PHONE).build())
                        .addresses(Address.builder().line1("1 Canaryname Row").city("London").build())
                        .linkedInProfileUrl("https://www.linkedin.com/in/janette-canaryname").build();
                Note note = Note.builder().crmId("n-1").contactId("c-1").content(NOTE)
                        .author(CrmUser.builder().name("Rita Authorcanary").emailAddress(AUTHOR_EMAIL).build()).build();
                Pool pool = Pool.builder().crmId("p-1").title("Pool").steps(PoolStep.builder().stepId("s1").build())
                        .owner(Owner.builder().firstName("Olivia").lastName("Ownercanary").emailAddress(OWNER_EMAIL)
                                .build()).build();
                record(shown, client.contacts().upsert(List.of(janette)));
                record(shown, client.notes().upsert(List.of(note)));
                record(shown, client.pools().upsert(List.of(pool)));
                record(shown, client.emailInteractions().upsert(List.of(EmailInteraction.builder().crmId("e-1")
                        .contactId("c-1").user(CrmUser.builder().emailAddress(AUTHOR_EMAIL).build()).build())));

                // A per-record 422, retries after a 503 and a reset, a token the fake no longer knows.
                BatchResult refused = client.pools().members("p-1").upsert(List.of(
                        PoolMember.builder().contactCrmId("c-1").stepId("no-such-step").build()));
                assertEquals(422, refused.results().get(0).status());
                record(shown, refused);
                fake.failNext("/crmContacts", 1, 503);
                record(shown, client.contacts().upsert(List.of(janette)));
                fake.resetNext("/crmNotes", 1);
                record(shown, client.notes().upsert(List.of(note)));
                fake.clock().advance(Duration.ofMinutes(31));
                shown.add(client.contacts().get(List.of("c-1")).toString());
                fake.clock().reset(); // back in step with the poller's clock
                // A call that runs out of attempts: its exception carries the earlier failures.
                fake.failNext("/crmContacts", 3, 500);
                BatchResult exhausted = client.contacts().upsert(List.of(janette));
                assertTrue(exhausted.results().get(0).batchFailure().isPresent());
                record(shown, exhausted);
                shown.add(text(assertThrows(CrmConnectException.class, () -> client.dataRequests().get("dr-x"))));
                shown.add(client.dataRequests().requestExport(DataRequestService.seat("urn:li:seat:9"),
                        List.of(DataCategory.NOTES)).toString());

                // The LinkedIn side: an export, the member's deletion, the poller; the handler fails once.
                fake.addMember(FakeMember.builder(MEMBER).name("Janette", "Canaryname").emailAddress(EMAIL)
                        .profileUrl("https://www.linkedin.com/in/janette-canaryname").build());
                String requestId = fake.export(MEMBER, ORG, ExportDestination.pool("p-1"));
                shown.add(client.exportedCandidates().listByRequest(requestId).stream().toList().toString());
                fake.deleteMember(MEMBER);
                AtomicInteger calls = new AtomicInteger();
                try (DeletionNoticePoller poller = DeletionNoticePoller.builder()
                        .feed(client.deletionNotices().feed())
                        .handler(notice -> {
                            if (calls.incrementAndGet() == 1) {
                                throw new IllegalStateException("could not delete " + EMAIL + " (" + PHONE + ")");
                            }
                            return Decision.delete("contact " + EMAIL + " and the note '" + NOTE + "'");
                        })
                        .handlerId("crm-purge-1.0")
                        .handlerBackoff(Duration.ofMillis(1), Duration.ofMillis(5))
                        .checkpointStore(CheckpointStore.inMemory())
                        .build()) {
                    List<PollSummary> summaries = poller.pollOnce();
                    assertEquals(1, summaries.get(0).decided(), summaries.toString());
                    shown.add(summaries.toString());
                    shown.add(poller.auditTrail(ORG, java.time.Instant.EPOCH,
                            java.time.Instant.now().plus(Duration.ofDays(1))).toString());
                }
            }
            try (CrmConnectClient wrong = client(fake, "wrong-" + SECRET, new TokenRecordingHttpClient())) {
                shown.add(text(assertThrows(AuthenticationException.class,
                        () -> wrong.contacts().get(List.of("c-1")))));
            }
        }

        List<String> lines = CapturedLogs.lines();
        assertTrue(http.tokens().size() >= 2, "a token, then a fresh one after the 401");
        assertLogged(lines, "token request -> 200");
        assertLogged(lines, "BATCH_UPDATE /crmContacts -> 503 attempt 1");
        assertLogged(lines, "BATCH_UPDATE /crmNotes -> CONNECTION_LOST attempt 1");
        assertLogged(lines, "BATCH_GET /crmContacts -> 401 attempt 1");
        assertLogged(lines, "FINDER /exportDeletionNotices -> 200");
        System.out.printf("secrets logLines=%d texts=%d tokens=%d forbidden=%d%n", lines.size(), shown.size(),
                http.tokens().size(), PERSONAL.size() + http.tokens().size());
        List<String> forbidden = new ArrayList<>(PERSONAL);
        forbidden.addAll(http.tokens());
        for (String text : concat(lines, shown)) {
            String lower = text.toLowerCase(Locale.ROOT);
            for (String secret : forbidden) {
                assertFalse(lower.contains(secret.toLowerCase(Locale.ROOT)), "'" + secret + "' shown in: " + text);
            }
        }
    }

    @Test
    void plainHttpIsRefusedOffLoopbackSoNoSecretTravelsInClearText() {
        for (String url : List.of("http://api.example.com/v2", "http://10.0.0.7:8080/v2", "http://[2001:db8::1]/v2")) {
            IllegalArgumentException api = assertThrows(IllegalArgumentException.class, () -> CrmConnectClient
                    .builder().baseUrl(url).credentials(CLIENT_ID, SECRET).integrationContext(ORG).build());
            assertTrue(api.getMessage().contains("baseUrl"), api.getMessage());
            IllegalArgumentException token = assertThrows(IllegalArgumentException.class, () -> CrmConnectClient
                    .builder().tokenUrl(url.replace("/v2", "/oauth/v2/accessToken")).credentials(CLIENT_ID, SECRET)
                    .integrationContext(ORG).build());
            assertTrue(token.getMessage().contains("tokenUrl"), token.getMessage());
            assertFalse(api.getMessage().contains(SECRET) || token.getMessage().contains(SECRET));
        }
        CrmConnectClient.builder().baseUrl("http://127.0.0.1:8089/v2").tokenUrl("http://localhost:8089/t")
                .credentials(CLIENT_ID, SECRET).integrationContext(ORG).build().close();
    }

    private static CrmConnectClient client(FakeCrmConnect fake, String secret, TokenRecordingHttpClient http) {
        return CrmConnectClient.builder()
                .baseUrl(fake.baseUrl())
                .tokenUrl(fake.tokenUrl())
                .credentials(CLIENT_ID, secret)
                .integrationContext(ORG)
                .httpClient(http)
                .retryPolicy(RetryPolicy.builder().maxAttempts(3).initialBackoff(Duration.ofMillis(1))
                        .maxBackoff(Duration.ofMillis(5)).build())
                .build();
    }

    private static void record(List<String> shown, BatchResult result) {
        shown.add(result.toString());
        for (RecordResult r : result.results()) {
            shown.add(r.toString());
            r.batchFailure().ifPresent(e -> shown.add(text(e)));
        }
    }

    /** An exception as a log line would show it: its text, its causes' and its suppressed exceptions'. */
    private static String text(Throwable e) {
        StringBuilder out = new StringBuilder(e.toString());
        for (Throwable suppressed : e.getSuppressed()) {
            out.append(" | ").append(text(suppressed));
        }
        if (e.getCause() != null && e.getCause() != e) {
            out.append(" | ").append(text(e.getCause()));
        }
        return out.toString();
    }

    private static void assertLogged(List<String> lines, String fragment) {
        assertTrue(lines.stream().anyMatch(l -> l.contains(fragment)), "'" + fragment + "' not logged in:\n"
                + String.join("\n", lines));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
