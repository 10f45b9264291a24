package dev.crmconnect.sdk.privacy;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.crmconnect.model.Contact;
import dev.crmconnect.sdk.CrmConnectClient;
import dev.crmconnect.sdk.RequestOptions;
import dev.crmconnect.sdk.webhook.WebhookEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.extension.RegisterExtension;

class ExportImporterTest {

    @RegisterExtension
    static WireMockExtension wm = Wire.server();

    private CrmConnectClient client;
    private ExportImporter importer;

    @BeforeEach
    void setUp() {
        client = Wire.client(wm);
        importer = ExportImporter.of(client);
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    private static WebhookEvent event(String type, String context) {
        return WebhookEvent.parse(("{\"eventType\":\"" + type + "\",\"requestId\":\"req-1\",\"integrationContext\":\""
                + context + "\",\"occurredAt\":1717754400000}").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anExportEventFetchesTheCandidateByRequestAndDraftsIt() {
        wm.stubFor(get(urlPathEqualTo("/v2/exportedCandidates")).willReturn(okJson("{\"elements\":[{"
                + "\"requestId\":\"req-1\",\"member\":\"urn:li:person:42\",\"firstName\":\"Ada\","
                + "\"currentCompanyName\":\"Analytical Engines\",\"location\":{\"country\":\"GB\"},"
                + "\"destination\":{\"type\":\"VACANCY\",\"crmId\":\"v-3\"},"
                + "\"integrationContext\":\"urn:li:organization:1001\"}],\"paging\":{\"start\":0,\"count\":100,\"total\":1}}")));

        List<ContactDraft> drafts = importer.draftsFor(event("EXPORT_CANDIDATE_PROFILE", Wire.CONTEXT));

        assertEquals(1, drafts.size());
        Contact contact = drafts.get(0).toContact("c-new");
        assertEquals("Ada", contact.firstName());
        assertNull(contact.lastName());
        assertEquals("Analytical Engines", contact.currentCompanyName());
        assertEquals("GB", contact.addresses().get(0).country());
        assertEquals("v-3", drafts.get(0).destination().orElseThrow().crmId());
        wm.verify(1, getRequestedFor(urlPathEqualTo("/v2/exportedCandidates"))
                .withQueryParam("q", equalTo("request")).withQueryParam("requestId", equalTo("req-1")));
    }

    @Test
    void otherEventsAndOtherTenantsAreRefusedBeforeAnyCall() {
        assertEquals("event.eventType: must be EXPORT_CANDIDATE_PROFILE",
                assertThrows(IllegalArgumentException.class,
                        () -> importer.draftsFor(event("INTEGRATION_STATUS_CHANGE", Wire.CONTEXT))).getMessage());
        assertEquals("event.integrationContext: must be this client's tenant",
                assertThrows(IllegalArgumentException.class,
                        () -> importer.draftsFor(event("EXPORT_CANDIDATE_PROFILE", "urn:li:organization:2002")))
                        .getMessage());
        assertThrows(NullPointerException.class, () -> importer.draftsFor(null));
        assertEquals(0, wm.findAll(anyRequestedFor(anyUrl())).size());
    }

    @Test
    void aRefusedEventIsNotEchoedInTheMessage() {
        String hostile = "urn:li:organization:EVIL<script>";
        assertNotEchoed(hostile, "event.eventType: must be EXPORT_CANDIDATE_PROFILE",
                () -> importer.draftsFor(event(hostile, Wire.CONTEXT)));
        assertNotEchoed(hostile, "event.integrationContext: must be this client's tenant",
                () -> importer.draftsFor(event("EXPORT_CANDIDATE_PROFILE", hostile)));
        assertNotEchoed(hostile, "event.integrationContext: must be this client's tenant",
                () -> importer.draftsForAsync(event("EXPORT_CANDIDATE_PROFILE", hostile), RequestOptions.defaults())
                        .join());
        assertEquals(0, wm.findAll(anyRequestedFor(anyUrl())).size());
    }

    /** The call fails with {@code message} somewhere in its cause chain, and no message there holds {@code sent}. */
    private static void assertNotEchoed(String sent, String message, Executable call) {
        Throwable thrown = assertThrows(RuntimeException.class, call);
        boolean found = false;
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains("EVIL"), "echoed: " + t);
            assertFalse(String.valueOf(t.getMessage()).contains(sent), "echoed: " + t);
            found |= message.equals(t.getMessage());
        }
        assertTrue(found, "expected " + message + " in " + thrown);
    }
}
