package dev.crmconnect.sdk.privacy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.crmconnect.model.DataCategory;
import dev.crmconnect.model.DataRequest;
import dev.crmconnect.model.DataRequestScope;
import dev.crmconnect.model.DataRequestStatus;
import dev.crmconnect.sdk.CrmConnectClient;
import dev.crmconnect.sdk.DataRequestService;
import dev.crmconnect.sdk.RequestOptions;
import dev.crmconnect.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Data requests on the wire: what is sent, what is refused unsent, and the polling. */
class DataRequestServiceTest {

    @RegisterExtension
    static WireMockExtension wm = Wire.server();

    private static final long SEED = 20240607L;
    private static final DataRequestScope SEAT = DataRequestService.seat("urn:li:seat:7");

    private CrmConnectClient client;
    private MutableClock clock;
    private List<Duration> waits;
    private DataRequestService requests;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(Instant.parse("2024-06-07T10:00:00Z"));
        waits = new ArrayList<>();
        client = Wire.builder(wm).dataRequestPolling(DataRequestPolling.builder()
                .clock(clock)
                .random(new Random(SEED))
                .intervals(Duration.ofSeconds(2), Duration.ofSeconds(30))
                .sleeper(duration -> {
                    waits.add(duration);
                    clock.advance(duration);
                    return CompletableFuture.completedFuture(null);
                })
                .build()).build();
        requests = client.dataRequests();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    private static String created(String type, String status) {
        return "{\"id\":\"dr-1\",\"type\":\"" + type + "\",\"scope\":{\"type\":\"SEAT\",\"seat\":\"urn:li:seat:7\"},"
                + "\"categories\":[\"NOTES\"],\"status\":\"" + status + "\",\"createdAt\":1717754400000"
                + (type.equals("DELETION") ? ",\"confirmIrreversible\":true}" : "}");
    }

    private void assertNothingSent() {
        assertEquals(0, wm.findAll(anyRequestedFor(anyUrl())).size(), "no call may be made, not even for a token");
    }

