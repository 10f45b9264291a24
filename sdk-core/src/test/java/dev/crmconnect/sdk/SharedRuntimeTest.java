package dev.crmconnect.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.crmconnect.model.Contact;
import dev.crmconnect.sdk.exception.TransportException;
import dev.crmconnect.sdk.internal.http.SharedTransport;
import dev.crmconnect.sdk.internal.json.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Many tenants, one runtime: what the clients share, what each keeps, and that one tenant's
 * backlog never starves another's call. A real HTTP server on loopback that tells tenants apart
 * by their access token ({@code tok-<clientId>}) and records the order requests arrive in.
 */
class SharedRuntimeTest {

    private static final String CONTEXT = "urn:li:organization:1001";

    private HttpServer server;
    private ExecutorService serverThreads;
    /** The client id of each API request, in the order they arrived. */
    private final List<String> arrivals = new CopyOnWriteArrayList<>();
    private final AtomicBoolean gateClosed = new AtomicBoolean();
    private final CountDownLatch gate = new CountDownLatch(1);

    @BeforeEach
    void startServer() throws IOException {
        serverThreads = Executors.newFixedThreadPool(32);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(serverThreads);
        server.createContext("/oauth/v2/accessToken", this::token);
        server.createContext("/v2/", this::batchUpdate);
        server.start();
    }

    @AfterEach
    void stopServer() {
        gate.countDown();
        server.stop(0);
        serverThreads.shutdownNow();
    }

    @Test
    void aLoneTenantsCallIsServedWhile999OthersSaturateThePool() throws Exception {
        int busyTenants = 999;
        int maxInFlight = 8;
        try (CrmConnectRuntime runtime = CrmConnectRuntime.builder().maxExchangesInFlight(maxInFlight)
                .maxExchangesInFlightPerClient(maxInFlight).build()) {
            List<CrmConnectClient> busy = new ArrayList<>();
            for (int i = 0; i < busyTenants; i++) {
                busy.add(client(runtime, "busy-" + i));
            }
            CrmConnectClient lone = client(runtime, "lone");
            List<CompletableFuture<BatchResult>> warmUp = new ArrayList<>();
            for (CrmConnectClient client : busy) { // each tenant holds its token before the burst
                warmUp.add(client.contacts().upsertAsync(contacts(1)));
            }
            warmUp.add(lone.contacts().upsertAsync(contacts(1)));
            for (CompletableFuture<BatchResult> call : warmUp) {
                assertEquals(1, call.get(60, TimeUnit.SECONDS).succeeded().size());
            }
            arrivals.clear();

            gateClosed.set(true); // the server now holds every request until the gate opens
            List<CompletableFuture<BatchResult>> backlog = new ArrayList<>();
            for (CrmConnectClient client : busy) {
                backlog.add(client.contacts().upsertAsync(contacts(200))); // 2 batches each: 1,998 queued
            }
            waitUntil(() -> arrivals.size() == maxInFlight);
            assertEquals(maxInFlight, arrivals.size(), "the pool is saturated");
            CompletableFuture<BatchResult> loneCall = lone.contacts().upsertAsync(contacts(1));
            gate.countDown();

            assertEquals(1, loneCall.get(60, TimeUnit.SECONDS).succeeded().size());
            for (CompletableFuture<BatchResult> call : backlog) {
                assertEquals(200, call.get(60, TimeUnit.SECONDS).succeeded().size());
            }
            assertEquals(busyTenants * 2 + 1, arrivals.size());
            int lonePosition = arrivals.indexOf("lone");
            // In turn: the lone tenant waits for one exchange of each tenant queued before it, and the
            // exchanges in flight. First come, first served it would wait for all 1,998. The server
            // records arrivals, not sends: up to the exchanges in flight with it may overtake it.
            assertTrue(lonePosition <= busyTenants + 2 * maxInFlight,
                    "the lone tenant's call arrived " + lonePosition + "th of " + arrivals.size());
            // One per exchange in flight, plus at most a few that finished and have not yet gone idle.
            long sendThreads = liveThreads(runtime.transport().threadNamePrefix() + "send");
            assertTrue(sendThreads <= 2 * maxInFlight, sendThreads + " send threads for 1,000 tenants");
        }
    }

