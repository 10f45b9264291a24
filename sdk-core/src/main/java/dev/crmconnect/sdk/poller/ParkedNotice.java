package dev.crmconnect.sdk.poller;

import dev.crmconnect.sdk.internal.poller.Checks;
import java.time.Instant;

/**
 * A notice whose handler failed too often: kept, reported and retried on later polls without
 * holding back the watermark.
 *
 * @param noticeId      the notice's {@code noticeId}
 * @param noticeJson    the notice as JSON, kept as it came so it can be handed over again
 *                      (at most 100,000 characters)
 * @param attempts      how many times the handler has failed on it, at least 1
 * @param lastError     what the last failure said, cut to 2,000 characters; may be absent
 * @param lastAttemptAt when the handler last failed (kept to the millisecond)
 */
public record ParkedNotice(String noticeId, String noticeJson, int attempts, String lastError,
                           Instant lastAttemptAt) {

    /**
     * Checks the fields; cuts a long {@code lastError} rather than refusing it.
     *
     * @param noticeId the notice's {@code noticeId}
     * @param noticeJson the notice as JSON, kept as it came so it can be handed over again (at most 100,000
     *     characters)
     * @param attempts how many times the handler has failed on it, at least 1
     * @param lastError what the last failure said, cut to 2,000 characters; may be absent
     * @param lastAttemptAt when the handler last failed (kept to the millisecond)
     * @throws IllegalArgumentException if a required field is missing or too long, or {@code attempts} is below 1
     */
    public ParkedNotice {
        Checks.id(noticeId, "noticeId");
        Checks.text(noticeJson, "noticeJson", Checks.MAX_NOTICE_JSON_LENGTH);
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
        if (lastError != null && lastError.length() > Checks.MAX_TEXT_LENGTH) {
            lastError = lastError.substring(0, Checks.MAX_TEXT_LENGTH);
        }
        lastAttemptAt = Checks.instant(lastAttemptAt, "lastAttemptAt");
    }

    /** The id and counters; the notice and the error are left out, as they may name a person. */
    @Override
    public String toString() {
        return "ParkedNotice[noticeId=" + noticeId + ", attempts=" + attempts
                + ", lastAttemptAt=" + lastAttemptAt + "]";
    }
}
