package dev.crmconnect.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.crmconnect.model.Contact;
import dev.crmconnect.model.CrmUser;
import dev.crmconnect.model.DataCategory;
import dev.crmconnect.model.DataRequest;
import dev.crmconnect.model.DataRequestScope;
import dev.crmconnect.model.DataRequestType;
import dev.crmconnect.model.Note;
import dev.crmconnect.model.PoolMember;
import dev.crmconnect.model.ScopeType;
import dev.crmconnect.sdk.exception.CrmConnectException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every resource's calls, answered 429 then retried: the listener's events name the resource, the
 * Rest.li method and the route template, and no field holds a record key or a query value.
 */
class ListenerEventsTest {

    @RegisterExtension
    static WireMockExtension wm = TestSupport.wireMock();

    /** Values that reach the wire as keys or query values, and so must never reach an event. */
    private static final List<String> SECRETS = List.of("KEYCONTACT", "KEYPOOL", "KEYMEMBER", "KEYNOTE",
            "KEYVACANCY", "KEYAPPLICATION", "KEYEMAIL", "KEYDATAREQUEST", "KEYEXPORT", "KEYPERSON", "crmId",
            "dataProvider", "1700000000000", "%3A", "(", ")", "?", "=", "q=");

    private final List<Object> events = new CopyOnWriteArrayList<>();
    private final ClientListener recorder = new ClientListener() {
        @Override
        public void onCallStarted(CallStarted event) {
            events.add(event);
        }

        @Override
        public void onCallCompleted(CallCompleted event) {
            events.add(event);
        }

        @Override
        public void onRequestSent(RequestSent event) {
            events.add(event);
        }

        @Override
        public void onRequestCompleted(RequestCompleted event) {
            events.add(event);
        }

        @Override
        public void onRetryScheduled(RetryScheduled event) {
            events.add(event);
        }
    };

