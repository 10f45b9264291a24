package dev.crmconnect.sdk.internal.poller;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Tells a running poll to stop, and cuts its pauses short when it does. */
public final class StopSignal {

    private final CountDownLatch stopped = new CountDownLatch(1);

    /** Asks every poll to stop at its next chance; pauses end at once. */
    public void stop() {
        stopped.countDown();
    }

    /** Whether {@link #stop()} was called. */
    public boolean stopped() {
        return stopped.getCount() == 0;
    }

    /** Whether the current poll should stop: {@link #stop()} was called or its thread was interrupted. */
    public boolean stopRequested() {
        return stopped() || Thread.currentThread().isInterrupted();
    }

    /** Waits for {@code pause}; false, early, if a stop is requested meanwhile. */
    public boolean pause(Duration pause) {
        if (stopRequested()) {
            return false;
        }
        if (pause.isZero()) {
            return true;
        }
        try {
            return !stopped.await(pause.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
