package dev.crmconnect.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.crmconnect.sdk.exception.CrmConnectException;
import dev.crmconnect.sdk.exception.TransportException.Reason;
import dev.crmconnect.sdk.exception.TransportException;
import dev.crmconnect.sdk.internal.http.ApiRequest;
import dev.crmconnect.sdk.internal.http.ApiResponse;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TransportTest {

    @RegisterExtension
    static WireMockExtension wm = TestSupport.wireMock();

    private static final String BIG_BODY = "{\"elements\":[\"" + "x".repeat(4000) + "\"]}";

    private CrmConnectException failureOf(CrmConnectClient client, ApiRequest request) {
        return TestSupport.failure(TestSupport.api(client).send(request, RequestOptions.defaults()));
    }

    @Test
    void aSlowDribblingBodyIsCutByTheAttemptTimeout() {
        TestSupport.stubToken(wm);
        wm.stubFor(get(urlPathEqualTo("/v2/crmContacts")).willReturn(
                okJson(BIG_BODY).withChunkedDribbleDelay(50, 10_000)));
        try (CrmConnectClient client = TestSupport.builder(wm).retryPolicy(RetryPolicy.none())
                .attemptTimeout(Duration.ofMillis(400)).build()) {
            TransportException e = assertInstanceOf(TransportException.class, failureOf(client, TestSupport.finder()));
            assertEquals(Reason.TIMEOUT, e.reason());
            assertEquals(1, e.attempts());
        }
    }

    @Test
    void aSlowBodyTimesOutOnEveryAttemptAndIsRetried() {
        TestSupport.stubToken(wm);
        wm.stubFor(get(urlPathEqualTo("/v2/crmContacts")).willReturn(
                okJson(BIG_BODY).withChunkedDribbleDelay(50, 10_000)));
        try (CrmConnectClient client = TestSupport.builder(wm).retryPolicy(TestSupport.fastRetries(2))
                .attemptTimeout(Duration.ofMillis(300)).build()) {
            CrmConnectException e = failureOf(client, TestSupport.finder());
            assertEquals(Reason.TIMEOUT, assertInstanceOf(TransportException.class, e).reason());
            assertEquals(2, e.attempts());
            assertEquals(1, e.getSuppressed().length);
        }
    }

    @Test
    void aSlowResponseHeaderIsCutByTheAttemptTimeout() {
        TestSupport.stubToken(wm);
        wm.stubFor(get(urlPathEqualTo("/v2/crmContacts")).willReturn(okJson("{}").withFixedDelay(5_000)));
        try (CrmConnectClient client = TestSupport.builder(wm).retryPolicy(RetryPolicy.none())
                .attemptTimeout(Duration.ofMillis(300)).build()) {
            TransportException e = assertInstanceOf(TransportException.class, failureOf(client, TestSupport.finder()));
            assertEquals(Reason.TIMEOUT, e.reason());
        }
    }

    @Test
    void aBodyOverTheCapIsRefused() {
        TestSupport.stubToken(wm);
        wm.stubFor(get(urlPathEqualTo("/v2/crmContacts")).willReturn(okJson(BIG_BODY)));
        try (CrmConnectClient client = TestSupport.builder(wm).maxResponseBytes(1024).build()) {
            TransportException e = assertInstanceOf(TransportException.class, failureOf(client, TestSupport.finder()));
            assertEquals(Reason.RESPONSE_TOO_LARGE, e.reason());
            assertEquals(1, e.attempts(), "a body over the cap is not retried");
            assertEquals(200, e.status());
        }
    }

    @Test
    void aChunkedBodyOverTheCapIsRefusedWhileItStreams() {
        TestSupport.stubToken(wm);
        wm.stubFor(get(urlPathEqualTo("/v2/crmContacts")).willReturn(
                okJson(BIG_BODY).withChunkedDribbleDelay(8, 200)));
        try (CrmConnectClient client = TestSupport.builder(wm).maxResponseBytes(1024).build()) {
            TransportException e = assertInstanceOf(TransportException.class, failureOf(client, TestSupport.finder()));
            assertEquals(Reason.RESPONSE_TOO_LARGE, e.reason());
        }
    }

    @Test
    void aGarbageBodyOnA200IsAnInvalidResponseThatDoesNotEchoTheBody() {
        TestSupport.stubToken(wm);
        wm.stubFor(get(urlPathEqualTo("/v2/crmContacts")).willReturn(aResponse().withStatus(200)
                .withHeader("X-LI-UUID", "req-7")
                .withBody("<html><body>jane.doe@example.com</body></html>")));
        try (CrmConnectClient client = TestSupport.builder(wm).build()) {
            TransportException e = assertInstanceOf(TransportException.class, failureOf(client, TestSupport.finder()));
            assertEquals(Reason.INVALID_RESPONSE, e.reason());
            assertEquals(200, e.status());
            assertEquals("req-7", e.requestId().orElseThrow());
            assertEquals(1, e.attempts(), "an invalid body is not retried");
            assertFalse(e.getMessage().contains("jane.doe"), e.getMessage());
            assertFalse(e.getMessage().contains("html"), e.getMessage());
        }
    }

    @Test
    void trailingGarbageAfterJsonIsAnInvalidResponse() {
        TestSupport.stubToken(wm);
        wm.stubFor(get(urlPathEqualTo("/v2/crmContacts")).willReturn(okJson("{\"elements\":[]} trailing")));
        try (CrmConnectClient client = TestSupport.builder(wm).build()) {
            TransportException e = assertInstanceOf(TransportException.class, failureOf(client, TestSupport.finder()));
            assertEquals(Reason.INVALID_RESPONSE, e.reason());
        }
    }

    @Test
    void aBodyThatDoesNotFitTheTypeNamesThePathNotTheValue() {
        TestSupport.stubToken(wm);
        wm.stubFor(get(urlPathEqualTo("/v2/crmContacts")).willReturn(okJson("{\"count\":\"jane.doe@example.com\"}")));
        record Counted(int count) {
        }
        try (CrmConnectClient client = TestSupport.builder(wm).build()) {
            ApiResponse response = TestSupport.call(client, TestSupport.getContacts());
            TransportException e = assertThrows(TransportException.class, () -> response.read(Counted.class));
            assertEquals(Reason.INVALID_RESPONSE, e.reason());
            assertTrue(e.getMessage().contains("at count"), e.getMessage());
            assertFalse(e.getMessage().contains("jane.doe"), e.getMessage());
        }
    }

    @Test
    void anEmptyBodyReadsAsMissing() {
        TestSupport.stubToken(wm);
        wm.stubFor(get(urlPathEqualTo("/v2/crmContacts")).willReturn(aResponse().withStatus(204)));
        try (CrmConnectClient client = TestSupport.builder(wm).build()) {
            ApiResponse response = TestSupport.call(client, TestSupport.getContacts());
            assertEquals(204, response.status());
            assertTrue(response.json().isMissingNode());
        }
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE", "RANDOM_DATA_THEN_CLOSE",
            "MALFORMED_RESPONSE_CHUNK"})
    void brokenConnectionsAreConnectionLost(Fault fault) {
        TestSupport.stubToken(wm);
        wm.stubFor(put(urlPathEqualTo("/v2/crmPools")).willReturn(aResponse().withFault(fault)));
        try (CrmConnectClient client = TestSupport.builder(wm).retryPolicy(TestSupport.fastRetries(2)).build()) {
            CrmConnectException e = failureOf(client, ApiRequest.batchUpdate("/crmPools", "", Map.of(), 1));
            assertEquals(Reason.CONNECTION_LOST, assertInstanceOf(TransportException.class, e).reason(), e.toString());
            assertEquals(2, e.attempts());
        }
    }

    @Test
    void aRefusedConnectionIsRetriedEvenForANonIdempotentRequest() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        TestSupport.stubToken(wm);
        try (CrmConnectClient client = TestSupport.builder(wm).baseUrl("http://127.0.0.1:" + closedPort + "/v2")
                .retryPolicy(TestSupport.fastRetries(3)).build()) {
            CrmConnectException e = failureOf(client,
                    ApiRequest.batchPartialUpdate("/crmContacts", "", Map.of(), 1, false));
            assertEquals(Reason.CONNECT_FAILED, assertInstanceOf(TransportException.class, e).reason(), e.toString());
            assertEquals(3, e.attempts());
        }
    }

    @Test
    void aResponseWithoutAStatusLineLeavesNothingOfItInTheExceptionsCausesOrSuppressed() throws Exception {
        String page = "<html><body><h1>502</h1>jane.doe@example.com: proxy error page\r\n</body></html>\r\n";
        TestSupport.stubToken(wm);
        try (ServerSocket server = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            AtomicInteger answered = new AtomicInteger();
            Thread answering = new Thread(() -> answerWithoutStatusLine(server, page, answered), "no-status-line");
            answering.setDaemon(true);
            answering.start();
            try (CrmConnectClient client = TestSupport.builder(wm)
                    .baseUrl("http://127.0.0.1:" + server.getLocalPort() + "/v2")
                    .retryPolicy(TestSupport.fastRetries(2)).build()) {
                CrmConnectException e = failureOf(client, TestSupport.finder());

                TransportException transport = assertInstanceOf(TransportException.class, e);
                assertEquals(Reason.CONNECTION_LOST, transport.reason(), e.toString());
                assertEquals(2, e.attempts());
                assertEquals(2, answered.get());
                assertEquals(1, e.getSuppressed().length, "the first attempt's failure");
                assertInstanceOf(java.net.ProtocolException.class, e.getCause(), "the JDK's type is kept");
                assertInstanceOf(java.net.ProtocolException.class, e.getSuppressed()[0].getCause());
                List<Throwable> all = new java.util.ArrayList<>();
                collect(e, all, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
                assertTrue(all.size() >= 4, all::toString);
                java.io.StringWriter printed = new java.io.StringWriter();
                e.printStackTrace(new java.io.PrintWriter(printed));
                for (String text : texts(all, printed.toString())) {
                    for (String served : List.of("html", "body", "jane.doe", "proxy error", "502")) {
                        assertFalse(text.toLowerCase(java.util.Locale.ROOT).contains(served),
                                "'" + served + "' in: " + text);
                    }
                }
            }
        }
    }

    /** Answers every connection with an HTML page and no status line, then closes it. */
    private static void answerWithoutStatusLine(ServerSocket server, String page, AtomicInteger answered) {
        while (!server.isClosed()) {
            try (java.net.Socket socket = server.accept()) {
                java.io.InputStream in = socket.getInputStream();
                int matched = 0;
                for (int b; matched < 4 && (b = in.read()) >= 0; ) { // the request's head, up to \r\n\r\n
                    matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : b == '\r' ? 1 : 0;
                }
                // Counted before the page goes out: the client may read it and finish before a later count.
                answered.incrementAndGet();
                socket.getOutputStream().write(page.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                socket.getOutputStream().flush();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void collect(Throwable t, List<Throwable> out, java.util.Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return;
        }
        out.add(t);
        collect(t.getCause(), out, seen);
        for (Throwable suppressed : t.getSuppressed()) {
            collect(suppressed, out, seen);
        }
    }

    private static List<String> texts(List<Throwable> all, String printed) {
        List<String> texts = new java.util.ArrayList<>();
        texts.add(printed);
        for (Throwable t : all) {
            texts.add(String.valueOf(t.getMessage()));
            texts.add(String.valueOf(t.getLocalizedMessage()));
            texts.add(t.toString());
        }
        return texts;
    }

    @Test
    void everyAsyncFailureCompletesItsFuture() {
        TestSupport.stubToken(wm);
        wm.stubFor(get(urlPathEqualTo("/v2/a")).willReturn(aResponse().withStatus(500)));
        wm.stubFor(get(urlPathEqualTo("/v2/b")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        wm.stubFor(get(urlPathEqualTo("/v2/c")).willReturn(aResponse().withStatus(200).withBody("not json")));
        wm.stubFor(get(urlPathEqualTo("/v2/d")).willReturn(okJson("{}").withFixedDelay(3_000)));
        wm.stubFor(get(urlPathEqualTo("/v2/e")).willReturn(aResponse().withStatus(404)));
        try (CrmConnectClient client = TestSupport.builder(wm).attemptTimeout(Duration.ofMillis(200)).build()) {
            for (String path : List.of("/a", "/b", "/c", "/d", "/e")) {
                CompletableFuture<ApiResponse> future = TestSupport.api(client).send(ApiRequest.get(path),
                        RequestOptions.defaults());
                CrmConnectException e = TestSupport.failure(future);
                assertTrue(future.isCompletedExceptionally(), path);
                assertTrue(e.getMessage().contains("GET " + path), e.getMessage());
            }
            // A request that cannot even be built fails its future too, rather than throwing.
            CompletableFuture<ApiResponse> bad = TestSupport.api(client).send(
                    ApiRequest.builder(dev.crmconnect.sdk.internal.http.RestMethod.GET, "/a b").build(),
                    RequestOptions.defaults());
            assertTrue(bad.isCompletedExceptionally());
        }
    }

    @Test
    void futuresCompleteOnTheCallersExecutor() {
        TestSupport.stubToken(wm);
        wm.stubFor(get(urlPathEqualTo("/v2/crmContacts")).willReturn(okJson("{}")));
        wm.stubFor(get(urlPathEqualTo("/v2/missing")).willReturn(aResponse().withStatus(404)));
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(2,
                r -> new Thread(r, "caller-pool-" + threads.incrementAndGet()));
        try (CrmConnectClient client = TestSupport.builder(wm).executor(executor).build()) {
            String success = TestSupport.await(TestSupport.api(client).send(TestSupport.getContacts(),
                    RequestOptions.defaults()).thenApply(r -> Thread.currentThread().getName()));
            String failure = TestSupport.await(TestSupport.api(client).send(ApiRequest.get("/missing"),
                    RequestOptions.defaults()).handle((r, e) -> Thread.currentThread().getName()));
            assertTrue(success.startsWith("caller-pool-"), success);
            assertTrue(failure.startsWith("caller-pool-"), failure);
        } finally {
            assertFalse(executor.isShutdown(), "the caller's executor is never shut down by the client");
            executor.shutdownNow();
        }
    }

    @Test
    void closeFailsTheCallsInFlightAndLaterCalls() throws Exception {
        TestSupport.stubToken(wm);
        wm.stubFor(get(urlPathEqualTo("/v2/crmContacts")).willReturn(okJson("{}").withFixedDelay(10_000)));
        CrmConnectClient client = TestSupport.builder(wm).build();
        CompletableFuture<ApiResponse> inFlight = TestSupport.api(client).send(TestSupport.finder(), RequestOptions.defaults());
        TimeUnit.MILLISECONDS.sleep(100); // let it reach the server
        client.close();
        TransportException e = assertInstanceOf(TransportException.class, TestSupport.failure(inFlight));
        assertEquals(Reason.ABORTED, e.reason());
        TransportException later = assertInstanceOf(TransportException.class, TestSupport.failure(
                TestSupport.api(client).send(TestSupport.finder(), RequestOptions.defaults())));
        assertEquals(Reason.ABORTED, later.reason());
        client.close(); // idempotent
    }

    @Test
    void cancellingTheFutureAbortsTheCall() {
        TestSupport.stubToken(wm);
        wm.stubFor(get(urlPathEqualTo("/v2/crmContacts")).willReturn(okJson("{}").withFixedDelay(10_000)));
        try (CrmConnectClient client = TestSupport.builder(wm).build()) {
            CompletableFuture<ApiResponse> future = TestSupport.api(client).send(TestSupport.finder(),
                    RequestOptions.defaults());
            assertTrue(future.cancel(true));
            assertTrue(future.isCancelled());
            // The client stays usable.
            wm.stubFor(get(urlPathEqualTo("/v2/other")).willReturn(okJson("{}")));
            assertEquals(200, TestSupport.call(client, ApiRequest.get("/other")).status());
        }
    }

    @Test
    void callsReuseTheClientsThreadsRatherThanStartingOnePerResponse() {
        TestSupport.stubToken(wm);
        wm.stubFor(get(urlPathEqualTo("/v2/crmContacts")).willReturn(okJson("{}")));
        java.lang.management.ThreadMXBean jvmThreads = java.lang.management.ManagementFactory.getThreadMXBean();
        try (CrmConnectClient client = TestSupport.builder(wm).build()) {
            TestSupport.call(client, TestSupport.getContacts()); // the client's threads start here
            long before = jvmThreads.getTotalStartedThreadCount();
            for (int i = 0; i < 100; i++) {
                TestSupport.call(client, TestSupport.getContacts());
            }
            long started = jvmThreads.getTotalStartedThreadCount() - before;
            // The JDK's sendAsync would complete each response through a new thread on one or two CPUs.
            assertTrue(started < 20, started + " threads started for 100 calls");
        }
    }

    @Test
    void extraHeadersFromTheOptionsAreSent() {
        TestSupport.stubToken(wm);
        wm.stubFor(get(urlPathEqualTo("/v2/crmContacts")).willReturn(okJson("{}")));
        try (CrmConnectClient client = TestSupport.builder(wm).build()) {
            TestSupport.await(TestSupport.api(client).send(TestSupport.getContacts(),
                    RequestOptions.builder().header("X-Trace", "t-1").build()));
        }
        wm.verify(1, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo("/v2/crmContacts"))
                .withHeader("X-Trace", com.github.tomakehurst.wiremock.client.WireMock.equalTo("t-1")));
    }
}
