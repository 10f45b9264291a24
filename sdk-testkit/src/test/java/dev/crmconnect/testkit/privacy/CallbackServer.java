package dev.crmconnect.testkit.privacy;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.crmconnect.sdk.webhook.WebhookHttpHandler;
import dev.crmconnect.sdk.webhook.WebhookReceiver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tenant's push endpoint: a {@link WebhookHttpHandler} on the JDK's HttpServer on loopback,
 * recording each push's raw body and signature so that a test can replay or tamper with it.
 */
final class CallbackServer implements AutoCloseable {

    /** A push as it arrived. */
    record Push(byte[] body, String signature) {
    }

    private final HttpServer server;
    private final List<Push> pushes = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    CallbackServer(WebhookReceiver receiver) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/linkedin/push", WebhookHttpHandler.of(receiver)).getFilters().add(new Filter() {
            @Override
            public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                pushes.add(new Push(body, exchange.getRequestHeaders().getFirst("X-LI-Signature")));
                exchange.setStreams(new ByteArrayInputStream(body), null);
                chain.doFilter(exchange);
            }

            @Override
            public String description() {
                return "records pushes";
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/linkedin/push";
    }

    List<Push> pushes() {
        return List.copyOf(pushes);
    }

    /** POSTs a body with a signature header, as LinkedIn would; returns the status answered. */
    int post(byte[] body, String signature) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url()))
                .header("Content-Type", "application/json")
                .header("X-LI-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
