package dev.crmconnect.sdk.webhook;

import static dev.crmconnect.sdk.webhook.Pushes.SECRET;
import static dev.crmconnect.sdk.webhook.Pushes.signature;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HttpServer adapter end to end, on a loopback port, with the JDK's HTTP client. */
class WebhookHttpHandlerTest {

    private static final int CAP = 1024;

    private final List<WebhookEvent> handled = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private ExecutorService executor;
    private HttpClient client;
    private URI uri;
    private URI defaultCapUri;

    @BeforeEach
    void start() throws Exception {
        WebhookReceiver receiver = WebhookReceiver.builder().clientSecret(SECRET).handler(handled::add).build();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/push", WebhookHttpHandler.of(receiver, CAP));
        server.createContext("/push-default", WebhookHttpHandler.of(receiver));
        executor = Executors.newFixedThreadPool(4);
        server.setExecutor(executor);
        server.start();
        String base = "http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + server.getAddress().getPort();
        uri = URI.create(base + "/push");
        defaultCapUri = URI.create(base + "/push-default");
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    private HttpResponse<String> post(URI target, BodyPublisher body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(body);
        if (signature != null) {
            request.header("x-li-signature", signature);
        }
        return client.send(request.build(), BodyHandlers.ofString());
    }

    @Test
    void aValidPushIsAnswered200AndHandledOnce() throws Exception {
        byte[] body = Pushes.exportBody("req-1");
        HttpResponse<String> first = post(uri, BodyPublishers.ofByteArray(body), signature(SECRET, body));
        HttpResponse<String> retry = post(uri, BodyPublishers.ofByteArray(body), signature(SECRET, body));
        assertEquals(200, first.statusCode());
        assertEquals(200, retry.statusCode());
        assertEquals(1, handled.size());
        assertEquals("req-1", handled.get(0).requestId());
    }

    @Test
    void aTamperedPushIsAnswered401WithTheReason() throws Exception {
        byte[] body = Pushes.exportBody("req-1");
        byte[] tampered = Pushes.exportBody("req-2");
        HttpResponse<String> response = post(uri, BodyPublishers.ofByteArray(tampered), signature(SECRET, body));
        assertEquals(401, response.statusCode());
        assertTrue(response.body().contains("X-LI-Signature"), response.body());
        assertEquals(401, post(uri, BodyPublishers.ofByteArray(body), null).statusCode());
        assertTrue(handled.isEmpty());
    }

    @Test
    void aSignedMalformedBodyIsAnswered400() throws Exception {
        byte[] body = Pushes.utf8("[]");
        assertEquals(400, post(uri, BodyPublishers.ofByteArray(body), signature(SECRET, body)).statusCode());
    }

    @Test
    void aGetIsAnswered405() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).GET().build(), BodyHandlers.ofString());
        assertEquals(405, response.statusCode());
        assertEquals("POST", response.headers().firstValue("Allow").orElseThrow());
        HttpResponse<String> put = client.send(HttpRequest.newBuilder(uri)
                .PUT(BodyPublishers.ofString("{}")).build(), BodyHandlers.ofString());
        assertEquals(405, put.statusCode());
    }

    @Test
    void anOversizeBodyIsAnswered413() throws Exception {
        byte[] big = new byte[CAP + 1];
        assertEquals(413, post(uri, BodyPublishers.ofByteArray(big), signature(SECRET, big)).statusCode());
        // Without a Content-Length (chunked), the cap still holds while reading.
        BodyPublisher chunked = BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big));
        assertEquals(413, post(uri, chunked, signature(SECRET, big)).statusCode());
        byte[] overDefault = new byte[WebhookHttpHandler.DEFAULT_MAX_BODY_BYTES + 1];
        assertEquals(413, post(defaultCapUri, BodyPublishers.ofByteArray(overDefault), null).statusCode());
        assertTrue(handled.isEmpty());
    }

    @Test
    void aBodyOfExactlyTheCapIsRead() throws Exception {
        String head = new String(Pushes.exportBody("req-cap"), java.nio.charset.StandardCharsets.UTF_8);
        byte[] body = Pushes.utf8(head.substring(0, head.length() - 1) + ",\"pad\":\""
                + "p".repeat(CAP - head.length() - 9) + "\"}");
        assertEquals(CAP, body.length);
        BodyPublisher chunked = BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
        assertEquals(200, post(uri, chunked, signature(SECRET, body)).statusCode());
        assertEquals(1, handled.size());
    }

    @Test
    void theCapMustBeSensible() {
        WebhookReceiver receiver = WebhookReceiver.builder().clientSecret(SECRET).handler(handled::add).build();
        assertEquals("maxBodyBytes: must be between 1 and " + WebhookHttpHandler.LARGEST_MAX_BODY_BYTES,
                assertThrows(IllegalArgumentException.class, () -> WebhookHttpHandler.of(receiver, 0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> WebhookHttpHandler.of(receiver, Integer.MAX_VALUE));
    }
}
