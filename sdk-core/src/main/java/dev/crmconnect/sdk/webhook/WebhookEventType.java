package dev.crmconnect.sdk.webhook;

/** The {@code eventType} of a push; types this SDK version does not know read as {@link #UNKNOWN}. */
public enum WebhookEventType {
    /** A recruiter exported a member into the CRM; fetch the candidate by the event's request id. */
    EXPORT_CANDIDATE_PROFILE,
    /** The integration for the tenant was switched on or off, or otherwise changed. */
    INTEGRATION_STATUS_CHANGE,
    /** A type this SDK version does not know; {@link WebhookEvent#rawType()} keeps its name. */
    UNKNOWN;

    /**
     * The type that a wire name stands for.
     *
     * @param name the {@code eventType} as sent; may be null
     * @return the type of that name; {@link #UNKNOWN} for any other name or null
     */
    public static WebhookEventType fromWire(String name) {
        for (WebhookEventType type : values()) {
            if (type != UNKNOWN && type.name().equals(name)) {
                return type;
            }
        }
        return UNKNOWN;
    }
}
