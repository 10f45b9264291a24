package dev.crmconnect.sdk.internal.poller;

import com.fasterxml.jackson.databind.util.StdConverter;
import dev.crmconnect.sdk.poller.ParkedNotice;
import java.time.Instant;

/**
 * How the file store writes a parked notice: the notice as JSON text, in the shape every earlier
 * version wrote, so that files written before the notice became a {@link ParkedNotice} component
 * still read.
 */
final class ParkedNoticeFormat {

    /**
     * A parked notice as written.
     *
     * @param noticeId      the notice's id, for the operator reading the file
     * @param noticeJson    the notice as JSON
     * @param attempts      the failed handler calls
     * @param lastError     what the last failure said; may be absent
     * @param lastAttemptAt when the handler last failed
     */
    record Stored(String noticeId, String noticeJson, int attempts, String lastError, Instant lastAttemptAt) {
    }

    private ParkedNoticeFormat() {
    }

    /** Writes a parked notice. */
    static final class Write extends StdConverter<ParkedNotice, Stored> {
        @Override
        public Stored convert(ParkedNotice parked) {
            return new Stored(parked.noticeId(), NoticeJson.write(parked.notice()), parked.attempts(),
                    parked.lastError(), parked.lastAttemptAt());
        }
    }

    /** Reads a parked notice back; a notice that is not valid fails as {@link NoticeJson#read} says. */
    static final class Read extends StdConverter<Stored, ParkedNotice> {
        @Override
        public ParkedNotice convert(Stored stored) {
            return new ParkedNotice(NoticeJson.read(stored.noticeJson()), stored.attempts(), stored.lastError(),
                    stored.lastAttemptAt());
        }
    }
}
