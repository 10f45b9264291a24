package dev.crmconnect.testkit.internal;

import java.util.Locale;

/** The Rest.li methods the contract uses. */
enum RestLiMethod {
    GET, CREATE, BATCH_GET, BATCH_UPDATE, BATCH_DELETE, BATCH_PARTIAL_UPDATE, FINDER;

    /** Reads an {@code X-RestLi-Method} header value, in any case; null when unknown. */
    static RestLiMethod fromHeader(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Whether the contract requires the {@code X-RestLi-Method} header for this method. */
    boolean needsHeader() {
        return this != GET && this != CREATE;
    }
}
