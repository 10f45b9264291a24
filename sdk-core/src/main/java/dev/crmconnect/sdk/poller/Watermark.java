package dev.crmconnect.sdk.poller;

import dev.crmconnect.model.internal.Check;
import dev.crmconnect.sdk.internal.poller.StoreRules;
import java.time.Instant;
import java.util.Comparator;

/**
 * How far a tenant's feed has been handled: every notice at or before this position (in the
 * feed's order, {@code publishedAt} then {@code noticeId}) has a recorded decision or is parked.
 *
 * @param publishedAt the last handled notice's {@code publishedAt} (kept to the millisecond)
 * @param noticeId    its {@code noticeId}, which breaks ties between notices published at once
 */
public record Watermark(Instant publishedAt, String noticeId) implements Comparable<Watermark> {

    private static final Comparator<Watermark> ORDER =
            Comparator.comparing(Watermark::publishedAt).thenComparing(Watermark::noticeId);

    /**
     * Checks both fields are present; truncates {@code publishedAt} to milliseconds.
     *
     * @param publishedAt the last handled notice's {@code publishedAt} (kept to the millisecond)
     * @param noticeId its {@code noticeId}, which breaks ties between notices published at once
     * @throws IllegalArgumentException if a field is missing, or {@code noticeId} is blank or longer than 255
     *     characters
     */
    public Watermark {
        publishedAt = StoreRules.millis("publishedAt", publishedAt);
        Check.storedId("noticeId", noticeId);
    }

    /**
     * Orders as the feed does: by {@code publishedAt}, then by {@code noticeId}.
     *
     * @param other the position to compare with; not null
     * @return negative, zero or positive as this position comes before, at or after {@code other}
     */
    @Override
    public int compareTo(Watermark other) {
        return ORDER.compare(this, other);
    }

    /**
     * Whether this position is later in the feed than {@code other}.
     *
     * @param other the position to compare with; not null
     * @return true if this position comes strictly after {@code other}
     */
    public boolean isAfter(Watermark other) {
        return compareTo(other) > 0;
    }
}