    @Test
    void oneTenantsThrottlingAndFailingTokenEndpointHoldNoThreadOfTheOthers() throws Exception {
        try (CrmConnectRuntime runtime = CrmConnectRuntime.builder().maxExchangesInFlight(1).build();
             CrmConnectClient throttled = client(runtime, "throttled-1", RetryPolicy.defaults());
             CrmConnectClient noToken = client(runtime, "no-token-1", RetryPolicy.defaults());
             CrmConnectClient healthy = client(runtime, "healthy-1", RetryPolicy.none())) {
            // Both wait 5 s between attempts (Retry-After) on the shared timer, holding no send thread.
            CompletableFuture<BatchResult> waiting = throttled.contacts().upsertAsync(contacts(1));
            CompletableFuture<BatchResult> tokenless = noToken.contacts().upsertAsync(contacts(1));
            waitUntil(() -> arrivals.contains("throttled-1"));
            for (int i = 0; i < 20; i++) {
                assertEquals(1, healthy.contacts().upsert(contacts(1)).succeeded().size());
            }
            assertTrue(!waiting.isDone() && !tokenless.isDone(),
                    "the other tenants' calls are still waiting to retry while this one made 20 calls");
            assertEquals(20, arrivals.stream().filter("healthy-1"::equals).count());
        }
    }

    @Test
    void clientsBuiltThePlainWayShareOneRuntimeThatStartsThreadsOnlyForWork() throws Exception {
        List<CrmConnectClient> clients = new ArrayList<>();
        try {
            long before = liveThreads("crmconnect-");
            for (int i = 0; i < 1_000; i++) {
                clients.add(client(null, "tenant-" + i));
            }
            assertEquals(before, liveThreads("crmconnect-"), "building a client starts no thread");
            String prefix = TestSupport.api(clients.get(0)).transport().threadNamePrefix();
            for (CrmConnectClient client : clients) {
                assertEquals(prefix, TestSupport.api(client).transport().threadNamePrefix(), "one runtime for all");
            }
            List<CompletableFuture<BatchResult>> calls = new ArrayList<>();
            for (CrmConnectClient client : clients) {
                calls.add(client.contacts().upsertAsync(contacts(1)));
            }
            for (CompletableFuture<BatchResult> call : calls) {
                assertEquals(1, call.get(60, TimeUnit.SECONDS).succeeded().size());
            }
            long threads = liveThreads(prefix);
            assertTrue(threads <= 100, threads + " runtime threads after 1,000 tenants' calls");
        } finally {
            clients.forEach(CrmConnectClient::close);
        }
    }

    @Test
    void closingAnExplicitRuntimeFailsItsClientsCallsAndEndsItsThreads() throws Exception {
        CrmConnectRuntime runtime = CrmConnectRuntime.builder().build();
        CrmConnectClient client = client(runtime, "tenant-1");
        client.contacts().upsert(contacts(1));
        gateClosed.set(true);
        arrivals.clear();
        CompletableFuture<BatchResult> held = client.contacts().upsertAsync(contacts(1));
        waitUntil(() -> arrivals.size() == 1);
        String prefix = runtime.transport().threadNamePrefix();
        assertTrue(liveThreads(prefix) > 0);

        runtime.close();

        BatchResult result = held.get(30, TimeUnit.SECONDS);
        assertEquals(1, result.failed().size(), "the call in flight fails");
        TransportException refused = assertThrows(TransportException.class,
                () -> client.contacts().get(List.of("c-0")));
        assertEquals(TransportException.Reason.ABORTED, refused.reason());
        assertTrue(refused.getMessage().contains("runtime is closed"), refused.getMessage());
        waitUntil(() -> liveThreads(prefix) == 0);
        assertEquals(0, liveThreads(prefix), "the runtime's threads end");
        client.close();
    }

