package dev.crmconnect.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.crmconnect.sdk.exception.CrmConnectException;
import dev.crmconnect.sdk.internal.http.ApiRequest;
import dev.crmconnect.sdk.logcapture.CapturedLogs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Proves that no token, secret or email reaches a log line (at any level) or an exception message. */
class LoggingTest {

    @RegisterExtension
    static WireMockExtension wm = TestSupport.wireMock();

    private static final String EMAIL = "jane.doe@example.com";
    private static final List<String> FORBIDDEN = List.of(TestSupport.TOKEN, TestSupport.CLIENT_SECRET, "jane.doe",
            "example.com", "Bearer");

    private static final String EMAIL_JSON = "{\"emailAddresses\":[\"" + EMAIL + "\"],\"firstName\":\"Jane\"}";

    @Test
    void noTokenSecretOrEmailIsEverLogged() {
        CapturedLogs.clear();
        TestSupport.stubToken(wm);
        // A batch update that fails with a 500 whose body holds an email, then succeeds echoing it.
        wm.stubFor(put(urlPathEqualTo("/v2/crmContacts")).inScenario("s").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500).withBody("{\"detail\":\"" + EMAIL + "\",\"status\":500}"))
                .willSetStateTo("ok"));
        wm.stubFor(put(urlPathEqualTo("/v2/crmContacts")).inScenario("s").whenScenarioStateIs("ok")
                .willReturn(okJson("{\"results\":{\"k\":" + EMAIL_JSON + "}}").withHeader("X-LI-UUID", "req-1")));
        // A 401 that forces a token refresh, then an HTML body holding an email.
        wm.stubFor(get(urlPathEqualTo("/v2/crmNotes")).inScenario("n").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(401).withBody("{\"message\":\"expired\"}")).willSetStateTo("html"));
        wm.stubFor(get(urlPathEqualTo("/v2/crmNotes")).inScenario("n").whenScenarioStateIs("html")
                .willReturn(aResponse().withStatus(200).withBody("<html>" + EMAIL + " " + TestSupport.TOKEN + "</html>")));
        ClientListener throwingListener = new ClientListener() {
            @Override
            public void onRequestCompleted(RequestCompleted event) {
                throw new IllegalStateException("listener broke on " + EMAIL);
            }
        };
        List<CrmConnectException> failures = new ArrayList<>();
        try (CrmConnectClient client = TestSupport.builder(wm).listener(throwingListener).build()) {
            TestSupport.call(client, ApiRequest.batchUpdate("/crmContacts",
                    "ids=List(jane.doe%40example.com)", Map.of("entities", Map.of("k", EMAIL_JSON)), 1));
            failures.add(TestSupport.failure(TestSupport.api(client).send(
                    ApiRequest.finder("/crmNotes", "q=contact&email=jane.doe%40example.com"), RequestOptions.defaults())));
        }
        // A tenant whose secret is refused.
        wm.resetAll();
        wm.stubFor(post(urlPathEqualTo(TestSupport.TOKEN_PATH)).willReturn(aResponse().withStatus(401).withBody(
                "{\"error\":\"invalid_client\",\"error_description\":\"bad secret " + TestSupport.CLIENT_SECRET + "\"}")));
        try (CrmConnectClient client = TestSupport.builder(wm).build()) {
            failures.add(TestSupport.failure(TestSupport.api(client).send(TestSupport.finder(), RequestOptions.defaults())));
        }

        List<String> lines = CapturedLogs.lines();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("DEBUG") && l.contains("BATCH_UPDATE /crmContacts -> 500 attempt 1")),
                String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.contains("BATCH_UPDATE /crmContacts -> 200 attempt 2")
                && l.contains("request id req-1")), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.contains("FINDER /crmNotes -> 401 attempt 1")), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("WARN") && l.contains("ClientListener")), "listener failure logged");
        for (String line : lines) {
            for (String forbidden : FORBIDDEN) {
                assertFalse(line.contains(forbidden), "logged '" + forbidden + "': " + line);
            }
            assertFalse(line.contains("ids=") || line.contains("q=contact"), "a query was logged: " + line);
        }
        for (CrmConnectException failure : failures) {
            for (String forbidden : FORBIDDEN) {
                assertFalse(failure.toString().contains(forbidden), failure.toString());
                for (Throwable suppressed : failure.getSuppressed()) {
                    assertFalse(suppressed.toString().contains(forbidden), suppressed.toString());
                }
            }
        }
    }
}
