package dev.crmconnect.sdk.internal.webhook;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.crmconnect.sdk.internal.json.Json;
import dev.crmconnect.sdk.webhook.WebhookEvent;
import dev.crmconnect.sdk.webhook.WebhookEventType;
import dev.crmconnect.sdk.exception.WebhookPayloadException;
import java.io.IOException;
import java.time.Instant;
import java.util.Objects;

/**
 * Reads a push body into a {@link WebhookEvent}. Known event types must carry all their fields;
 * an unknown type is passed on with whatever fields it has, as long as they have the right types.
 */
public final class WebhookEventParser {

    /** Longer than any id LinkedIn sends; bounds the memory of recent request ids. */
    public static final int MAX_ID_LENGTH = 256;

    private WebhookEventParser() {
    }

    /**
     * The event in this body.
     *
     * @throws WebhookPayloadException when the body is not a well-formed event
     */
    public static WebhookEvent parse(byte[] body) {
        Objects.requireNonNull(body, "body must not be null");
        JsonNode root = readTree(body);
        if (!root.isObject()) {
            throw new WebhookPayloadException(null, "Webhook body must be a JSON object");
        }
        String rawType = text(root, "eventType");
        if (rawType == null) {
            throw new WebhookPayloadException("eventType", "Webhook body field 'eventType' is required");
        }
        WebhookEventType type = WebhookEventType.fromWire(rawType);
        String requestId = text(root, "requestId");
        String integrationContext = text(root, "integrationContext");
        Instant occurredAt = epochMillis(root, "occurredAt");
        if (type != WebhookEventType.UNKNOWN) {
            required(requestId, "requestId", type);
            required(integrationContext, "integrationContext", type);
            required(occurredAt, "occurredAt", type);
        }
        return new WebhookEvent(type, rawType, requestId, integrationContext, occurredAt);
    }

    private static JsonNode readTree(byte[] body) {
        if (body.length == 0) {
            throw new WebhookPayloadException(null, "Webhook body is empty");
        }
        try {
            JsonNode root = Json.mapper().readTree(body);
            if (root == null || root.isMissingNode()) {
                throw new WebhookPayloadException(null, "Webhook body holds no JSON value");
            }
            return root;
        } catch (JsonProcessingException e) {
            // Jackson's own message may quote the body; only the position is passed on.
            throw new WebhookPayloadException(null, "Webhook body is not well-formed JSON" + where(e.getLocation()));
        } catch (IOException e) {
            throw new WebhookPayloadException(null, "Webhook body is not well-formed JSON");
        }
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** A non-blank string field of at most MAX_ID_LENGTH characters, or null when absent or null. */
    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new WebhookPayloadException(field, "Webhook body field '" + field + "' must be a string");
        }
        String value = node.textValue();
        if (value.isBlank()) {
            throw new WebhookPayloadException(field, "Webhook body field '" + field + "' must not be blank");
        }
        if (value.length() > MAX_ID_LENGTH) {
            throw new WebhookPayloadException(field,
                    "Webhook body field '" + field + "' must be at most " + MAX_ID_LENGTH + " characters");
        }
        return value;
    }

    /** An integer field of epoch milliseconds, or null when absent or null. */
    private static Instant epochMillis(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new WebhookPayloadException(field,
                    "Webhook body field '" + field + "' must be an integer of epoch milliseconds");
        }
        return Instant.ofEpochMilli(node.longValue());
    }

    private static void required(Object value, String field, WebhookEventType type) {
        if (value == null) {
            throw new WebhookPayloadException(field,
                    "Webhook body field '" + field + "' is required for " + type + " events");
        }
    }
}