    @Test
    void anExportSendsTypeExportWithoutConfirmation() {
        wm.stubFor(post(urlPathEqualTo("/v2/dataRequests"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withHeader("X-RestLi-Id", "dr-1").withBody(created("EXPORT", "PENDING"))));

        DataRequest request = requests.requestExport(SEAT, List.of(DataCategory.NOTES, DataCategory.NOTES,
                DataCategory.SAVED_ACCOUNTS));

        assertEquals("dr-1", request.id());
        wm.verify(1, postRequestedFor(urlPathEqualTo("/v2/dataRequests")).withRequestBody(equalToJson(
                "{\"type\":\"EXPORT\",\"scope\":{\"type\":\"SEAT\",\"seat\":\"urn:li:seat:7\"},"
                        + "\"categories\":[\"NOTES\",\"SAVED_ACCOUNTS\"]}")));
    }

    @Test
    void aConfirmedDeletionSendsTheConfirmation() {
        wm.stubFor(post(urlPathEqualTo("/v2/dataRequests"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(created("DELETION", "PENDING"))));

        requests.requestDeletion(DataRequestService.contract("urn:li:contract:9"), List.of(DataCategory.CRM_SYNCED_DATA),
                Confirmation.IRREVERSIBLE);

        wm.verify(1, postRequestedFor(urlPathEqualTo("/v2/dataRequests")).withRequestBody(equalToJson(
                "{\"type\":\"DELETION\",\"scope\":{\"type\":\"CONTRACT\",\"contract\":\"urn:li:contract:9\"},"
                        + "\"categories\":[\"CRM_SYNCED_DATA\"],\"confirmIrreversible\":true}")));
    }

    @Test
    void everyDeletionOnlyCategoryIsRefusedInAnExportByName() {
        for (DataCategory category : DataCategory.values()) {
            if (!category.deletionOnly()) {
                continue;
            }
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> requests.requestExport(SEAT, List.of(DataCategory.NOTES, category)));
            assertTrue(e.getMessage().contains("dataRequest.categories[1]: " + category
                    + " can be deleted but not exported"), e.getMessage());
        }
        assertNothingSent();
    }

    @Test
    void badArgumentsAreAllNamedInOneMessage() {
        DataRequestScope unknownScope = DataRequestScope.builder().type("ORGANIZATION").build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> requests.requestDeletion(
                unknownScope, Arrays.asList(DataCategory.NOTES, null, DataCategory.UNKNOWN), null));
        assertEquals("invalid DELETION data request: dataRequest.scope.type: must be SEAT or CONTRACT;"
                + " dataRequest.categories[1]: must not be null;"
                + " dataRequest.categories[2]: UNKNOWN is not a category that can be requested;"
                + " confirmation: must be Confirmation.IRREVERSIBLE: a DELETION cannot be undone", e.getMessage());

        assertEquals("invalid EXPORT data request: dataRequest.scope: is required;"
                        + " dataRequest.categories: at least one category is required",
                assertThrows(IllegalArgumentException.class, () -> requests.requestExport(null, List.of()))
                        .getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> requests.requestExport(SEAT, null))
                .getMessage().contains("dataRequest.categories: at least one category is required"));
        assertNothingSent();
    }

    @Test
    void theAsyncFormsFailTheirFutureInsteadOfThrowing() throws Exception {
        CompletableFuture<DataRequest> future = requests.requestDeletionAsync(SEAT, List.of(DataCategory.NOTES), null,
                RequestOptions.defaults());
        ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS));
        assertInstanceOf(IllegalArgumentException.class, e.getCause());
        assertTrue(e.getCause().getMessage().contains("confirmation"), e.getCause().getMessage());
        assertThrows(ExecutionException.class,
                () -> requests.awaitCompletionAsync(" ", Duration.ofMinutes(1)).get(10, TimeUnit.SECONDS));
        assertNothingSent();
    }

    @Test
    void scopesAreCheckedWhenMade() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DataRequestService.seat("urn:li:contract:1"))
                .getMessage().startsWith("dataRequestScope.seat:"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DataRequestService.contract(null))
                .getMessage().startsWith("dataRequestScope.contract:"));
    }

    private void stubStatuses(String... statuses) {
        String state = Scenario.STARTED;
        for (int i = 0; i < statuses.length; i++) {
            String next = i + 1 < statuses.length ? "poll-" + (i + 1) : state;
            wm.stubFor(get(urlPathEqualTo("/v2/dataRequests/dr-1")).inScenario("progress")
                    .whenScenarioStateIs(state).willSetStateTo(next)
                    .willReturn(okJson(created("EXPORT", statuses[i]))));
            state = next;
        }
    }

    @Test
    void awaitCompletionPollsWithGrowingJitteredWaitsUntilCompleted() {
        stubStatuses("PENDING", "IN_PROGRESS", "IN_PROGRESS", "COMPLETED");

        DataRequest done = requests.awaitCompletion("dr-1", Duration.ofHours(1));

        assertEquals(DataRequestStatus.COMPLETED, done.status());
        wm.verify(4, getRequestedFor(urlPathEqualTo("/v2/dataRequests/dr-1")));
        assertEquals(3, waits.size(), "seed " + SEED + ": " + waits);
        long[] ceilings = {2_000, 4_000, 8_000};
        for (int i = 0; i < waits.size(); i++) {
            long millis = waits.get(i).toMillis();
            assertTrue(millis >= ceilings[i] / 2 && millis <= ceilings[i], "seed " + SEED + ", wait " + i + ": " + millis);
        }
    }

    @Test
    void aFailedRequestEndsTheWait() {
        stubStatuses("PENDING", "FAILED");
        assertEquals(DataRequestStatus.FAILED, requests.awaitCompletion("dr-1", Duration.ofHours(1)).status());
        assertEquals(1, waits.size());
    }

    @Test
    void theWaitEndsAtTheTimeoutWithTheLastStatus() {
        stubStatuses("IN_PROGRESS");
        Instant start = clock.instant();

        DataRequest last = requests.awaitCompletion("dr-1", Duration.ofMinutes(2));

        assertEquals(DataRequestStatus.IN_PROGRESS, last.status());
        assertEquals(start.plus(Duration.ofMinutes(2)), clock.instant(), "the last wait is cut to the deadline");
        assertTrue(waits.stream().allMatch(w -> w.compareTo(Duration.ofSeconds(30)) <= 0), "seed " + SEED + ": " + waits);
        assertTrue(waits.size() >= 5 && waits.size() <= 60, "seed " + SEED + ": " + waits);
        wm.verify(waits.size() + 1, getRequestedFor(urlPathEqualTo("/v2/dataRequests/dr-1")));
    }

    @Test
    void theSystemSleeperCompletesItsFuture() throws Exception {
        assertEquals(null, Sleeper.system().sleep(Duration.ofMillis(20)).get(10, TimeUnit.SECONDS));
        assertEquals(null, Sleeper.system().sleep(Duration.ofMillis(-5)).get(10, TimeUnit.SECONDS));
    }

    @Test
    void pollIntervalsAreChecked() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DataRequestPolling.builder().intervals(Duration.ofSeconds(2), Duration.ofSeconds(1)));
        assertTrue(e.getMessage().startsWith("intervals:"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> DataRequestPolling.builder().intervals(Duration.ZERO, Duration.ofSeconds(1)));
    }
}
