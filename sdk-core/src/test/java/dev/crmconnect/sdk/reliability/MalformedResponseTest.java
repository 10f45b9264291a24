package dev.crmconnect.sdk.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.crmconnect.model.Contact;
import dev.crmconnect.model.DataCategory;
import dev.crmconnect.model.DataRequest;
import dev.crmconnect.model.DataRequestScope;
import dev.crmconnect.model.DataRequestType;
import dev.crmconnect.model.ScopeType;
import dev.crmconnect.sdk.BatchResult;
import dev.crmconnect.sdk.CrmConnectClient;
import dev.crmconnect.sdk.DataRequestService;
import dev.crmconnect.sdk.RecordResult.Outcome;
import dev.crmconnect.sdk.RecordResult;
import dev.crmconnect.sdk.RequestOptions;
import dev.crmconnect.sdk.RetryPolicy;
import dev.crmconnect.sdk.Throttle;
import dev.crmconnect.sdk.exception.AuthenticationException;
import dev.crmconnect.sdk.exception.CrmConnectException;
import dev.crmconnect.sdk.exception.ServerException;
import dev.crmconnect.sdk.exception.TransportException.Reason;
import dev.crmconnect.sdk.exception.TransportException;
import dev.crmconnect.sdk.restli.RestLi;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Responses that break the contract, each ending as a clear {@link CrmConnectException} (for a
 * batch write: a FAILED result per record carrying one) within a bounded time, never echoing the
 * body, never accepted as if valid.
 */
class MalformedResponseTest {

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(WireMockConfiguration.wireMockConfig().dynamicPort()).build();

    /** Planted in every bad body: it must never reach a message. */
    private static final String CANARY = "canary-jane.doe@example.com";
    private static final String ORG = "urn:li:organization:1001";
    private static final String CONTACTS = "/v2/crmContacts";

    private CrmConnectClient client;

