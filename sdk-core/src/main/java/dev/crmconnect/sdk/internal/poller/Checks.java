package dev.crmconnect.sdk.internal.poller;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Argument checks shared by the checkpoint types. Messages name the field and the rule, never the
 * value: values may be personal data.
 */
public final class Checks {

    /** Longest identifier a store keeps: tenant, notice id, member, handler id, owner id. */
    public static final int MAX_ID_LENGTH = 255;
    /** Longest free text a store keeps: a decision's detail, an error, a gap's detail. */
    public static final int MAX_TEXT_LENGTH = 2_000;
    /** Longest parked notice body a store keeps; a deletion notice is a few hundred characters. */
    public static final int MAX_NOTICE_JSON_LENGTH = 100_000;

    private Checks() {
    }

    /** An identifier: not blank, at most {@link #MAX_ID_LENGTH} characters. */
    public static String id(String value, String field) {
        return text(value, field, MAX_ID_LENGTH);
    }

    /** Free text: not blank, at most {@code maxLength} characters. */
    public static String text(String value, String field, int maxLength) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(field + " must be at most " + maxLength + " characters");
        }
        return value;
    }

    /** A required object. */
    public static <T> T required(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    /**
     * A required instant, truncated to milliseconds: the precision every store keeps, so that what
     * is read back equals what was written.
     */
    public static Instant instant(Instant value, String field) {
        return required(value, field).truncatedTo(ChronoUnit.MILLIS);
    }

    /** A lease's time to live: positive. */
    public static Duration ttl(Duration value) {
        if (required(value, "ttl").isNegative() || value.isZero()) {
            throw new IllegalArgumentException("ttl must be positive");
        }
        return value;
    }

    /** An optional instant, truncated to milliseconds. */
    public static Instant optionalInstant(Instant value) {
        return value == null ? null : value.truncatedTo(ChronoUnit.MILLIS);
    }
}
