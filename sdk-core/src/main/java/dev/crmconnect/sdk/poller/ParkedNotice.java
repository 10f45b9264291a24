package dev.crmconnect.sdk.poller;

import dev.crmconnect.model.DeletionNotice;
import dev.crmconnect.model.internal.Check;
import dev.crmconnect.sdk.internal.poller.StoreRules;
import java.time.Instant;

/**
 * A notice whose handler failed too often: kept, reported and retried on later polls without
 * holding back the watermark.
 *
 * @param notice        the notice, as the feed gave it, to be handed over again
 * @param attempts      how many times the handler has failed on it, at least 1
 * @param lastError     what the last failure said, cut to 2,000 characters; may be absent
 * @param lastAttemptAt when the handler last failed (kept to the millisecond)
 */
public record ParkedNotice(DeletionNotice notice, int attempts, String lastError, Instant lastAttemptAt) {

    /**
     * Checks the fields; cuts a long {@code lastError} rather than refusing it.
     *
     * @param notice the notice, as the feed gave it, to be handed over again
     * @param attempts how many times the handler has failed on it, at least 1
     * @param lastError what the last failure said, cut to 2,000 characters; may be absent
     * @param lastAttemptAt when the handler last failed (kept to the millisecond)
     * @throws IllegalArgumentException if a required field is missing, the notice's id is longer than 255
     *     characters, or {@code attempts} is below 1
     */
    public ParkedNotice {
        Check.storedId("notice.noticeId", Check.required("notice", notice).noticeId());
        if (attempts < 1) {
            throw Check.invalid("attempts", "must be at least 1");
        }
        lastError = StoreRules.cut(lastError, StoreRules.MAX_TEXT_LENGTH);
        lastAttemptAt = StoreRules.millis("lastAttemptAt", lastAttemptAt);
    }

    /**
     * The parked notice's id.
     *
     * @return {@code notice().noticeId()}
     */
    public String noticeId() {
        return notice.noticeId();
    }

    /** The id and counters; the notice and the error are left out, as they may name a person. */
    @Override
    public String toString() {
        return "ParkedNotice[noticeId=" + noticeId() + ", attempts=" + attempts
                + ", lastAttemptAt=" + lastAttemptAt + "]";
    }
}
