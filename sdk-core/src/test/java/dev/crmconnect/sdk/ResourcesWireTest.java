package dev.crmconnect.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.crmconnect.model.Contact;
import dev.crmconnect.model.CrmUser;
import dev.crmconnect.model.DataCategory;
import dev.crmconnect.model.DataRequest;
import dev.crmconnect.model.DataRequestScope;
import dev.crmconnect.model.DataRequestType;
import dev.crmconnect.model.DeletionNotice;
import dev.crmconnect.model.Note;
import dev.crmconnect.model.PoolMember;
import dev.crmconnect.model.ScopeType;
import dev.crmconnect.model.Visibility;
import dev.crmconnect.sdk.exception.ComplianceGapException;
import dev.crmconnect.sdk.exception.CrmConnectException;
import dev.crmconnect.sdk.exception.ServerException;
import dev.crmconnect.sdk.exception.TransportException;
import dev.crmconnect.sdk.internal.json.Json;
import dev.crmconnect.sdk.poller.NoticeFeed;
import dev.crmconnect.sdk.restli.RestLi;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The resources' requests on the wire and how they read responses, against WireMock stubs. */
class ResourcesWireTest {

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig().dynamicPort()
                    .extensions(new EchoResults()))
            .build();

    private CrmConnectClient client;

    @BeforeEach
    void setUp() {
        wm.resetAll();
        TestSupport.stubToken(wm);
        client = TestSupport.builder(wm).build();
    }

    private static Contact contact(String crmId) {
        return Contact.builder().crmId(crmId).firstName("Jane").lastName("Doe")
                .emailAddresses("jane." + crmId.hashCode() + "@example.com").build();
    }

    private static String key(String crmId) {
        return RestLi.encode(Map.of("crmId", crmId, "dataProvider", "CRM", "integrationContext", TestSupport.CONTEXT));
    }

    /** The key as Rest.li writes it in bodies: only ( ) , : ' % percent-encoded. */
    private static String bodyKey(String crmId) {
        return RestLi.encodeKeyForBody(Map.of("crmId", crmId, "dataProvider", "CRM",
                "integrationContext", TestSupport.CONTEXT));
    }

    private List<LoggedRequest> puts() {
        return wm.findAll(putRequestedFor(urlPathEqualTo("/v2/crmContacts")));
    }

    @Test
    void upsertSendsTheContractsBatchUpdate() throws Exception {
        String crmId = "Zoë (ä,b):c";
        wm.stubFor(put(urlPathEqualTo("/v2/crmContacts"))
                .willReturn(okJson("{\"results\":{\"" + bodyKey(crmId) + "\":{\"status\":204}}}")));

        BatchResult result = client.contacts().upsert(List.of(contact(crmId)));

        assertTrue(result.allSucceeded(), result::toString);
        assertEquals(RecordResult.Outcome.STORED, result.results().get(0).outcome());
        assertEquals(crmId, result.results().get(0).crmId());
        LoggedRequest sent = puts().get(0);
        assertEquals("BATCH_UPDATE", sent.getHeader("X-RestLi-Method"));
        assertEquals("2.0.0", sent.getHeader("X-RestLi-Protocol-Version"));
        assertEquals("ids=List(" + key(crmId) + ")", sent.getUrl().substring(sent.getUrl().indexOf('?') + 1));
        JsonNode body = Json.mapper().readTree(sent.getBodyAsString());
        assertEquals(List.of("(crmId:Zoë %28ä%2Cb%29%3Ac,dataProvider:CRM,integrationContext:urn%3Ali%3Aorganization%3A1001)"),
                iterable(body.path("entities").fieldNames()), "the body names the key as Rest.li does");
        JsonNode entity = body.path("entities").path(bodyKey(crmId));
        assertEquals("Jane", entity.path("firstName").asText());
        assertEquals(1, entity.path("emailAddresses").size());
        assertFalse(entity.has("crmId"), "crmId is the key, never a body field");
        assertFalse(entity.has("visibility"));
    }

    @Test
    void anAsyncUpsertOfManyBatchesCompletesOnTheCallersExecutor() {
        wm.stubFor(put(urlPathEqualTo("/v2/crmContacts")).willReturn(aResponse().withTransformers(EchoResults.NAME)));
        java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newFixedThreadPool(2,
                r -> new Thread(r, "caller-pool"));
        try (CrmConnectClient async = TestSupport.builder(wm).executor(executor).batchesInFlight(2).build()) {
            List<Contact> contacts = IntStream.range(0, 450).mapToObj(i -> contact("c-" + i)).toList();
            String thread = TestSupport.await(async.contacts().upsertAsync(contacts)
                    .thenApply(result -> {
                        assertEquals(450, result.count(RecordResult.Outcome.STORED), result::toString);
                        return Thread.currentThread().getName();
                    }));
            assertEquals("caller-pool", thread);
            assertEquals(450, async.contacts().upsert(contacts).count(RecordResult.Outcome.STORED),
                    "the synchronous form, which completes on the client's own threads, gives the same");
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void upsertSplitsIntoBatchesOfAtMostOneHundredAndReportsEveryRecordInOrder() throws Exception {
        List<Contact> contacts = IntStream.range(0, 250).mapToObj(i -> contact("c-" + i)).toList();
        // Each batch is answered from its own body, so results cannot be right by accident.
        wm.stubFor(put(urlPathEqualTo("/v2/crmContacts"))
                .willReturn(aResponse().withTransformers(EchoResults.NAME)));
        try (CrmConnectClient echoing = TestSupport.builder(wm).build()) {
            BatchResult result = echoing.contacts().upsert(contacts);
            assertEquals(250, result.results().size());
            for (int i = 0; i < 250; i++) {
                assertEquals("c-" + i, result.results().get(i).crmId());
                assertEquals(RecordResult.Outcome.STORED, result.results().get(i).outcome());
            }
        }
        List<Integer> sizes = new ArrayList<>();
        for (LoggedRequest request : puts()) {
            sizes.add(Json.mapper().readTree(request.getBodyAsString()).path("entities").size());
        }
        sizes.sort(null);
        assertEquals(List.of(50, 100, 100), sizes);
    }

    @Test
    void privateRecordsAreNeverSentAndBadRecordsFailAlone() throws Exception {
        wm.stubFor(put(urlPathEqualTo("/v2/crmContacts")).willReturn(aResponse().withTransformers(EchoResults.NAME)));
        try (CrmConnectClient echoing = TestSupport.builder(wm).build()) {
            Contact secret = contact("private-1").toBuilder().visibility(Visibility.PRIVATE).build();
            Contact noId = contact("x").toBuilder().crmId(null).build();
            List<Contact> input = new ArrayList<>();
            input.add(contact("ok-1"));
            input.add(secret);
            input.add(noId);
            input.add(contact("ok-1"));
            input.add(null);
            BatchResult result = echoing.contacts().upsert(input);
            assertEquals(List.of(RecordResult.Outcome.STORED, RecordResult.Outcome.SKIPPED_PRIVATE,
                            RecordResult.Outcome.FAILED, RecordResult.Outcome.FAILED, RecordResult.Outcome.FAILED),
                    result.results().stream().map(RecordResult::outcome).toList());
            assertEquals("contact.crmId: is required to upsert", result.results().get(2).message());
            assertTrue(result.results().get(3).message().contains("more than once"));
            assertEquals("records[4]: must not be null", result.results().get(4).message());
        }
        String sent = puts().get(0).getBodyAsString();
        assertFalse(sent.contains("private-1"), "a private record was sent");
        assertEquals(1, Json.mapper().readTree(sent).path("entities").size());
    }

    @Test
    void mixedPerRecordResultsAreReportedPerRecord() {
        wm.stubFor(put(urlPathEqualTo("/v2/crmContacts")).willReturn(okJson("{\"results\":{\"" + key("a")
                + "\":{\"status\":204}},\"errors\":{\"" + key("b")
                + "\":{\"status\":422,\"message\":\"contact.emailAddresses[0]: must be a syntactically valid email"
                + " address\",\"serviceErrorCode\":100}}}")));

        BatchResult result = client.contacts().upsert(List.of(contact("a"), contact("b"), contact("c")));

        assertEquals(RecordResult.Outcome.STORED, result.results().get(0).outcome());
        RecordResult refused = result.results().get(1);
        assertEquals(RecordResult.Outcome.FAILED, refused.outcome());
        assertEquals(422, refused.status());
        assertEquals(100, refused.serviceErrorCode());
        assertTrue(refused.message().startsWith("contact.emailAddresses[0]"));
        RecordResult unanswered = result.results().get(2);
        assertEquals(RecordResult.Outcome.FAILED, unanswered.outcome(), "a record without a result is never STORED");
        assertTrue(unanswered.message().contains("no result"));
        assertEquals(1, result.succeeded().size());
        assertEquals(2, result.failed().size());
    }

    @Test
    void aResultUnderAnotherTenantsKeyIsNoResultForThisRecord() {
        String otherTenant = RestLi.encode(Map.of("crmId", "b", "dataProvider", "CRM",
                "integrationContext", "urn:li:organization:9"));
        String otherProvider = RestLi.encode(Map.of("crmId", "c", "dataProvider", "ATS",
                "integrationContext", TestSupport.CONTEXT));
        wm.stubFor(put(urlPathEqualTo("/v2/crmContacts")).willReturn(okJson("{\"results\":{\"" + key("a")
                + "\":{\"status\":204},\"" + otherTenant + "\":{\"status\":204},\"" + otherProvider
                + "\":{\"status\":204}}}")));

        BatchResult result = client.contacts().upsert(List.of(contact("a"), contact("b"), contact("c")));

        assertEquals(RecordResult.Outcome.STORED, result.results().get(0).outcome());
        for (RecordResult r : result.results().subList(1, 3)) {
            assertEquals(RecordResult.Outcome.FAILED, r.outcome(), r.toString());
            assertEquals("contact: the response holds no result for this record", r.message());
        }
    }

    @Test
    void anErrorsEntryIsAFailureEvenWithoutAStatusAndABadStatusIsNeverSuccess() {
        wm.stubFor(put(urlPathEqualTo("/v2/crmContacts")).willReturn(okJson("{\"results\":{\"" + key("c")
                + "\":{\"status\":\"204\"}},\"errors\":{\"" + key("a") + "\":{\"message\":\"refused\"},\""
                + key("b") + "\":{}}}")));

        BatchResult result = client.contacts().upsert(List.of(contact("a"), contact("b"), contact("c")));

        assertEquals(List.of(RecordResult.Outcome.FAILED, RecordResult.Outcome.FAILED, RecordResult.Outcome.FAILED),
                result.results().stream().map(RecordResult::outcome).toList());
        assertEquals("refused", result.results().get(0).message());
        assertEquals("contact: refused without a status", result.results().get(1).message());
        assertEquals("contact: the response's entry for this record has an invalid status",
                result.results().get(2).message());
        assertEquals(0, result.results().get(1).status());
    }

    @Test
    void aBatchFailingAfterRetriesFailsOnlyItsOwnRecords() throws Exception {
        wm.stubFor(put(urlPathEqualTo("/v2/crmContacts")).willReturn(aResponse().withTransformers(EchoResults.NAME)));
        wm.stubFor(put(urlPathEqualTo("/v2/crmContacts")).withRequestBody(
                        com.github.tomakehurst.wiremock.client.WireMock.containing("poison"))
                .willReturn(aResponse().withStatus(500).withBody("{\"message\":\"boom\",\"status\":500}")));
        try (CrmConnectClient echoing = TestSupport.builder(wm).batchSize(2).batchesInFlight(1).build()) {
            Contact poison = contact("p").toBuilder().lastName("poison").build();
            BatchResult result = echoing.contacts().upsert(List.of(contact("a"), contact("b"), poison, contact("d")));
            assertEquals(RecordResult.Outcome.STORED, result.results().get(0).outcome());
            assertEquals(RecordResult.Outcome.STORED, result.results().get(1).outcome());
            for (int i : new int[] {2, 3}) {
                RecordResult failed = result.results().get(i);
                assertEquals(RecordResult.Outcome.FAILED, failed.outcome());
                assertInstanceOf(ServerException.class, failed.cause());
                assertEquals(4, failed.cause().attempts());
            }
        }
    }

    @Test
    void garbageBatchResponseFailsTheBatchsRecordsWithTheCause() {
        wm.stubFor(put(urlPathEqualTo("/v2/crmContacts")).willReturn(okJson("{\"elements\":[]}")));
        BatchResult result = client.contacts().upsert(List.of(contact("a")));
        RecordResult failed = result.results().get(0);
        assertEquals(RecordResult.Outcome.FAILED, failed.outcome());
        assertInstanceOf(TransportException.class, failed.cause());
    }

    @Test
    void getReadsFoundRecordsWithTheirIdsAndReportsMissingOnes() {
        String body = "{\"results\":{\"" + key("a") + "\":{\"firstName\":\"Ann\",\"match\":{\"status\":\"MATCHED\","
                + "\"member\":\"urn:li:person:abc\"}}},\"statuses\":{\"" + key("a") + "\":200},\"errors\":{\""
                + key("gone") + "\":{\"status\":404,\"message\":\"not found\"}}}";
        wm.stubFor(get(urlPathEqualTo("/v2/crmContacts")).willReturn(okJson(body)));

        GetResult<Contact> result = client.contacts().get(List.of("a", "gone"));

        assertEquals(List.of("a"), List.copyOf(result.found().keySet()));
        Contact found = result.found().get("a");
        assertEquals("a", found.crmId());
        assertEquals("urn:li:person:abc", found.match().member());
        assertEquals(List.of("gone"), result.missing());
        LoggedRequest sent = wm.findAll(getRequestedFor(urlPathEqualTo("/v2/crmContacts"))).get(0);
        assertEquals("BATCH_GET", sent.getHeader("X-RestLi-Method"));
        assertTrue(sent.getUrl().endsWith("ids=List(" + key("a") + "," + key("gone") + ")"), sent.getUrl());
    }

    @Test
    void deleteTreatsAbsentAsDeleted() {
        wm.stubFor(delete(urlPathEqualTo("/v2/crmNotes")).willReturn(okJson("{\"results\":{\"" + key("n1")
                + "\":{\"status\":204},\"" + key("n2") + "\":{\"status\":204}}}")));

        BatchResult result = client.notes().delete(List.of("n1", "n2", "n1"));

        assertEquals(3, result.count(RecordResult.Outcome.DELETED));
        assertEquals("BATCH_DELETE", wm.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().startsWith("/v2/crmNotes")).findFirst().orElseThrow()
                .getRequest().getHeader("X-RestLi-Method"));
    }

    @Test
    void listPagesKeepTheOptionsOnEveryPageAndSetCrmIdFromTheElement() {
        wm.stubFor(get(urlPathEqualTo("/v2/crmNotes")).withQueryParam("start", equalTo("0"))
                .willReturn(okJson(notesPage(0, 2))));
        wm.stubFor(get(urlPathEqualTo("/v2/crmNotes")).withQueryParam("start", equalTo("2"))
                .willReturn(okJson(notesPage(2, 1))));
        try (CrmConnectClient small = TestSupport.builder(wm).pageSize(2).build()) {
            RequestOptions options = RequestOptions.builder().header("X-Trace", "t-1").build();
            List<Note> notes = small.notes().listByContact("c-1", options).stream().toList();
            assertEquals(List.of("n0", "n1", "n2"), notes.stream().map(Note::crmId).toList());
        }
        List<LoggedRequest> pages = wm.findAll(getRequestedFor(urlPathEqualTo("/v2/crmNotes")));
        assertEquals(2, pages.size());
        for (LoggedRequest page : pages) {
            assertEquals("t-1", page.getHeader("X-Trace"));
            assertEquals("FINDER", page.getHeader("X-RestLi-Method"));
            assertEquals("contact", page.queryParameter("q").firstValue());
            assertEquals("c-1", page.queryParameter("contactId").firstValue());
        }
    }

    private static String notesPage(int start, int n) {
        StringBuilder elements = new StringBuilder();
        for (int i = start; i < start + n; i++) {
            elements.append(elements.length() == 0 ? "" : ",").append("{\"crmId\":\"n").append(i)
                    .append("\",\"contactId\":\"c-1\",\"content\":\"hello\"}");
        }
        return "{\"elements\":[" + elements + "],\"paging\":{\"start\":" + start + ",\"count\":2}}";
    }

    @Test
    void manualMatchSendsTheContractsPatch() throws Exception {
        wm.stubFor(post(urlPathEqualTo("/v2/crmContacts"))
                .willReturn(okJson("{\"results\":{\"" + key("a") + "\":{\"status\":204}}}")));

        RecordResult result = client.contacts().matchManually("a", "urn:li:person:xyz");

        assertEquals(RecordResult.Outcome.STORED, result.outcome());
        LoggedRequest sent = wm.findAll(postRequestedFor(urlPathEqualTo("/v2/crmContacts"))).get(0);
        assertEquals("BATCH_PARTIAL_UPDATE", sent.getHeader("X-RestLi-Method"));
        assertEquals(Json.mapper().readTree("{\"entities\":{\"" + key("a")
                        + "\":{\"patch\":{\"$set\":{\"manualMatchedMember\":\"urn:li:person:xyz\"}}}}}"),
                Json.mapper().readTree(sent.getBodyAsString()));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> client.contacts().matchManually("a", "urn:li:member:1"));
        assertTrue(bad.getMessage().startsWith("contact.manualMatchedMember:"), bad.getMessage());
    }

    @Test
    void poolMembersUseSimpleKeysBelowThePoolsEncodedKey() throws Exception {
        String poolPath = "/v2/crmPools/" + key("p 1") + "/members";
        wm.stubFor(put(urlPathEqualTo(poolPath)).willReturn(okJson("{\"results\":{\"c,1\":{\"status\":204}}}")));

        BatchResult result = client.pools().members("p 1").upsert(List.of(
                PoolMember.builder().contactCrmId("c,1").stepId("s1").build()));

        assertTrue(result.allSucceeded(), result::toString);
        LoggedRequest sent = wm.findAll(putRequestedFor(urlPathEqualTo(poolPath))).get(0);
        assertTrue(sent.getUrl().endsWith("?ids=List(c%2C1)"), sent.getUrl());
        assertEquals("s1", Json.mapper().readTree(sent.getBodyAsString()).path("entities").path("c,1")
                .path("stepId").asText());
    }

    @Test
    void poolMemberKeysAreRawInBodiesBothWaysAsRestLiWritesThem() throws Exception {
        List<String> contacts = List.of("acct:42", "Smith, J", "50%off", "a%41", "(x)", "O'Brien");
        String poolPath = "/v2/crmPools/" + key("p-1") + "/members";
        ObjectNode reply = Json.mapper().createObjectNode();
        ObjectNode results = reply.putObject("results");
        contacts.forEach(id -> results.putObject(id).put("status", 204)); // Rest.li: the key itself
        wm.stubFor(put(urlPathEqualTo(poolPath)).willReturn(okJson(reply.toString())));

        BatchResult result = client.pools().members("p-1").upsert(contacts.stream()
                .map(id -> PoolMember.builder().contactCrmId(id).stepId("s1").build()).toList());

        assertEquals(contacts.size(), result.count(RecordResult.Outcome.STORED), result::toString);
        LoggedRequest sent = wm.findAll(putRequestedFor(urlPathEqualTo(poolPath))).get(0);
        assertEquals(contacts, iterable(Json.mapper().readTree(sent.getBodyAsString()).path("entities").fieldNames()),
                "a simple key is the string itself in a body, never percent-encoded");
        assertTrue(sent.getUrl().endsWith("?ids=List(acct%3A42,Smith%2C%20J,50%25off,a%2541,%28x%29,O%27Brien)"),
                sent.getUrl());
    }

    @Test
    void dataRequestCreateSendsOneIdempotencyKeyOnEveryAttemptAndReadsTheId() {
        wm.stubFor(post(urlPathEqualTo("/v2/dataRequests")).inScenario("flaky").whenScenarioStateIs(
                        com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        wm.stubFor(post(urlPathEqualTo("/v2/dataRequests")).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(201).withHeader("X-RestLi-Id", "dr-9")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"type\":\"EXPORT\",\"scope\":{\"type\":\"SEAT\",\"seat\":\"urn:li:seat:5\"},"
                                + "\"categories\":[\"NOTES\"],\"status\":\"PENDING\"}")));
        DataRequest created = client.dataRequests().requestExport(DataRequestService.seat("urn:li:seat:5"),
                List.of(DataCategory.NOTES));

        assertEquals("dr-9", created.id());
        List<LoggedRequest> attempts = wm.findAll(postRequestedFor(urlPathEqualTo("/v2/dataRequests")));
        assertEquals(2, attempts.size());
        String key = attempts.get(0).getHeader("X-Idempotency-Key");
        assertFalse(key == null || key.isBlank());
        assertEquals(key, attempts.get(1).getHeader("X-Idempotency-Key"));
        assertNull(attempts.get(0).getHeader("X-RestLi-Method"), "CREATE is a plain POST");
    }

    @Test
    void fieldsTheServerFillsInAreNotSentBackWithARecordReadBefore() throws Exception {
        wm.stubFor(put(urlPathEqualTo("/v2/crmContacts")).willReturn(aResponse().withTransformers(EchoResults.NAME)));
        wm.stubFor(post(urlPathEqualTo("/v2/dataRequests")).willReturn(aResponse().withStatus(201)
                .withHeader("X-RestLi-Id", "dr-2").withHeader("Content-Type", "application/json")
                .withBody("{\"type\":\"EXPORT\",\"scope\":{\"type\":\"SEAT\",\"seat\":\"urn:li:seat:5\"},"
                        + "\"categories\":[\"NOTES\"],\"status\":\"PENDING\"}")));
        Contact readBack = contact("c-1").toBuilder().match(dev.crmconnect.model.Match.builder()
                .status(dev.crmconnect.model.MatchStatus.MATCHED).member("urn:li:person:m1").build()).build();
        DataRequest earlier = DataRequest.builder().type(DataRequestType.EXPORT)
                .scope(DataRequestScope.builder().type(ScopeType.SEAT).seat("urn:li:seat:5").build())
                .categories(DataCategory.NOTES).id("dr-1").status(dev.crmconnect.model.DataRequestStatus.COMPLETED)
                .createdAt(Instant.ofEpochMilli(1_000)).completedAt(Instant.ofEpochMilli(2_000))
                .downloadUrl("https://example.com/export.zip").build();

        assertTrue(client.contacts().upsert(List.of(readBack)).allSucceeded());

        JsonNode entity = Json.mapper().readTree(puts().get(0).getBodyAsString()).path("entities").path(key("c-1"));
        assertEquals("Jane", entity.path("firstName").asText());
        assertFalse(entity.has("match"), entity.toString());
        JsonNode sent = Json.mapper().readTree(Json.writeRequestBody(earlier));
        assertEquals("EXPORT", sent.path("type").asText());
        for (String field : List.of("id", "status", "createdAt", "completedAt", "downloadUrl")) {
            assertFalse(sent.has(field), field + " in " + sent);
        }
        assertTrue(Json.mapper().writeValueAsString(readBack).contains("\"match\""),
                "the mapper itself still writes it, for exports and tests");
    }

    @Test
    void deletionNoticeFeedMapsGoneToTheCompliancesGapSignal() {
        wm.stubFor(get(urlPathEqualTo("/v2/exportDeletionNotices")).withQueryParam("publishedAfter", equalTo("1000"))
                .willReturn(okJson("{\"elements\":[{\"noticeId\":\"n1\",\"member\":\"urn:li:person:m1\","
                        + "\"publishedAt\":2000}],\"paging\":{\"start\":0,\"count\":10}}")));
        wm.stubFor(get(urlPathEqualTo("/v2/exportDeletionNotices")).withQueryParam("publishedAfter", equalTo("1"))
                .willReturn(aResponse().withStatus(410).withBody(
                        "{\"message\":\"publishedAfter: is older than the retention\",\"serviceErrorCode\":410001,"
                                + "\"status\":410}")));
        NoticeFeed feed = client.deletionNotices().feed();

        List<DeletionNotice> page = feed.fetch(Instant.ofEpochMilli(1000), 0, 10);

        assertEquals(TestSupport.CONTEXT, feed.tenant());
        assertEquals("n1", page.get(0).noticeId());
        ComplianceGapException gone = assertThrows(ComplianceGapException.class,
                () -> feed.fetch(Instant.ofEpochMilli(1), 0, 10));
        assertEquals(410001, gone.serviceErrorCode().orElseThrow());
        assertThrows(ComplianceGapException.class, () -> client.deletionNotices().list(Instant.ofEpochMilli(1))
                .iterator().hasNext());
    }

    @Test
    void everyAsyncFailureCompletesItsFuture() {
        wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(anyUrl()).atPriority(10)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        TestSupport.stubToken(wm);
        try (CrmConnectClient failing = TestSupport.builder(wm).retryPolicy(RetryPolicy.none()).build()) {
            RequestOptions o = RequestOptions.defaults();
            CrmConnectException get = TestSupport.failure(failing.contacts().getAsync(List.of("a"), o));
            assertInstanceOf(TransportException.class, get);
            TestSupport.failure(failing.dataRequests().getAsync("dr-1", o));
            TestSupport.failure(failing.deletionNotices().listAsync(Instant.EPOCH, o));
            TestSupport.failure(failing.exportedCandidates().listByRequestAsync("r-1", o));
            TestSupport.failure(failing.contacts().listAsync(o));
            // Batch writes never fail as a whole: the failure is on each record.
            BatchResult upsert = TestSupport.await(failing.notes().upsertAsync(List.of(
                    Note.builder().crmId("n").contactId("c").content("x")
                            .author(CrmUser.builder().name("Sam").build()).build())));
            assertInstanceOf(TransportException.class, upsert.results().get(0).cause());
        }
        assertTrue(client.contacts().upsertAsync(null).isCompletedExceptionally());
    }

    private static List<String> iterable(Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