    @Test
    void theDefaultRuntimeIsReleasedByItsLastClient() throws Exception {
        int users = SharedTransport.defaultUsers();
        CrmConnectClient first = client(null, "tenant-1");
        CrmConnectClient second = client(null, "tenant-2");
        assertEquals(users + 2, SharedTransport.defaultUsers());
        first.contacts().upsert(contacts(1));
        String prefix = TestSupport.api(first).transport().threadNamePrefix();
        first.close();
        first.close();
        assertEquals(users + 1, SharedTransport.defaultUsers(), "close is counted once");
        assertEquals(1, second.contacts().upsert(contacts(1)).succeeded().size(), "the others go on");
        second.close();
        assertEquals(users, SharedTransport.defaultUsers());
        if (users == 0) { // no other test's client holds the default runtime open
            waitUntil(() -> liveThreads(prefix) == 0);
            assertEquals(0, liveThreads(prefix), "the last client's close ends the runtime's threads");
        }
    }

    @Test
    void aRuntimeRefusesImpossibleLimitsNamingEach() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CrmConnectRuntime.builder()
                .maxExchangesInFlight(0).maxExchangesInFlightPerClient(-1).build());
        assertEquals("invalid CrmConnectRuntime configuration: maxExchangesInFlight: must be between 1 and 1024;"
                + " maxExchangesInFlightPerClient: must be between 1 and maxExchangesInFlight", e.getMessage());
    }

    private CrmConnectClient client(CrmConnectRuntime runtime, String clientId) {
        return client(runtime, clientId, RetryPolicy.none());
    }

    private CrmConnectClient client(CrmConnectRuntime runtime, String clientId, RetryPolicy retryPolicy) {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return CrmConnectClient.builder()
                .runtime(runtime)
                .baseUrl(base + "/v2")
                .tokenUrl(base + "/oauth/v2/accessToken")
                .credentials(clientId, "secret")
                .integrationContext(CONTEXT)
                .throttle(Throttle.disabled())
                .retryPolicy(retryPolicy)
                .build();
    }

    private static List<Contact> contacts(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> Contact.builder().crmId("c-" + i).firstName("Ada").lastName("Lovelace").build())
                .toList();
    }

    private void token(HttpExchange exchange) throws IOException {
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String clientId = "";
        for (String pair : form.split("&")) {
            if (pair.startsWith("client_id=")) {
                clientId = URLDecoder.decode(pair.substring("client_id=".length()), StandardCharsets.UTF_8);
            }
        }
        if (clientId.startsWith("no-token")) {
            answer(exchange, 503, "{\"status\":503}", "5");
            return;
        }
        respond(exchange, "{\"access_token\":\"tok-" + clientId + "\",\"expires_in\":1800}");
    }

    /** Answers a BATCH_UPDATE with a 204 per entity, once the gate lets it through. */
    private void batchUpdate(HttpExchange exchange) throws IOException {
        String tenant = exchange.getRequestHeaders().getFirst("Authorization").substring("Bearer tok-".length());
        JsonNode body = Json.mapper().readTree(exchange.getRequestBody().readAllBytes());
        arrivals.add(tenant);
        if (tenant.startsWith("throttled")) {
            answer(exchange, 429, "{\"status\":429}", "5");
            return;
        }
        if (gateClosed.get()) {
            try {
                gate.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        ObjectNode out = Json.mapper().createObjectNode();
        ObjectNode results = out.putObject("results");
        for (Iterator<String> keys = body.path("entities").fieldNames(); keys.hasNext(); ) {
            results.putObject(keys.next()).put("status", 204);
        }
        respond(exchange, Json.mapper().writeValueAsString(out));
    }

    private static void respond(HttpExchange exchange, String json) throws IOException {
        answer(exchange, 200, json, null);
    }

    private static void answer(HttpExchange exchange, int status, String json, String retryAfter) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        if (retryAfter != null) {
            exchange.getResponseHeaders().add("Retry-After", retryAfter);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static long liveThreads(String namePrefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getName().startsWith(namePrefix)).count();
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
    }
}