    @BeforeEach
    void setUp() {
        wm.resetAll();
        TestSupport.stubToken(wm);
        wm.stubFor(any(urlPathMatching("/v2/.*")).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")
                .withHeader("Content-Type", "application/json").withHeader("X-LI-UUID", "req-1")
                .withBody("{\"message\":\"slow down\",\"status\":429}")));
    }

    @Test
    void everyResourcesEventsNameItsRouteAndNeverAKeyOrAQueryValue() {
        try (CrmConnectClient client = TestSupport.builder(wm).retryPolicy(TestSupport.fastRetries(2))
                .listener(recorder).build()) {
            ignore(() -> client.contacts().upsert(List.of(Contact.builder().crmId("KEYCONTACT").firstName("Jane")
                    .lastName("Doe").emailAddresses("jane@example.com").build())));
            ignore(() -> client.contacts().get(List.of("KEYCONTACT")));
            ignore(() -> client.contacts().delete(List.of("KEYCONTACT")));
            ignore(() -> client.contacts().list().iterator().next());
            ignore(() -> client.contacts().matchManually("KEYCONTACT", "urn:li:person:KEYPERSON"));
            ignore(() -> client.pools().get(List.of("KEYPOOL")));
            ignore(() -> client.pools().delete(List.of("KEYPOOL")));
            ignore(() -> client.pools().list().iterator().next());
            ignore(() -> client.pools().members("KEYPOOL").upsert(List.of(
                    PoolMember.builder().contactCrmId("KEYMEMBER").stepId("s1").build())));
            ignore(() -> client.pools().members("KEYPOOL").delete(List.of("KEYMEMBER")));
            ignore(() -> client.pools().members("KEYPOOL").list().iterator().next());
            ignore(() -> client.vacancies().get(List.of("KEYVACANCY")));
            ignore(() -> client.vacancies().delete(List.of("KEYVACANCY")));
            ignore(() -> client.applications().get(List.of("KEYAPPLICATION")));
            ignore(() -> client.applications().list().iterator().next());
            ignore(() -> client.notes().upsert(List.of(Note.builder().crmId("KEYNOTE").contactId("KEYCONTACT")
                    .content("x").author(CrmUser.builder().name("Sam").build()).build())));
            ignore(() -> client.notes().listByContact("KEYCONTACT").iterator().next());
            ignore(() -> client.emailInteractions().delete(List.of("KEYEMAIL")));
            ignore(() -> client.emailInteractions().listByContact("KEYCONTACT").iterator().next());
            ignore(() -> client.exportedCandidates().listByRequest("KEYEXPORT").iterator().next());
            ignore(() -> client.deletionNotices().list(Instant.ofEpochMilli(1_700_000_000_000L)).iterator().next());
            ignore(() -> client.dataRequests().requestExport(DataRequestService.seat("urn:li:seat:5"),
                    List.of(DataCategory.NOTES)));
            ignore(() -> client.dataRequests().get("KEYDATAREQUEST"));
        }

        assertTrue(wm.findAll(anyRequestedFor(urlPathMatching("/v2/.*"))).stream()
                .anyMatch(r -> r.getUrl().contains("KEYPOOL")), "the keys did reach the wire");
        Map<String, Set<String>> routesByResource = new TreeMap<>();
        for (Object event : events) {
            for (String field : fields(event)) {
                for (String secret : SECRETS) {
                    assertFalse(field.contains(secret), () -> event + " holds " + secret);
                }
            }
            // Messages are prose with brackets of their own ("(Retry-After 0 s)"), so only the values are checked.
            for (String message : failureMessages(event)) {
                for (String secret : SECRETS.subList(0, SECRETS.indexOf("(") )) {
                    assertFalse(message.contains(secret), () -> event + "'s failure names " + secret);
                }
            }
            ClientListener.CallInfo call = callOf(event);
            assertEquals(TestSupport.CONTEXT, call.integrationContext());
            routesByResource.computeIfAbsent(call.resource() + " " + call.method(), k -> new TreeSet<>())
                    .add(call.route());
        }
        Map<String, Set<String>> expected = new TreeMap<>();
        for (String[] row : new String[][] {
                {"contacts BATCH_UPDATE", "/crmContacts"}, {"contacts BATCH_GET", "/crmContacts"},
                {"contacts BATCH_DELETE", "/crmContacts"}, {"contacts FINDER", "/crmContacts"},
                {"contacts BATCH_PARTIAL_UPDATE", "/crmContacts"}, {"pools BATCH_GET", "/crmPools"},
                {"pools BATCH_DELETE", "/crmPools"}, {"pools FINDER", "/crmPools"},
                {"poolMembers BATCH_UPDATE", "/crmPools/{key}/members"},
                {"poolMembers BATCH_DELETE", "/crmPools/{key}/members"},
                {"poolMembers FINDER", "/crmPools/{key}/members"}, {"vacancies BATCH_GET", "/crmVacancies"},
                {"vacancies BATCH_DELETE", "/crmVacancies"}, {"applications BATCH_GET", "/crmApplications"},
                {"applications FINDER", "/crmApplications"}, {"notes BATCH_UPDATE", "/crmNotes"},
                {"notes FINDER", "/crmNotes"}, {"emailInteractions BATCH_DELETE", "/crmEmailInteractions"},
                {"emailInteractions FINDER", "/crmEmailInteractions"},
                {"exportedCandidates FINDER", "/exportedCandidates"},
                {"deletionNotices FINDER", "/exportDeletionNotices"}, {"dataRequests CREATE", "/dataRequests"},
                {"dataRequests GET", "/dataRequests/{key}"}}) {
            expected.computeIfAbsent(row[0], k -> new TreeSet<>()).add(row[1]);
        }
        assertEquals(expected, routesByResource);

        long calls = events.stream().filter(ClientListener.CallStarted.class::isInstance).count();
        assertEquals(calls, events.stream().filter(ClientListener.CallCompleted.class::isInstance).count(),
                "every call started ends once");
        assertEquals(expected.size(), calls);
        List<ClientListener.CallCompleted> completed = events.stream()
                .filter(ClientListener.CallCompleted.class::isInstance).map(ClientListener.CallCompleted.class::cast)
                .toList();
        completed.forEach(done -> {
            assertEquals(2, done.attempts(), done::toString);
            assertEquals(429, done.status(), done::toString);
            assertTrue(done.failure().isPresent());
        });
        assertEquals(calls, events.stream().filter(ClientListener.RetryScheduled.class::isInstance).count());
        assertEquals(calls * 2, events.stream().filter(ClientListener.RequestSent.class::isInstance).count());
        Set<Long> ids = completed.stream().map(done -> done.call().id()).collect(Collectors.toSet());
        assertEquals(calls, ids.size(), "each call has its own id");
    }

    @Test
    void aRequestDecoratorAddsHeadersToEveryAttemptButNeverReplacesTheSdksOwn() {
        try (CrmConnectClient client = TestSupport.builder(wm).retryPolicy(TestSupport.fastRetries(3))
                .requestDecorator((attempt, headers) -> {
                    headers.accept("X-Attempt", attempt.call().resource() + "-" + attempt.attempt());
                    headers.accept("Authorization", "Bearer stolen");
                    headers.accept("Host", "elsewhere");
                }).build()) {
            ignore(() -> client.contacts().get(List.of("KEYCONTACT")));
        }
        var sent = wm.findAll(anyRequestedFor(urlPathMatching("/v2/.*")));
        assertEquals(List.of("contacts-1", "contacts-2", "contacts-3"),
                sent.stream().map(r -> r.getHeader("X-Attempt")).sorted().toList());
        sent.forEach(r -> assertEquals(List.of("Bearer " + TestSupport.TOKEN),
                r.getHeaders().getHeader("Authorization").values()));
    }

    private static void ignore(Runnable call) {
        try {
            call.run();
        } catch (CrmConnectException | java.util.NoSuchElementException expected) {
            // the server refuses everything; only the events matter
        }
    }

    private static ClientListener.CallInfo callOf(Object event) {
        if (event instanceof ClientListener.CallStarted e) {
            return e.call();
        } else if (event instanceof ClientListener.CallCompleted e) {
            return e.call();
        } else if (event instanceof ClientListener.RequestSent e) {
            return e.call();
        } else if (event instanceof ClientListener.RequestCompleted e) {
            return e.call();
        } else if (event instanceof ClientListener.RetryScheduled e) {
            return e.call();
        }
        throw new AssertionError(event);
    }

    /** The event's text fields, the tenant aside (a query value of the deletion-notice finder, named on purpose). */
    private static List<String> fields(Object event) {
        ClientListener.CallInfo call = callOf(event);
        List<String> fields = new ArrayList<>(List.of(call.resource(), call.method(), call.httpMethod(), call.route()));
        if (event instanceof ClientListener.RequestCompleted e) {
            e.requestId().ifPresent(fields::add);
            fields.add(Integer.toString(e.status()));
        }
        failureOf(event).ifPresent(f -> fields.add(f.getClass().getName()));
        return fields;
    }

    private static Optional<CrmConnectException> failureOf(Object event) {
        return event instanceof ClientListener.CallCompleted e ? e.failure()
                : event instanceof ClientListener.RequestCompleted e ? e.failure() : Optional.empty();
    }

    private static List<String> failureMessages(Object event) {
        List<String> messages = new ArrayList<>();
        failureOf(event).ifPresent(f -> addMessages(f, messages));
        return messages;
    }

    /** The messages of a failure, its causes and its suppressed failures: a log line shows them all. */
    private static void addMessages(Throwable failure, List<String> messages) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.add(String.valueOf(t.getMessage()));
            for (Throwable suppressed : t.getSuppressed()) {
                addMessages(suppressed, messages);
            }
        }
    }
}
