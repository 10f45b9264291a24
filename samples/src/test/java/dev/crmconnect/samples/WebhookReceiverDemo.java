package dev.crmconnect.samples;

import com.sun.net.httpserver.HttpServer;
import dev.crmconnect.model.ExportedCandidate;
import dev.crmconnect.sdk.CrmConnectClient;
import dev.crmconnect.sdk.webhook.WebhookHttpHandler;
import dev.crmconnect.sdk.webhook.WebhookVerifier;
import dev.crmconnect.testkit.ExportDestination;
import dev.crmconnect.testkit.FakeCrmConnect;
import dev.crmconnect.testkit.FakeMember;
import dev.crmconnect.testkit.FakeTenant;
import dev.crmconnect.testkit.PushDelivery;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The webhook receiver demo ({@code -Prun-webhook}): registers {@link WebhookReceiverSample}'s
 * receiver as the embedded fake server's callback URL for the tenant, has a recruiter export a
 * member, shows the push handled, a retried push answered without being handled twice and a forged
 * push refused, then exits. With endpoint settings it runs {@link WebhookReceiverSample} instead.
 * It is the demo harness, kept in the tests because it needs the testkit; copy
 * {@link WebhookReceiverSample}, not this.
 */
public final class WebhookReceiverDemo {

    private static final String DEMO_ORGANIZATION = "urn:li:organization:1001";
    private static final String DEMO_SECRET = "demo-webhook-secret";

    private WebhookReceiverDemo() {
    }

    /**
     * What the demo saw.
     *
     * @param candidates   the candidates fetched for handled pushes
     * @param retryStatus  the status a repeated push was answered with
     * @param forgedStatus the status a push with a wrong signature was answered with
     * @param delivery     the push's delivery, as the fake (LinkedIn) saw it
     */
    record Result(List<ExportedCandidate> candidates, int retryStatus, int forgedStatus, PushDelivery delivery) {
    }

    /**
     * Runs the demo, or {@link WebhookReceiverSample} when endpoint settings are given; the flags
     * are the sample's.
     *
     * @param args command-line flags
     */
    public static void main(String[] args) throws Exception {
        SampleArgs parsed = SampleArgs.fromMain(args, WebhookReceiverSample.VALUE_FLAGS, WebhookReceiverSample.SWITCHES, usage());
        if (parsed == null) {
            return; // --help
        }
        if (Endpoint.from(parsed).isPresent()) {
            WebhookReceiverSample.main(args);
            return;
        }
        System.out.println(WebhookReceiverSample.title());
        demo(parsed.flag("path", "/crmconnect/push"), System.out);
    }

    /** Runs the demo on the embedded fake server and returns what it saw. */
    static Result demo(String path, PrintStream out) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String callbackUrl = "http://127.0.0.1:" + server.getAddress().getPort() + path;
        FakeTenant tenant = new FakeTenant("webhook-demo", DEMO_SECRET, DEMO_ORGANIZATION);
        try (FakeCrmConnect fake = FakeCrmConnect.builder().tenant(tenant).start();
             CrmConnectClient client = fake.client()) {
            List<ExportedCandidate> fetched = new CopyOnWriteArrayList<>();
            server.createContext(path, WebhookHttpHandler.of(
                    WebhookReceiverSample.receiver(DEMO_SECRET, client, out, fetched)));
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

    private static String usage() {
        return WebhookReceiverSample.usage().replace("usage: WebhookReceiverSample [flags]\n"
                + "  receives the pushes of the tenant the CRMCONNECT_* variables or these flags name, until stopped",
                "usage: WebhookReceiverDemo [flags]\n"
                + "  with no endpoint settings: a demo on the embedded fake server, then exits;"
                + " with them, WebhookReceiverSample");
    }
}