    @BeforeEach
    void setUp() {
        wm.stubFor(post(urlPathEqualTo("/oauth/v2/accessToken"))
                .willReturn(okJson("{\"access_token\":\"t-1\",\"expires_in\":1800}")));
        client = builder().build();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    private static CrmConnectClient.Builder builder() {
        return CrmConnectClient.builder()
                .baseUrl(wm.baseUrl() + "/v2")
                .tokenUrl(wm.baseUrl() + "/oauth/v2/accessToken")
                .credentials("client-7", "secret-7")
                .integrationContext(ORG)
                .retryPolicy(RetryPolicy.builder().maxAttempts(2).initialBackoff(Duration.ofMillis(1))
                        .maxBackoff(Duration.ofMillis(2)).build())
                .throttle(Throttle.disabled())
                .attemptTimeout(Duration.ofSeconds(2))
                .callTimeout(Duration.ofSeconds(10));
    }

    private static String key(String crmId) {
        return RestLi.encode(Map.of("crmId", crmId, "dataProvider", "CRM", "integrationContext", ORG));
    }

    private static Contact contact(String crmId) {
        return Contact.builder().crmId(crmId).firstName("Jane").build();
    }

    private static void stub(com.github.tomakehurst.wiremock.client.MappingBuilder request,
                             ResponseDefinitionBuilder response) {
        wm.stubFor(request.willReturn(response.withHeader("X-LI-UUID", "req-42")));
    }

    private static ResponseDefinitionBuilder body(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** The failure of a call that must fail, within a bound; checks that it names the call and hides the body. */
    private static <E extends CrmConnectException> E failure(CompletableFuture<?> call, Class<E> type, String what,
                                                             String detail) {
        try {
            call.get(20, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            E failure = assertInstanceOf(type, e.getCause());
            assertClear(failure, what, detail);
            return failure;
        } catch (TimeoutException e) {
            fail("the call never completed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(e);
        }
        return fail("the call succeeded");
    }

    /** The one failure shared by every record of a batch write. */
    private static <E extends CrmConnectException> E batchFailure(CompletableFuture<BatchResult> call, Class<E> type,
                                                                  String what, String detail) throws Exception {
        BatchResult result = call.get(20, TimeUnit.SECONDS);
        assertTrue(result.results().stream().allMatch(r -> r.outcome() == Outcome.FAILED), result.toString());
        E failure = assertInstanceOf(type, result.results().get(0).batchFailure().orElseThrow());
        assertEquals(failure.getMessage(), result.results().get(0).message());
        assertClear(failure, what, detail);
        return failure;
    }

    private static void assertClear(CrmConnectException failure, String what, String detail) {
        String message = failure.getMessage();
        assertTrue(message.startsWith(what + ": "), message);
        assertTrue(message.contains(detail), message);
        assertFalse(failure.toString().contains("canary"), "the body was echoed: " + failure);
        for (Throwable suppressed : failure.getSuppressed()) {
            assertFalse(suppressed.toString().contains("canary"), "the body was echoed: " + suppressed);
        }
    }

    private static TransportException.Reason reason(CrmConnectException e) {
        return ((TransportException) e).reason();
    }

    @Test
    void truncatedJson() {
        stub(get(urlPathEqualTo(CONTACTS)), body(200, "{\"results\":{\"" + key("c-1") + "\":{\"firstName\":\""
                + CANARY));
        TransportException e = failure(client.contacts().getAsync(List.of("c-1")), TransportException.class,
                "BATCH_GET /crmContacts", "HTTP 200 with an invalid body: not valid JSON");
        assertEquals(Reason.INVALID_RESPONSE, e.reason());
        assertEquals("req-42", e.requestId().orElseThrow());
    }

    @Test
    void aFieldOfTheWrongType() {
        stub(get(urlPathEqualTo(CONTACTS)), body(200, "{\"results\":{\"" + key("c-1") + "\":{\"firstName\":\"Jane\","
                + "\"emailAddresses\":{\"primary\":\"" + CANARY + "\"}}}}"));
        TransportException e = failure(client.contacts().getAsync(List.of("c-1")), TransportException.class,
                "BATCH_GET /crmContacts", "does not match Contact at emailAddresses");
        assertEquals(Reason.INVALID_RESPONSE, e.reason());
    }

    @Test
    void aValueTheModelRefuses() {
        stub(get(urlPathEqualTo(CONTACTS)), body(200, "{\"results\":{\"" + key("c-1") + "\":{\"firstName\":\"Jane\","
                + "\"emailAddresses\":[\"" + CANARY + " not an email\"]}}}"));
        failure(client.contacts().getAsync(List.of("c-1")), TransportException.class, "BATCH_GET /crmContacts",
                "does not match Contact");
    }

    @Test
    void anHtmlErrorPageWithA200FailsEveryRecordOfTheBatch() throws Exception {
        stub(put(urlPathEqualTo(CONTACTS)), aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                .withBody("<html><body><h1>Service Unavailable</h1>" + CANARY + "</body></html>"));
        TransportException e = batchFailure(client.contacts().upsertAsync(List.of(contact("c-1"), contact("c-2"))),
                TransportException.class, "BATCH_UPDATE /crmContacts", "not valid JSON");
        assertEquals(Reason.INVALID_RESPONSE, e.reason());
    }

    @Test
    void anHtmlErrorPageFromAProxyIsAServerError() throws Exception {
        stub(put(urlPathEqualTo(CONTACTS)), aResponse().withStatus(502).withHeader("Content-Type", "text/html")
                .withBody("<html><body>Bad Gateway " + CANARY + "</body></html>"));
        ServerException e = batchFailure(client.contacts().upsertAsync(List.of(contact("c-1"))), ServerException.class,
                "BATCH_UPDATE /crmContacts", "HTTP 502");
        assertEquals(2, e.attempts(), "retried, then given up");
        assertEquals(502, e.status());
    }

    @Test
    void a200CarryingAnErrorBodyIsNotASuccess() throws Exception {
        String error = "{\"message\":\"Internal error for " + CANARY + "\",\"status\":500,\"serviceErrorCode\":0}";
        stub(put(urlPathEqualTo(CONTACTS)), body(200, error));
        batchFailure(client.contacts().upsertAsync(List.of(contact("c-1"))), TransportException.class,
                "BATCH_UPDATE /crmContacts", "no results or errors map");
        stub(get(urlPathEqualTo(CONTACTS)), body(200, error));
        failure(client.contacts().listAsync(), TransportException.class,
                "FINDER /crmContacts", "no elements array");
    }

    @Test
    void aBodyOverTheCapIsRefusedWithoutReadingItAll() throws Exception {
        try (CrmConnectClient capped = builder().maxResponseBytes(64 * 1024).build()) {
            String huge = "{\"results\":{},\"padding\":\"" + CANARY + "x".repeat(4 * 1024 * 1024) + "\"}";
            stub(get(urlPathEqualTo(CONTACTS)), body(200, huge));
            TransportException e = failure(capped.contacts().getAsync(List.of("c-1")), TransportException.class,
                    "BATCH_GET /crmContacts", "");
            assertEquals(Reason.RESPONSE_TOO_LARGE, e.reason());
            stub(put(urlPathEqualTo(CONTACTS)), body(200, huge).withChunkedDribbleDelay(4, 10));
            e = batchFailure(capped.contacts().upsertAsync(List.of(contact("c-1"))), TransportException.class,
                    "BATCH_UPDATE /crmContacts", "");
            assertEquals(Reason.RESPONSE_TOO_LARGE, e.reason(), "a chunked body without a length is cut too");
        }
    }

    @Test
    void aBatchGetWithoutAResultsMap() {
        stub(get(urlPathEqualTo(CONTACTS)), body(200, "{\"statuses\":{},\"errors\":{}}"));
        failure(client.contacts().getAsync(List.of("c-1")), TransportException.class, "BATCH_GET /crmContacts",
                "no results map");
        stub(get(urlPathEqualTo(CONTACTS)), body(200, "{\"results\":[{\"firstName\":\"" + CANARY + "\"}]}"));
        failure(client.contacts().getAsync(List.of("c-1")), TransportException.class, "BATCH_GET /crmContacts",
                "no results map");
        stub(get(urlPathEqualTo(CONTACTS)), body(200, ""));
        failure(client.contacts().getAsync(List.of("c-1")), TransportException.class, "BATCH_GET /crmContacts",
                "no results map");
    }

    @Test
    void aBatchGetThatLeavesOutAKeyItWasAskedFor() {
        stub(get(urlPathEqualTo(CONTACTS)), body(200, "{\"results\":{\"" + key("c-1") + "\":{\"firstName\":\"Jane\"}},"
                + "\"errors\":{}}"));
        failure(client.contacts().getAsync(List.of("c-1", "c-2")), TransportException.class, "BATCH_GET /crmContacts",
                "no result for a key asked for");
    }

    @Test
    void aBatchWriteAnswerThatLeavesOutARecordOrNamesAnotherTenantsKey() throws Exception {
        String foreign = RestLi.encode(Map.of("crmId", "c-2", "dataProvider", "CRM",
                "integrationContext", "urn:li:organization:9"));
        stub(put(urlPathEqualTo(CONTACTS)), body(200, "{\"results\":{\"" + key("c-1") + "\":{\"status\":204},\""
                + foreign + "\":{\"status\":204},\"List(garbage\":{\"status\":204}}}"));
        BatchResult result = client.contacts().upsertAsync(List.of(contact("c-1"), contact("c-2"), contact("c-3")))
                .get(20, TimeUnit.SECONDS);
        assertEquals(Outcome.STORED, result.results().get(0).outcome());
        for (RecordResult missing : result.results().subList(1, 3)) {
            assertEquals(Outcome.FAILED, missing.outcome(), missing.toString());
            assertEquals("contact: the response holds no result for this record", missing.message());
        }
    }

    @Test
    void anErrorEntryWithoutAStatusIsStillAFailure() throws Exception {
        stub(put(urlPathEqualTo(CONTACTS)), body(200, "{\"results\":{},\"errors\":{\"" + key("c-1")
                + "\":{\"message\":\"refused\"},\"" + key("c-2") + "\":{\"status\":\"422\",\"message\":\"bad\"}}}"));
        BatchResult result = client.contacts().upsertAsync(List.of(contact("c-1"), contact("c-2")))
                .get(20, TimeUnit.SECONDS);
        for (RecordResult r : result.results()) {
            assertEquals(Outcome.FAILED, r.outcome(), r.toString());
        }
        assertEquals("refused", result.results().get(0).message());
    }

    @Test
    void aPageThatRepeatsStopsTheListing() {
        String page = "{\"elements\":[{\"crmId\":\"c-1\",\"firstName\":\"A\"},{\"crmId\":\"c-2\",\"firstName\":\"B\"}],"
                + "\"paging\":{\"start\":0,\"count\":2}}";
        stub(get(urlPathEqualTo(CONTACTS)), body(200, page));
        try (CrmConnectClient paged = builder().pageSize(2).build()) {
            Iterator<Contact> listing = paged.contacts().list().iterator();
            CrmConnectException e = org.junit.jupiter.api.Assertions.assertThrows(CrmConnectException.class, () -> {
                for (int i = 0; i < 1_000 && listing.hasNext(); i++) {
                    listing.next();
                }
            });
            assertTrue(e.getMessage().contains("again"), e.getMessage());
        }
    }

    @Test
    void pagesThatCycleBackStopTheListing() {
        // A server that ignores start and alternates between two pages, each with its true start.
        String first = "{\"elements\":[{\"crmId\":\"c-1\",\"firstName\":\"A\"},{\"crmId\":\"c-2\",\"firstName\":\"B\"}],"
                + "\"paging\":{\"start\":0,\"count\":2}}";
        String second = "{\"elements\":[{\"crmId\":\"c-3\",\"firstName\":\"C\"},{\"crmId\":\"c-4\",\"firstName\":\"D\"}],"
                + "\"paging\":{\"start\":2,\"count\":2}}";
        wm.stubFor(get(urlPathEqualTo(CONTACTS)).inScenario("cycle").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(body(200, first)).willSetStateTo("second"));
        wm.stubFor(get(urlPathEqualTo(CONTACTS)).inScenario("cycle").whenScenarioStateIs("second")
                .willReturn(body(200, second)).willSetStateTo(Scenario.STARTED));
        try (CrmConnectClient paged = builder().pageSize(2).build()) {
            Iterator<Contact> listing = paged.contacts().list().iterator();
            CrmConnectException e = org.junit.jupiter.api.Assertions.assertThrows(CrmConnectException.class, () -> {
                for (int i = 0; i < 1_000 && listing.hasNext(); i++) {
                    listing.next();
                }
            }, "a listing that never ends");
            assertTrue(e.getMessage().startsWith("the server returned an earlier page"), e.getMessage());
        }
    }

    @Test
    void aNullWhereAnEntityBelongs() {
        stub(get(urlPathEqualTo("/v2/dataRequests/dr-1")), body(200, "null"));
        failure(client.dataRequests().getAsync("dr-1", RequestOptions.defaults()), TransportException.class,
                "GET /dataRequests/{key}", "null where a DataRequest belongs");
        stub(get(urlPathEqualTo("/v2/dataRequests/dr-2")), body(200, ""));
        failure(client.dataRequests().getAsync("dr-2", RequestOptions.defaults()), TransportException.class,
                "GET /dataRequests/{key}", "null where a DataRequest belongs");
        stub(get(urlPathEqualTo(CONTACTS)), body(200, "{\"results\":{\"" + key("c-1") + "\":null}}"));
        failure(client.contacts().getAsync(List.of("c-1")), TransportException.class, "BATCH_GET /crmContacts",
                "null where a Contact belongs");
        stub(get(urlPathEqualTo("/v2/exportDeletionNotices")), body(200, "{\"elements\":[null]}"));
        failure(client.deletionNotices().listAsync(Instant.EPOCH),
                TransportException.class, "FINDER /exportDeletionNotices", "null where a DeletionNotice belongs");
    }

    @Test
    void negativePagingValues() {
        stub(get(urlPathEqualTo(CONTACTS)), body(200, "{\"elements\":[],\"paging\":{\"start\":0,\"total\":-5}}"));
        failure(client.contacts().listAsync(), TransportException.class,
                "FINDER /crmContacts", "negative paging values");
    }

    @Test
    void aNegativePagingStartIsNotEchoed() {
        stub(get(urlPathEqualTo(CONTACTS)), body(200, "{\"elements\":[],\"paging\":{\"start\":-987654321}}"));
        TransportException e = failure(client.contacts().listAsync(), TransportException.class,
                "FINDER /crmContacts", "negative paging values");
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains("987654321"), "the start was echoed: " + t);
        }
    }

    @Test
    void elementsThatAreNotObjects() {
        stub(get(urlPathEqualTo("/v2/exportedCandidates")), body(200, "{\"elements\":[\"" + CANARY + "\",42]}"));
        failure(client.exportedCandidates().listByRequestAsync("r-1"), TransportException.class,
                "FINDER /exportedCandidates", "does not match ExportedCandidate");
    }

    @Test
    void aNoticeWithoutItsId() {
        stub(get(urlPathEqualTo("/v2/exportDeletionNotices")), body(200, "{\"elements\":[{\"member\":"
                + "\"urn:li:person:abc\",\"publishedAt\":1700000000000}],\"paging\":{\"start\":0,\"count\":10}}"));
        failure(client.deletionNotices().listAsync(Instant.EPOCH),
                TransportException.class, "FINDER /exportDeletionNotices", "does not match DeletionNotice");
    }

    @Test
    void nestingAndNumbersBeyondTheParserLimits() {
        stub(get(urlPathEqualTo(CONTACTS)), body(200, "{\"results\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}"));
        failure(client.contacts().getAsync(List.of("c-1")), TransportException.class, "BATCH_GET /crmContacts",
                "not valid JSON");
        stub(get(urlPathEqualTo(CONTACTS)), body(200, "{\"results\":{},\"n\":" + "9".repeat(10_000) + "}"));
        failure(client.contacts().getAsync(List.of("c-1")), TransportException.class, "BATCH_GET /crmContacts",
                "not valid JSON");
    }

    @Test
    void aCreatedDataRequestWithoutAnId() {
        stub(post(urlPathEqualTo("/v2/dataRequests")), body(201, "{\"type\":\"EXPORT\",\"scope\":{\"type\":\"SEAT\","
                + "\"seat\":\"urn:li:seat:9\"},\"categories\":[\"NOTES\"],\"status\":\"PENDING\"}"));
        failure(client.dataRequests().requestExportAsync(DataRequestService.seat("urn:li:seat:9"),
                List.of(DataCategory.NOTES)), TransportException.class,
                "CREATE /dataRequests", "a created data request without an id or X-RestLi-Id");
    }

    @Test
    void aBodyThatDribblesForeverIsCutByTheAttemptTimeout() {
        stub(get(urlPathEqualTo(CONTACTS)), body(200, "{\"results\":{}}").withChunkedDribbleDelay(2, 5_000));
        try (CrmConnectClient impatient = builder().attemptTimeout(Duration.ofMillis(300)).build()) {
            TransportException e = failure(impatient.contacts().getAsync(List.of("c-1")), TransportException.class,
                    "BATCH_GET /crmContacts", "timed out");
            assertEquals(Reason.TIMEOUT, e.reason());
            assertEquals(2, e.attempts());
        }
    }

    @Test
    void aTokenEndpointAnsweringHtml() {
        wm.stubFor(post(urlPathEqualTo("/oauth/v2/accessToken")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html>Login " + CANARY + "</html>")));
        CrmConnectException e = failure(client.contacts().getAsync(List.of("c-1")), CrmConnectException.class,
                "BATCH_GET /crmContacts", "token");
        assertFalse(e instanceof AuthenticationException && e.getMessage().contains("refused"), e.getMessage());
    }

    /** {@code text} in UTF-8 with the bytes {@code bad} in place of the first {@code #}. */
    private static byte[] withBytes(String text, int... bad) {
        byte[] before = text.substring(0, text.indexOf('#')).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] after = text.substring(text.indexOf('#') + 1).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] out = new byte[before.length + bad.length + after.length];
        System.arraycopy(before, 0, out, 0, before.length);
        for (int i = 0; i < bad.length; i++) {
            out[before.length + i] = (byte) bad[i];
        }
        System.arraycopy(after, 0, out, before.length + bad.length, after.length);
        return out;
    }

    private static ResponseDefinitionBuilder bytes(int status, byte[] body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    /**
     * Decided: a response body that is not well-formed UTF-8 is not JSON (RFC 8259) and is refused as a whole,
     * wherever the bad bytes are: never read with U+FFFD or an invented character in their place.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "a byte never in UTF-8 | FF",
            "a stray continuation byte | 80",
            "a cut sequence | E2 82",
            "an overlong NUL | C0 80",
            "an encoded surrogate | ED A0 80",
            "a code point above U+10FFFF | F4 90 80 80"})
    void invalidUtf8AnywhereInAResponseIsRefusedNeverReadAsReplacementCharacters(String kind, String hex)
            throws Exception {
        int[] bad = java.util.Arrays.stream(hex.split(" ")).mapToInt(h -> Integer.parseInt(h, 16)).toArray();
        String ours = key("c-1");

        // In a key of a batch answer: Jackson read such names as U+FFFD, silently.
        stub(get(urlPathEqualTo(CONTACTS)), bytes(200, withBytes("{\"results\":{\"" + ours
                + "\":{\"firstName\":\"Jane\"},\"(crmId:c-#2,dataProvider:CRM,integrationContext:x)\":{}},"
                + "\"errors\":{}}", bad)));
        TransportException inKey = failure(client.contacts().getAsync(List.of("c-1")), TransportException.class,
                "BATCH_GET /crmContacts", "HTTP 200 with an invalid body: not valid UTF-8 (at byte ");
        assertEquals(Reason.INVALID_RESPONSE, inKey.reason());
        assertEquals(1, inKey.attempts(), "not retried");

        // In a value of a field the model does not know: Jackson read an overlong NUL or a surrogate as such.
        stub(get(urlPathEqualTo(CONTACTS)), bytes(200, withBytes("{\"elements\":[{\"crmId\":\"c-1\","
                + "\"firstName\":\"Jane\",\"newField\":\"" + CANARY + "#\"}],\"paging\":{\"start\":0}}", bad)));
        failure(client.contacts().listAsync(), TransportException.class,
                "FINDER /crmContacts", "not valid UTF-8");

        // In the answer to a write: every record of the batch fails with it.
        stub(put(urlPathEqualTo(CONTACTS)), bytes(200, withBytes("{\"results\":{\"" + ours
                + "\":{\"status\":204,\"note\":\"#\"}}}", bad)));
        batchFailure(client.contacts().upsertAsync(List.of(contact("c-1"))), TransportException.class,
                "BATCH_UPDATE /crmContacts", "not valid UTF-8");

        // In an error body: the status decides; no message is read from it.
        stub(get(urlPathEqualTo(CONTACTS)), bytes(400, withBytes("{\"message\":\"bad #" + CANARY
                + "\",\"serviceErrorCode\":100,\"status\":400}", bad)));
        dev.crmconnect.sdk.exception.ValidationException refused = failure(client.contacts().getAsync(List.of("c-1")),
                dev.crmconnect.sdk.exception.ValidationException.class, "BATCH_GET /crmContacts", "HTTP 400");
        assertFalse(refused.getMessage().contains("bad"), refused.getMessage());
        assertFalse(refused.getMessage().contains("\uFFFD"), refused.getMessage());
    }

    @Test
    void aTokenResponseThatIsNotUtf8IsRefused() {
        wm.stubFor(post(urlPathEqualTo("/oauth/v2/accessToken")).willReturn(bytes(200,
                withBytes("{\"access_token\":\"t-#\",\"expires_in\":1800}", 0xC0, 0x80))));
        CrmConnectException e = failure(client.contacts().getAsync(List.of("c-1")), CrmConnectException.class,
                "BATCH_GET /crmContacts", "the token response is not valid UTF-8");
        assertFalse(e instanceof AuthenticationException, e.toString());
    }

    @Test
    void aTokenThatNoHeaderCanCarryIsRefusedWithoutQuotingIt() {
        wm.stubFor(post(urlPathEqualTo("/oauth/v2/accessToken")).willReturn(okJson(
                "{\"access_token\":\"secret-tok\\u0000en\",\"expires_in\":1800}")));
        CrmConnectException e = failure(client.contacts().getAsync(List.of("c-1")), CrmConnectException.class,
                "BATCH_GET /crmContacts", "access_token holds characters a bearer token cannot");
        java.io.StringWriter printed = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(printed));
        assertFalse(printed.toString().contains("secret-tok"), printed::toString);
    }
}
