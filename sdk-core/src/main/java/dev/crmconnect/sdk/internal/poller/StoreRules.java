package dev.crmconnect.sdk.internal.poller;

import dev.crmconnect.model.internal.Check;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The rules of the values a checkpoint store keeps that {@link Check} has no method for; each
 * failure reads {@code "<field>: <rule>"}, as {@link Check}'s do, and never quotes the value:
 * values may be personal data.
 */
public final class StoreRules {

    /**
     * Longest identifier a store keeps: tenant, notice id, member, handler id, owner id. The wire
     * contract bounds none of them; the stores' columns hold 255 characters.
     */
    public static final int MAX_ID_LENGTH = 255;
    /** Longest free text a store keeps: a decision's detail, an error, a gap's detail. */
    public static final int MAX_TEXT_LENGTH = 2_000;

    private StoreRules() {
    }

    /** A required identifier: not blank, single-line, at most {@link #MAX_ID_LENGTH} characters. */
    public static String id(String field, String value) {
        return Check.requiredText(field, value, MAX_ID_LENGTH);
    }

    /**
     * A required instant, truncated to milliseconds: the precision every store keeps, so that what
     * is read back equals what was written.
     */
    public static Instant millis(String field, Instant value) {
        return Check.required(field, value).truncatedTo(ChronoUnit.MILLIS);
    }

    /** An optional instant, truncated to milliseconds. */
    public static Instant millisOrNull(Instant value) {
        return value == null ? null : value.truncatedTo(ChronoUnit.MILLIS);
    }

    /** A required, positive duration. */
    public static Duration positive(String field, Duration value) {
        if (Check.required(field, value).isNegative() || value.isZero()) {
            throw Check.invalid(field, "must be positive");
        }
        return value;
    }

    /** {@code text} cut to at most {@code max} characters, never inside a surrogate pair. */
    public static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }
}
