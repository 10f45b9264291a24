package dev.crmconnect.testkit.reliability;

import dev.crmconnect.sdk.ClientListener;
import dev.crmconnect.sdk.exception.CrmConnectException;
import dev.crmconnect.sdk.exception.TransportException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ObjIntConsumer;

/**
 * What the client saw of each attempt: the request ids of the answers it received, the attempts
 * that failed by status or transport reason, and the retries. Calls {@code onSent} with each
 * attempt's path and the running count of attempts, to inject faults at fixed points of a run.
 */
final class AttemptLog implements ClientListener {

    private final Set<String> received = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final ObjIntConsumer<String> onSent;

    AttemptLog(ObjIntConsumer<String> onSent) {
        this.onSent = onSent;
    }

    @Override
    public void onRequestSent(RequestSent event) {
        onSent.accept(event.call().route(), (int) sent.incrementAndGet());
    }

    @Override
    public void onRequestCompleted(RequestCompleted event) {
        if (event.failure().isEmpty()) {
            event.requestId().ifPresent(received::add);
            return;
        }
        CrmConnectException failure = event.failure().get();
        String kind = failure instanceof TransportException t ? t.reason().name() : Integer.toString(event.status());
        failures.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
    }

    @Override
    public void onRetryScheduled(RetryScheduled event) {
        retries.incrementAndGet();
    }

    /** Whether the client received the answer with this {@code X-LI-UUID}. */
    boolean received(String requestId) {
        return received.contains(requestId);
    }

    long sent() {
        return sent.get();
    }

    long retries() {
        return retries.get();
    }

    /** Failed attempts by status ("503") or transport reason ("TIMEOUT"). */
    Map<String, Long> failures() {
        Map<String, Long> out = new java.util.TreeMap<>();
        failures.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    long failures(String kind) {
        AtomicLong n = failures.get(kind);
        return n == null ? 0 : n.get();
    }
}
