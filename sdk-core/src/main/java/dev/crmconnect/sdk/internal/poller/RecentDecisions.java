package dev.crmconnect.sdk.internal.poller;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Notice ids of one tenant known to be decided, by their publication time, so that the overlap's
 * re-read of the feed does not ask the store again about every notice. A decision is never
 * undone, so a hit is always right; a miss only costs a store lookup. Used by one thread at a
 * time.
 */
final class RecentDecisions {

    private final Map<String, Instant> publishedAtById = new HashMap<>();

    boolean contains(String noticeId) {
        return publishedAtById.containsKey(noticeId);
    }

    void add(String noticeId, Instant publishedAt) {
        publishedAtById.put(noticeId, publishedAt);
    }

    /** Forgets notices published before {@code instant}: reads no longer reach back that far. */
    void forgetPublishedBefore(Instant instant) {
        publishedAtById.values().removeIf(publishedAt -> publishedAt.isBefore(instant));
    }

    int size() {
        return publishedAtById.size();
    }
}
