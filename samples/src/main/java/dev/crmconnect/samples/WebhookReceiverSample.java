package dev.crmconnect.samples;

import com.sun.net.httpserver.HttpServer;
import dev.crmconnect.model.ExportedCandidate;
import dev.crmconnect.sdk.CrmConnectClient;
import dev.crmconnect.sdk.SdkVersion;
import dev.crmconnect.sdk.webhook.WebhookEvent;
import dev.crmconnect.sdk.webhook.WebhookEventType;
import dev.crmconnect.sdk.webhook.WebhookHttpHandler;
import dev.crmconnect.sdk.webhook.WebhookReceiver;
import dev.crmconnect.sdk.webhook.WebhookVerifier;
import dev.crmconnect.testkit.ExportDestination;
import dev.crmconnect.testkit.FakeCrmConnect;
import dev.crmconnect.testkit.FakeMember;
import dev.crmconnect.testkit.FakeTenant;
import dev.crmconnect.testkit.PushDelivery;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The webhook receiver sample: a JDK {@code HttpServer} that receives 1-Click Export pushes,
 * verifies their signature ({@link WebhookHttpHandler} over a {@link WebhookReceiver}), and fetches
 * and prints each exported candidate with {@code client.exportedCandidates().byRequest}.
 *
 * <p>With no endpoint settings it runs a demo: it registers itself as the embedded fake server's
 * callback URL for the tenant, has a recruiter export a member, shows the push handled, a retried
 * push answered without being handled twice and a forged push refused, then exits. With endpoint
 * settings it listens on {@code --port} (default 8080) until stopped; put it behind HTTPS and
 * register its URL as the tenant's callback.
 */
public final class WebhookReceiverSample {

    private static final Set<String> VALUE_FLAGS = Set.of("port", "path", "base-url", "token-url", "client-id",
            "client-secret", "integration-context");
    private static final Set<String> SWITCHES = Set.of("help");
    private static final String DEMO_ORGANIZATION = "urn:li:organization:1001";
    private static final String DEMO_SECRET = "demo-webhook-secret";

    private WebhookReceiverSample() {
    }

    /**
     * What the demo saw.
     *
     * @param candidates  the candidates fetched for handled pushes
     * @param retryStatus the status a repeated push was answered with
     * @param forgedStatus the status a push with a wrong signature was answered with
     * @param delivery    the push's delivery, as the fake (LinkedIn) saw it
     */
    record Result(List<ExportedCandidate> candidates, int retryStatus, int forgedStatus, PushDelivery delivery) {
    }

    /**
     * Runs the sample; flags are listed by {@code --help}.
     *
     * @param args command-line flags
     */
    public static void main(String[] args) throws Exception {
        SampleArgs parsed;
        try {
            parsed = SampleArgs.parse(args, VALUE_FLAGS, SWITCHES, System::getenv);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        }
        if (parsed.has("help")) {
            System.out.println(usage());
            return;
        }
        System.out.println("CRM Connect webhook receiver sample (crmconnect-java " + SdkVersion.version() + ")");
        Optional<Endpoint> endpoint = Endpoint.from(parsed);
        if (endpoint.isPresent()) {
            serve(endpoint.get(), parsed.intFlag("port", 8080, 1), parsed.flag("path", "/crmconnect/push"));
        } else {
            demo(parsed.flag("path", "/crmconnect/push"), System.out);
        }
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
        for (ExportedCandidate candidate : client.exportedCandidates().byRequest(event.requestId())) {
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

    /** Runs the demo on the embedded fake server and returns what it saw. */
    static Result demo(String path, PrintStream out) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String callbackUrl = "http://127.0.0.1:" + server.getAddress().getPort() + path;
        FakeTenant tenant = new FakeTenant("webhook-demo", DEMO_SECRET, DEMO_ORGANIZATION);
        try (FakeCrmConnect fake = FakeCrmConnect.builder().tenant(tenant).start();
             CrmConnectClient client = fake.client()) {
            List<ExportedCandidate> fetched = new CopyOnWriteArrayList<>();
            server.createContext(path, WebhookHttpHandler.of(receiver(DEMO_SECRET, client, out, fetched)));
            server.start();
            out.println("Receiver: listening on " + callbackUrl);
            fake.addTenant(tenant.withCallbackUrl(callbackUrl)); // the tenant's callback URL, as LinkedIn keeps it
            out.println("Demo: the embedded fake server at " + fake.baseUrl() + " pushes the tenant's exports there");

            fake.addMember(FakeMember.builder("urn:li:person:demo-42").name("Grace", "Hopper")
                    .profileUrl("https://www.linkedin.com/in/demo-42")
                    .currentPosition("Staff Engineer", "Northwind Traders")
                    .location("London", "England", "GB").build());
            String requestId = fake.export("urn:li:person:demo-42", DEMO_ORGANIZATION,
                    ExportDestination.pool("p-engineering"));
            out.println("LinkedIn: a recruiter exported member urn:li:person:demo-42 into pool p-engineering"
                    + " (request " + requestId + ")");
            if (!fake.awaitPushes(Duration.ofSeconds(30))) {
                throw new IllegalStateException("the push was not delivered within 30 seconds");
            }
            PushDelivery delivery = fake.pushDeliveries().get(0);
            out.println("Delivery, as LinkedIn saw it: " + delivery.attempts() + " attempt(s), last answered "
                    + delivery.lastStatus());

            // What LinkedIn sends, signed as LinkedIn signs it: the same push again, as a retry would be.
            byte[] body = ("{\"eventType\":\"EXPORT_CANDIDATE_PROFILE\",\"requestId\":\"" + requestId
                    + "\",\"integrationContext\":\"" + DEMO_ORGANIZATION + "\",\"occurredAt\":"
                    + fake.clock().millis() + "}").getBytes(StandardCharsets.UTF_8);
            int retryStatus = post(callbackUrl, body, WebhookVerifier.of(DEMO_SECRET).sign(body));
            out.println("The same push again (as LinkedIn retries): answered " + retryStatus
                    + ", not handled a second time");
            int forgedStatus = post(callbackUrl, body, WebhookVerifier.of("not-the-secret").sign(body));
            out.println("A forged push (signed with another secret): answered " + forgedStatus);
            return new Result(List.copyOf(fetched), retryStatus, forgedStatus, delivery);
        } finally {
            server.stop(0);
        }
    }

    private static int post(String url, byte[] body, String signature) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header(WebhookVerifier.SIGNATURE_HEADER, signature)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .timeout(Duration.ofSeconds(10))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
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

    private static String usage() {
        return """
                usage: WebhookReceiverSample [flags]
                  with no endpoint settings: a demo on the embedded fake server, then exits
                  --port N                     the port to listen on with a real endpoint (default 8080)
                  --path PATH                  the callback path (default /crmconnect/push)
                  --base-url, --token-url, --client-id, --client-secret, --integration-context
                                               a real endpoint, or CRMCONNECT_* variables as for the poller
                  --help""";
    }
}
