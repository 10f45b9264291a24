package dev.crmconnect.benchmarks;

import dev.crmconnect.sdk.ClientListener;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Counts what the client did: attempts, 429s, retries, and throttle waits with their total time. */
final class CountingListener implements ClientListener {

    final LongAdder attempts = new LongAdder();
    final LongAdder tooManyRequests = new LongAdder();
    final LongAdder retries = new LongAdder();
    final LongAdder throttled = new LongAdder();
    final AtomicLong throttledNanos = new AtomicLong();

    @Override
    public void onRequestCompleted(RequestCompleted event) {
        attempts.increment();
        if (event.status() == 429) {
            tooManyRequests.increment();
        }
    }

    @Override
    public void onRetryScheduled(RetryScheduled event) {
        retries.increment();
    }

    @Override
    public void onThrottled(Throttled event) {
        throttled.increment();
        throttledNanos.addAndGet(event.delay().toNanos());
    }
}
