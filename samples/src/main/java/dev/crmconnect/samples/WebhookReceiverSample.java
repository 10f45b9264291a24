package dev.crmconnect.samples;

import com.sun.net.httpserver.HttpServer;
import dev.crmconnect.model.ExportedCandidate;
import dev.crmconnect.sdk.CrmConnectClient;
import dev.crmconnect.sdk.SdkVersion;
import dev.crmconnect.sdk.webhook.WebhookEvent;
import dev.crmconnect.sdk.webhook.WebhookEventType;
import dev.crmconnect.sdk.webhook.WebhookHttpHandler;
import dev.crmconnect.sdk.webhook.WebhookReceiver;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The webhook receiver sample: a JDK {@code HttpServer} that receives 1-Click Export pushes,
 * verifies their signature ({@link WebhookHttpHandler} over a {@link WebhookReceiver}), and fetches
 * and prints each exported candidate with {@code client.exportedCandidates().listByRequest}.
 *
 * <p>It listens on {@code --port} (default 8080) for the pushes of the tenant that the
 * {@code CRMCONNECT_*} settings (or the matching flags) name, until stopped; put it behind HTTPS and
 * register its URL as the tenant's callback. The demo on the embedded fake server (a push handled,
 * a retried push answered without being handled twice, a forged push refused) is
 * {@code WebhookReceiverDemo} in the module's tests, which uses {@link #receiver}: this class does
 * not need the testkit.
 */
public final class WebhookReceiverSample {

    /** The flags that take a value, without their dashes. */
    static final Set<String> VALUE_FLAGS = Set.of("port", "path", "base-url", "token-url", "client-id",
            "client-secret", "integration-context");
    /** The flags that take none. */
    static final Set<String> SWITCHES = Set.of("help");

    private WebhookReceiverSample() {
    }

    /**
     * Runs the sample against the endpoint the settings name; flags are listed by {@code --help}.
     *
     * @param args command-line flags
     */
    public static void main(String[] args) throws Exception {
        SampleArgs parsed = SampleArgs.fromMain(args, VALUE_FLAGS, SWITCHES, usage());
        if (parsed == null) {
            return; // --help
        }
        Endpoint endpoint = SampleArgs.exitOnInvalidSetting(() -> Endpoint.require(parsed));
        System.out.println(title());
        serve(endpoint, parsed.intFlag("port", 8080, 1), parsed.flag("path", "/crmconnect/push"));
    }

    /** The first line a run prints. */
    static String title() {
        return "CRM Connect webhook receiver sample (crmconnect-java " + SdkVersion.version() + ")";
    }

    /** The receiver: verifies each push, then fetches and prints the exported candidate. */
    static WebhookReceiver receiver(String clientSecret, CrmConnectClient client, PrintStream out,
                                    List<ExportedCandidate> fetched) {
        return WebhookReceiver.builder()
                .clientSecret(clientSecret)
                .handler(event -> handle(event, client, out, fetched))
                .build();
    }

    private static void handle(WebhookEvent event, CrmConnectClient client, PrintStream out,
                               List<ExportedCandidate> fetched) {
        out.println("Push received and verified: " + event.rawType() + ", request " + event.requestId());
        if (event.type() != WebhookEventType.EXPORT_CANDIDATE_PROFILE) {
            return; // INTEGRATION_STATUS_CHANGE, or a type this SDK does not know: nothing to fetch
        }
        // Throwing here answers 500, and LinkedIn retries the push later.
        for (ExportedCandidate candidate : client.exportedCandidates().listByRequest(event.requestId())) {
            out.println("  candidate: " + describe(candidate));
            fetched.add(candidate);
        }
    }

    /** The candidate for a log line: first name and initial only, never the whole name. */
    static String describe(ExportedCandidate c) {
        StringBuilder line = new StringBuilder(c.member());
        if (c.firstName() != null) {
            line.append(", ").append(c.firstName());
            if (c.lastName() != null && !c.lastName().isEmpty()) {
                line.append(' ').append(c.lastName().charAt(0)).append('.');
            }
        }
        if (c.currentJobTitle() != null) {
            line.append(", ").append(c.currentJobTitle());
        }
        if (c.currentCompanyName() != null) {
            line.append(" at ").append(c.currentCompanyName());
        }
        if (c.location() != null && c.location().city() != null) {
            line.append(", ").append(c.location().city());
        }
        if (c.destination() != null) {
            line.append("; into ").append(c.destination().type()).append(' ').append(c.destination().crmId());
        }
        return line.toString();
    }

    /** Listens for a real tenant's pushes until the process is stopped. */
    private static void serve(Endpoint endpoint, int port, String path) throws InterruptedException {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on port " + port, e);
        }
        CrmConnectClient client = endpoint.clientBuilder().build();
        server.createContext(path, WebhookHttpHandler.of(
                receiver(endpoint.clientSecret(), client, System.out, new CopyOnWriteArrayList<>())));
        server.start();
        System.out.println("Endpoint: " + endpoint.describe());
        System.out.println("Receiver: listening on port " + port + ", path " + path + ". LinkedIn pushes only to"
                + " HTTPS: expose it behind TLS and register that URL as the tenant's callback. Ctrl-C stops.");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop(1);
            client.close();
            stopped.countDown();
        }));
        stopped.await(Long.MAX_VALUE, TimeUnit.DAYS);
    }

    /** The flags of this class's {@link #main}. */
    static String usage() {
        return """
                usage: WebhookReceiverSample [flags]
                  receives the pushes of the tenant the CRMCONNECT_* variables or these flags name, until stopped
                  --port N                     the port to listen on (default 8080)
                  --path PATH                  the callback path (default /crmconnect/push)
                  --base-url URL               or CRMCONNECT_BASE_URL (default LinkedIn's)
                  --token-url URL              or CRMCONNECT_TOKEN_URL (default LinkedIn's)
                  --client-id ID               or CRMCONNECT_CLIENT_ID
                  --client-secret SECRET       or CRMCONNECT_CLIENT_SECRET (prefer the variable)
                  --integration-context URN    or CRMCONNECT_INTEGRATION_CONTEXT
                  --help""";
    }
}
