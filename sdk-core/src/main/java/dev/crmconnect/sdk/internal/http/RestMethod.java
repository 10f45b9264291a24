package dev.crmconnect.sdk.internal.http;

/**
 * The Rest.li 2.0 methods the contract uses, with the HTTP method each travels on, the
 * {@code X-RestLi-Method} header it needs (none for plain GET and CREATE), and whether repeating
 * it is harmless.
 */
public enum RestMethod {
    GET("GET", null, true),
    CREATE("POST", null, false),
    FINDER("GET", "FINDER", true),
    BATCH_GET("GET", "BATCH_GET", true),
    BATCH_UPDATE("PUT", "BATCH_UPDATE", true),
    BATCH_DELETE("DELETE", "BATCH_DELETE", true),
    BATCH_PARTIAL_UPDATE("POST", "BATCH_PARTIAL_UPDATE", false);

    private final String httpMethod;
    private final String headerValue;
    private final boolean idempotent;

    RestMethod(String httpMethod, String headerValue, boolean idempotent) {
        this.httpMethod = httpMethod;
        this.headerValue = headerValue;
        this.idempotent = idempotent;
    }

    /** The HTTP method, for example {@code PUT}. */
    public String httpMethod() {
        return httpMethod;
    }

    /** The {@code X-RestLi-Method} value, or null when the method sends none. */
    public String headerValue() {
        return headerValue;
    }

    /** Whether it acts on many keys at once, its response's maps keyed by them. */
    public boolean batch() {
        return name().startsWith("BATCH_");
    }

    /** Whether sending it twice has the same effect as once. */
    public boolean idempotent() {
        return idempotent;
    }
}
