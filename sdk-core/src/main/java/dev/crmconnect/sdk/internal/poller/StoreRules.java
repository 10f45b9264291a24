package dev.crmconnect.sdk.internal.poller;

import dev.crmconnect.model.internal.Check;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * How a checkpoint store shapes what it keeps, beside {@link Check}'s rules (ids are
 * {@link Check#storedId}): instants at the millisecond the stores keep, free text cut to the
 * length its columns hold.
 */
public final class StoreRules {

    /** Longest free text a store keeps: a decision's detail, an error, a gap's detail. */
    public static final int MAX_TEXT_LENGTH = 2_000;

    private StoreRules() {
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

    /** {@code text} cut to at most {@code max} characters, never inside a surrogate pair. */
    public static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }
}
