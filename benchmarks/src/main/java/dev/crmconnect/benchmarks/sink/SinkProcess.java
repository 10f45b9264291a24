package dev.crmconnect.benchmarks.sink;

import dev.crmconnect.testsupport.ExitWithParent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A {@link SinkServer} in a child JVM started from this JVM's own class path. */
public final class SinkProcess implements AutoCloseable {

    /** Enough for the sink's buffers; the sink keeps nothing. */
    private static final String SINK_HEAP = "-Xmx256m";
    /** Without it the JDK's HttpServer leaves Nagle's algorithm on: 40 ms delayed-ACK stalls per exchange. */
    private static final String NO_DELAY = "-Dsun.net.httpserver.nodelay=true";
    private static final int SINK_THREADS = 4;
    private static final Pattern COUNTS = Pattern.compile(
            "\"requests\":(\\d+),\"records\":(\\d+),\"bodyBytes\":(\\d+)");

    private final Process process;
    private final int port;

    private SinkProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts a sink serving {@code notices} and waits until it listens. */
    public static SinkProcess start(NoticeFeedModel notices) throws IOException {
        return start(notices, 0);
    }

    /** Starts a sink serving {@code notices}, each feed page answered after {@code feedLatencyMillis}. */
    public static SinkProcess start(NoticeFeedModel notices, long feedLatencyMillis) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, SINK_HEAP, NO_DELAY, ExitWithParent.parentPidOption(),
                "-cp", System.getProperty("java.class.path"), SinkMain.class.getName(),
                Long.toString(notices.total()), Long.toString(notices.firstPublishedAt()),
                Long.toString(notices.spacingMillis()), Integer.toString(SINK_THREADS),
                Long.toString(feedLatencyMillis)))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null || !line.startsWith("port=")) {
            process.destroyForcibly();
            throw new IOException("the sink did not start: " + line);
        }
        return new SinkProcess(process, Integer.parseInt(line.substring("port=".length())));
    }

    /** {@code http://127.0.0.1:<port>/v2}. */
    public String baseUrl() {
        return origin() + "/v2";
    }

    /** {@code http://127.0.0.1:<port>/oauth/v2/accessToken}. */
    public String tokenUrl() {
        return origin() + "/oauth/v2/accessToken";
    }

    private String origin() {
        return "http://127.0.0.1:" + port;
    }

    /** The batch calls the sink answered so far: requests, records, request body bytes. */
    public long[] counts() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        String body = client.send(HttpRequest.newBuilder(URI.create(origin() + "/stats")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = COUNTS.matcher(body);
        if (!m.find()) {
            throw new IOException("unexpected sink stats: " + body);
        }
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3))};
    }

    /** Stops the sink: closes its input, then ends it if it lingers. */
    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroy();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            process.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
        }
    }
}
