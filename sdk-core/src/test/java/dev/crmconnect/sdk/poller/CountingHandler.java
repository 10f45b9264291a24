package dev.crmconnect.sdk.poller;

import dev.crmconnect.model.DeletionNotice;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Deletes every notice and counts its calls per notice; can fail a notice's first calls. */
class CountingHandler implements NoticeHandler {

    final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, Integer> failFirst = new ConcurrentHashMap<>();

    /** The first {@code times} calls for {@code noticeId} throw. */
    CountingHandler failFirst(String noticeId, int times) {
        failFirst.put(noticeId, times);
        return this;
    }

    @Override
    public Decision handle(DeletionNotice notice) throws Exception {
        int call = calls.computeIfAbsent(notice.noticeId(), id -> new AtomicInteger()).incrementAndGet();
        if (call <= failFirst.getOrDefault(notice.noticeId(), 0)) {
            throw new IllegalStateException("CRM unavailable, call " + call);
        }
        return Decision.delete("contact and its notes");
    }

    int calls(String noticeId) {
        AtomicInteger count = calls.get(noticeId);
        return count == null ? 0 : count.get();
    }

    int totalCalls() {
        return calls.values().stream().mapToInt(AtomicInteger::get).sum();
    }
}
