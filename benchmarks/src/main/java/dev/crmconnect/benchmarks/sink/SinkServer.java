package dev.crmconnect.benchmarks.sink;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fast local stand-in for CRM Connect, on the JDK's {@link HttpServer}, that does as little as
 * the contract allows so that the client's cost is what a benchmark sees:
 * <ul>
 *   <li>{@code POST /oauth/v2/accessToken}: a token valid for 30 minutes;</li>
 *   <li>{@code PUT /v2/crmContacts} (BATCH_UPDATE): reads and discards the body, answers
 *       {@code {"results":{"<key>":{"status":204},...}}} for the keys of the {@code ids} query;</li>
 *   <li>{@code GET /v2/exportDeletionNotices}: pages of notices generated on the fly from their
 *       index (see {@link NoticeFeedModel}), honouring {@code publishedAfter}, {@code start} and
 *       {@code count};</li>
 *   <li>{@code GET /stats}: {@code {"requests":..,"records":..,"bodyBytes":..}} of the batch calls.</li>
 * </ul>
 * Any other request gets 404. With a latency, each feed page is answered that long after it was
 * asked for, from a timer thread, so that a worker never sleeps and many calls wait at once.
 */
public final class SinkServer implements AutoCloseable {

    /** The token endpoint's answer. */
    public static final byte[] TOKEN = "{\"access_token\":\"sink-token\",\"expires_in\":1800}"
            .getBytes(StandardCharsets.US_ASCII);

    private final HttpServer server;
    private final ExecutorService workers;
    private final NoticeFeedModel notices;
    private final long feedLatencyMillis;
    private final ScheduledExecutorService delays;
    private final AtomicLong batchRequests = new AtomicLong();
    private final AtomicLong batchRecords = new AtomicLong();
    private final AtomicLong bodyBytes = new AtomicLong();

    private SinkServer(HttpServer server, ExecutorService workers, NoticeFeedModel notices, long feedLatencyMillis) {
        this.server = server;
        this.workers = workers;
        this.notices = notices;
        this.feedLatencyMillis = feedLatencyMillis;
        this.delays = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "sink-delays");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts a sink on a free loopback port, serving a feed of {@code notices}. */
    public static SinkServer start(NoticeFeedModel notices, int threads) throws IOException {
        return start(notices, threads, 0);
    }

    /** Starts a sink whose feed pages are answered {@code feedLatencyMillis} after they are asked for. */
    public static SinkServer start(NoticeFeedModel notices, int threads, long feedLatencyMillis) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        ExecutorService workers = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "sink-worker");
            thread.setDaemon(true);
            return thread;
        });
        SinkServer sink = new SinkServer(server, workers, notices, feedLatencyMillis);
        server.createContext("/", sink::handle);
        server.setExecutor(workers);
        server.start();
        return sink;
    }

    /** The port listened on, on the loopback address. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String origin() {
        return "http://127.0.0.1:" + port();
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
        delays.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        if (feedLatencyMillis > 0 && exchange.getRequestURI().getRawPath().equals("/v2/exportDeletionNotices")) {
            drain(exchange.getRequestBody());
            byte[] page = notices.page(exchange.getRequestURI().getRawQuery());
            delays.schedule(() -> {
                try (exchange) {
                    reply(exchange, 200, page);
                } catch (IOException e) {
                    // The client went away meanwhile; nothing to answer.
                }
            }, feedLatencyMillis, TimeUnit.MILLISECONDS);
            return;
        }
        try (exchange) {
            long read = drain(exchange.getRequestBody());
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            if (method.equals("POST") && path.equals("/oauth/v2/accessToken")) {
                reply(exchange, 200, TOKEN);
            } else if (method.equals("PUT") && path.equals("/v2/crmContacts")) {
                List<String> keys = idsOf(query);
                batchRequests.incrementAndGet();
                batchRecords.addAndGet(keys.size());
                bodyBytes.addAndGet(read);
                reply(exchange, 200, batchResult(keys));
            } else if (method.equals("GET") && path.equals("/v2/exportDeletionNotices")) {
                reply(exchange, 200, notices.page(query));
            } else if (method.equals("GET") && path.equals("/stats")) {
                reply(exchange, 200, ("{\"requests\":" + batchRequests.get() + ",\"records\":" + batchRecords.get()
                        + ",\"bodyBytes\":" + bodyBytes.get() + "}").getBytes(StandardCharsets.US_ASCII));
            } else {
                reply(exchange, 404, "{\"message\":\"not served by the sink\",\"serviceErrorCode\":404,\"status\":404}"
                        .getBytes(StandardCharsets.US_ASCII));
            }
        }
    }

    private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("X-LI-UUID", "sink");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static long drain(InputStream in) throws IOException {
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            total += n;
        }
        return total;
    }

    /** The keys of {@code ids=List(k1,k2,...)} as they stand in the query: split at top-level commas. */
    public static List<String> idsOf(String query) {
        List<String> keys = new ArrayList<>(100);
        if (query == null) {
            return keys;
        }
        int at = query.startsWith("ids=") ? 0 : query.indexOf("&ids=");
        if (at < 0) {
            return keys;
        }
        int begin = query.indexOf("List(", at) + "List(".length();
        int depth = 0;
        int keyStart = begin;
        for (int i = begin; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (depth == 0) {
                    if (i > keyStart) {
                        keys.add(query.substring(keyStart, i));
                    }
                    break;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                keys.add(query.substring(keyStart, i));
                keyStart = i + 1;
            }
        }
        return keys;
    }

    /** {@code {"results":{"<key>":{"status":204},...},"errors":{}}}. */
    public static byte[] batchResult(List<String> keys) {
        StringBuilder json = new StringBuilder(32 + keys.size() * 110).append("{\"results\":{");
        for (int i = 0; i < keys.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append('"').append(keys.get(i)).append("\":{\"status\":204}");
        }
        return json.append("},\"errors\":{}}").toString().getBytes(StandardCharsets.UTF_8);
    }
}
