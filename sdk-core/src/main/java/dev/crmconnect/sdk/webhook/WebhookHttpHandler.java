package dev.crmconnect.sdk.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.crmconnect.model.internal.Check;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a {@link WebhookReceiver} on the JDK's {@code com.sun.net.httpserver.HttpServer}:
 * {@code server.createContext("/linkedin/push", WebhookHttpHandler.of(receiver))}. Accepts only
 * POST (else 405) with a body of at most the size cap (else 413), and answers with the receiver's
 * status and, for a refused push, a short plain-text reason.
 */
public final class WebhookHttpHandler implements HttpHandler {

    /** The default cap on a push body: a push is a few hundred bytes. */
    public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;
    /** The largest cap allowed: the whole body is held in memory. */
    public static final int LARGEST_MAX_BODY_BYTES = 16 * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(WebhookHttpHandler.class);

    private final WebhookReceiver receiver;
    private final int maxBodyBytes;

    private WebhookHttpHandler(WebhookReceiver receiver, int maxBodyBytes) {
        this.receiver = Objects.requireNonNull(receiver, "receiver must not be null");
        Check.between("maxBodyBytes", maxBodyBytes, 1, LARGEST_MAX_BODY_BYTES);
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * A handler for this receiver with the default body cap of 64 KiB.
     *
     * @param receiver the receiver that answers each push
     * @return the handler, to pass to {@code HttpServer.createContext}
     * @throws NullPointerException if {@code receiver} is null
     */
    public static WebhookHttpHandler of(WebhookReceiver receiver) {
        return new WebhookHttpHandler(receiver, DEFAULT_MAX_BODY_BYTES);
    }

    /**
     * A handler for this receiver that refuses bodies longer than {@code maxBodyBytes} with 413.
     *
     * @param receiver the receiver that answers each push
     * @param maxBodyBytes the largest body accepted, in bytes: 1 to {@value #LARGEST_MAX_BODY_BYTES}
     * @return the handler, to pass to {@code HttpServer.createContext}
     * @throws NullPointerException if {@code receiver} is null
     * @throws IllegalArgumentException if {@code maxBodyBytes} is out of range
     */
    public static WebhookHttpHandler of(WebhookReceiver receiver, int maxBodyBytes) {
        return new WebhookHttpHandler(receiver, maxBodyBytes);
    }

    /**
     * Answers one exchange; always closes it.
     *
     * @param exchange the request and its response
     * @throws IOException if reading the request or writing the response fails
     */
    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "POST");
                respond(exchange, 405, "only POST is accepted");
                return;
            }
            byte[] body = readCapped(exchange);
            if (body == null) {
                respond(exchange, 413, "body is longer than " + maxBodyBytes + " bytes");
                return;
            }
            WebhookResult result;
            try {
                result = receiver.receive(body, exchange.getRequestHeaders());
            } catch (RuntimeException e) {
                LOG.error("Webhook receiver failed unexpectedly with {}", e.getClass().getName(), e);
                respond(exchange, 500, "");
                return;
            }
            int status = result.httpStatus();
            // A 4xx reason helps whoever sends the push; a 5xx says nothing about the handler.
            respond(exchange, status, status >= 400 && status < 500 ? result.detail() : "");
        }
    }

    /**
     * The body, or null when it is longer than the cap; never reads more than cap + 1 bytes. The
     * body is read (up to that bound) even when Content-Length already says it is too long: a 413
     * sent before the client has finished writing a small body can reach it as a broken pipe
     * instead of an answer.
     */
    private byte[] readCapped(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(maxBodyBytes + 1);
            return body.length > maxBodyBytes ? null : body;
        }
    }

    private static void respond(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length == 0) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
