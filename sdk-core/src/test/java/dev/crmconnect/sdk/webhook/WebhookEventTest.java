package dev.crmconnect.sdk.webhook;

import static dev.crmconnect.sdk.webhook.Pushes.CONTEXT;
import static dev.crmconnect.sdk.webhook.Pushes.OCCURRED_AT;
import static dev.crmconnect.sdk.webhook.Pushes.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmconnect.sdk.exception.WebhookPayloadException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookEventTest {

    @Test
    void readsAnExportEvent() {
        WebhookEvent event = WebhookEvent.parse(Pushes.exportBody("req-42"));
        assertEquals(WebhookEventType.EXPORT_CANDIDATE_PROFILE, event.type());
        assertEquals("EXPORT_CANDIDATE_PROFILE", event.rawType());
        assertEquals("req-42", event.requestId());
        assertEquals(CONTEXT, event.integrationContext());
        assertEquals(Instant.ofEpochMilli(OCCURRED_AT), event.occurredAt());
    }

    @Test
    void readsAnIntegrationStatusChangeAndIgnoresUnknownFields() {
        WebhookEvent event = WebhookEvent.parse(utf8("{\"eventType\":\"INTEGRATION_STATUS_CHANGE\","
                + "\"requestId\":\"r-9\",\"integrationContext\":\"urn:li:organization:7\",\"occurredAt\":5,"
                + "\"status\":\"DISABLED\",\"extra\":{\"nested\":[1,2]}}"));
        assertEquals(WebhookEventType.INTEGRATION_STATUS_CHANGE, event.type());
        assertEquals("r-9", event.requestId());
        assertEquals(Instant.ofEpochMilli(5), event.occurredAt());
    }

    @Test
    void anUnknownTypeIsPassedOnWithItsRawName() {
        WebhookEvent event = WebhookEvent.parse(utf8("{\"eventType\":\"MEMBER_WAVED\",\"requestId\":\"r-1\"}"));
        assertEquals(WebhookEventType.UNKNOWN, event.type());
        assertEquals("MEMBER_WAVED", event.rawType());
        assertEquals("r-1", event.requestId());
        assertNull(event.integrationContext());
        assertNull(event.occurredAt());
    }

    @ParameterizedTest
    @ValueSource(strings = {"UNKNOWN", "export_candidate_profile", "EXPORT_CANDIDATE_PROFILE "})
    void namesThatOnlyResembleAKnownTypeAreUnknown(String name) {
        WebhookEvent event = WebhookEvent.parse(utf8("{\"eventType\":\"" + name + "\"}"));
        assertEquals(WebhookEventType.UNKNOWN, event.type());
        assertEquals(name, event.rawType());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not json                       | x                                                                   | ",
        "empty                          | ''                                                                  | ",
        "whitespace only                | '   '                                                               | ",
        "an array                       | [1,2]                                                               | ",
        "a string                       | '\"EXPORT_CANDIDATE_PROFILE\"'                                      | ",
        "null                           | null                                                                | ",
        "truncated                      | '{\"eventType\":\"EXPORT_CANDIDATE_PROFILE\"'                       | ",
        "trailing tokens                | '{\"eventType\":\"X\"} {}'                                           | ",
        "no eventType                   | '{\"requestId\":\"r\"}'                                             | eventType",
        "eventType a number             | '{\"eventType\":3}'                                                 | eventType",
        "eventType blank                | '{\"eventType\":\" \"}'                                             | eventType",
        "requestId a number             | '{\"eventType\":\"X\",\"requestId\":12}'                            | requestId",
        "requestId an object            | '{\"eventType\":\"X\",\"requestId\":{}}'                            | requestId",
        "occurredAt a string            | '{\"eventType\":\"X\",\"occurredAt\":\"1700000000000\"}'            | occurredAt",
        "occurredAt a fraction          | '{\"eventType\":\"X\",\"occurredAt\":1.5}'                          | occurredAt",
        "occurredAt beyond long         | '{\"eventType\":\"X\",\"occurredAt\":99999999999999999999}'         | occurredAt",
        "integrationContext a boolean   | '{\"eventType\":\"X\",\"integrationContext\":true}'                 | integrationContext",
        "export without requestId       | '{\"eventType\":\"EXPORT_CANDIDATE_PROFILE\",\"integrationContext\":\"urn:li:organization:1\",\"occurredAt\":1}' | requestId",
        "export with null requestId     | '{\"eventType\":\"EXPORT_CANDIDATE_PROFILE\",\"requestId\":null,\"integrationContext\":\"urn:li:organization:1\",\"occurredAt\":1}' | requestId",
        "export without context         | '{\"eventType\":\"EXPORT_CANDIDATE_PROFILE\",\"requestId\":\"r\",\"occurredAt\":1}' | integrationContext",
        "export without occurredAt      | '{\"eventType\":\"EXPORT_CANDIDATE_PROFILE\",\"requestId\":\"r\",\"integrationContext\":\"urn:li:organization:1\"}' | occurredAt",
        "status change without requestId| '{\"eventType\":\"INTEGRATION_STATUS_CHANGE\",\"integrationContext\":\"urn:li:organization:1\",\"occurredAt\":1}' | requestId",
    })
    void malformedBodiesAreRefusedNamingTheField(String name, String body, String field) {
        WebhookPayloadException e = assertThrows(WebhookPayloadException.class, () -> WebhookEvent.parse(utf8(body)));
        assertEquals(field, e.field(), e.getMessage());
        if (field != null) {
            assertTrue(e.getMessage().contains("'" + field + "'"), e.getMessage());
        }
    }

    @Test
    void anOverlongIdIsRefused() {
        String longId = "r".repeat(257);
        WebhookPayloadException e = assertThrows(WebhookPayloadException.class,
                () -> WebhookEvent.parse(Pushes.exportBody(longId)));
        assertEquals("requestId", e.field());
        assertEquals("r".repeat(256), WebhookEvent.parse(Pushes.exportBody("r".repeat(256))).requestId());
    }

    @Test
    void invalidUtf8AndDeepNestingAreRefused() {
        assertThrows(WebhookPayloadException.class,
                () -> WebhookEvent.parse(new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'}));
        String deep = "{\"eventType\":\"X\",\"a\":" + "[".repeat(1000) + "]".repeat(1000) + "}";
        assertThrows(WebhookPayloadException.class, () -> WebhookEvent.parse(utf8(deep)));
    }

    @Test
    void messagesNeverEchoTheBody() {
        for (String body : new String[] {"jane.doe@example.com", "{\"eventType\":jane.doe}",
            "{\"eventType\":\"X\",\"requestId\":\"jane.doe@example.com\",\"occurredAt\":\"jane.doe\"}"}) {
            WebhookPayloadException e = assertThrows(WebhookPayloadException.class, () -> WebhookEvent.parse(utf8(body)));
            assertFalse(e.getMessage().contains("jane"), e.getMessage());
            assertNull(e.getCause());
        }
    }

    @Test
    void theRecordKeepsTypeAndFieldsConsistent() {
        Instant at = Instant.ofEpochMilli(1);
        assertThrows(IllegalArgumentException.class,
                () -> new WebhookEvent(WebhookEventType.UNKNOWN, "EXPORT_CANDIDATE_PROFILE", "r", CONTEXT, at));
        assertThrows(NullPointerException.class,
                () -> new WebhookEvent(WebhookEventType.EXPORT_CANDIDATE_PROFILE, "EXPORT_CANDIDATE_PROFILE",
                        null, CONTEXT, at));
        assertEquals("r", new WebhookEvent(WebhookEventType.UNKNOWN, "NEW", "r", null, null).requestId());
    }
}
