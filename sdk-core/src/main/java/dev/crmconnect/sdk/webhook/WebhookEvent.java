package dev.crmconnect.sdk.webhook;

import dev.crmconnect.sdk.exception.WebhookPayloadException;
import dev.crmconnect.sdk.internal.webhook.WebhookEventParser;
import java.time.Instant;
import java.util.Objects;

/**
 * One push from LinkedIn, read from its JSON body.
 *
 * @param type the kind of event; {@link WebhookEventType#UNKNOWN} for types this SDK does not know
 * @param rawType the {@code eventType} exactly as sent
 * @param requestId the push's id, the same on every retry; never null for known types
 * @param integrationContext the tenant, {@code urn:li:organization:<digits>}; never null for known types
 * @param occurredAt when it happened (epoch milliseconds on the wire); never null for known types
 */
public record WebhookEvent(
        WebhookEventType type, String rawType, String requestId, String integrationContext, Instant occurredAt) {

    /**
     * Checks that the type agrees with the raw type and that a known type has all its fields.
     *
     * @param type the kind of event; {@link WebhookEventType#UNKNOWN} for types this SDK does not know
     * @param rawType the {@code eventType} exactly as sent
     * @param requestId the push's id, the same on every retry; never null for known types
     * @param integrationContext the tenant, {@code urn:li:organization:<digits>}; never null for known types
     * @param occurredAt when it happened (epoch milliseconds on the wire); never null for known types
     * @throws NullPointerException if {@code type} or {@code rawType} is null, or a known type lacks a field
     * @throws IllegalArgumentException if {@code type} is not the one {@code rawType} names
     */
    public WebhookEvent {
        Objects.requireNonNull(type, "type must not be null");
        Objects.requireNonNull(rawType, "rawType must not be null");
        if (WebhookEventType.fromWire(rawType) != type) {
            throw new IllegalArgumentException("type must be the one that rawType names");
        }
        if (type != WebhookEventType.UNKNOWN) {
            Objects.requireNonNull(requestId, "requestId must not be null for " + type);
            Objects.requireNonNull(integrationContext, "integrationContext must not be null for " + type);
            Objects.requireNonNull(occurredAt, "occurredAt must not be null for " + type);
        }
    }

    /**
     * Reads an event from a push body. Verify the signature first: an unverified body is not
     * LinkedIn's word.
     *
     * @param body the raw push body, UTF-8 JSON
     * @return the event; of type {@link WebhookEventType#UNKNOWN} for an event type this SDK version does not know
     * @throws WebhookPayloadException when the body is not a well-formed event
     */
    public static WebhookEvent parse(byte[] body) {
        return WebhookEventParser.parse(body);
    }
}
