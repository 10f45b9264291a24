package dev.crmconnect.sdk.internal.poller;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.crmconnect.model.DeletionNotice;
import dev.crmconnect.sdk.internal.json.Json;

/** A deletion notice as the JSON a parked notice keeps, and back. */
final class NoticeJson {

    private NoticeJson() {
    }

    static String write(DeletionNotice notice) {
        try {
            return Json.mapper().writeValueAsString(notice);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a deletion notice could not be written as JSON", e);
        }
    }

    /** Throws {@link IllegalArgumentException} when {@code json} is not a valid notice. */
    static DeletionNotice read(String json) {
        try {
            return Json.mapper().readValue(json, DeletionNotice.class);
        } catch (JsonProcessingException e) {
            // The parser's message may quote the body, which names a person: only its type is given.
            // Nor is the parser's exception kept as the cause, for the same reason.
            throw new IllegalArgumentException("noticeJson is not a valid deletion notice ("
                    + e.getClass().getSimpleName() + ")");
        }
    }
}
