package dev.crmconnect.sdk.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeadlinesTest {

    /** Wake-ups asked of the scheduler. */
    private final AtomicInteger wakeUps = new AtomicInteger();
    private final ScheduledThreadPoolExecutor scheduler = scheduler();
    private final Deadlines deadlines = new Deadlines(scheduler);

    private ScheduledThreadPoolExecutor scheduler() {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1) {
            @Override
            public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
                wakeUps.incrementAndGet();
                return super.schedule(command, delay, unit);
            }
        };
        scheduler.setRemoveOnCancelPolicy(true); // as the runtime's
        return scheduler;
    }

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void aTimeoutFiresOnceAndNotBeforeItsTime() throws Exception {
        long started = System.nanoTime();
        AtomicLong firedAfter = new AtomicLong();
        AtomicInteger fired = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(1);
        deadlines.after(Duration.ofMillis(50), () -> {
            firedAfter.set(System.nanoTime() - started);
            fired.incrementAndGet();
            done.countDown();
        });
        assertTrue(done.await(10, TimeUnit.SECONDS));
        assertTrue(firedAfter.get() >= TimeUnit.MILLISECONDS.toNanos(50), firedAfter + " ns");
        TimeUnit.MILLISECONDS.sleep(50);
        assertEquals(1, fired.get());
    }

    @Test
    void aCancelledTimeoutNeverFiresAndTheOthersStillDo() throws Exception {
        AtomicInteger cancelledFired = new AtomicInteger();
        CountDownLatch others = new CountDownLatch(100);
        for (int i = 0; i < 100; i++) {
            deadlines.after(Duration.ofMillis(20), () -> cancelledFired.incrementAndGet()).cancel();
            deadlines.after(Duration.ofMillis(i % 40), others::countDown);
        }
        assertTrue(others.await(10, TimeUnit.SECONDS));
        TimeUnit.MILLISECONDS.sleep(50);
        assertEquals(0, cancelledFired.get());
    }

    @Test
    void theSchedulerWakesOnlyForTheEarliestDeadline() {
        for (int i = 0; i < 1_000; i++) {
            deadlines.after(Duration.ofSeconds(30).plusMillis(i), () -> { });
        }
        assertEquals(1, wakeUps.get(), "one wake-up scheduled for 1,000 later deadlines");
        deadlines.after(Duration.ofSeconds(20), () -> { });
        assertEquals(2, wakeUps.get(), "an earlier deadline moves the wake-up");
        assertEquals(1, scheduler.getQueue().size(), "and the later wake-up is dropped");
        assertEquals(1_001, deadlines.pending());
    }

    @Test
    void noWakeUpIsLeftWhenNothingIsPendingAndTheNextDeadlineSchedulesOne() throws Exception {
        deadlines.after(Duration.ofSeconds(30), () -> { }).cancel();
        waitUntilIdle();
        assertEquals(0, scheduler.getQueue().size(), "no sweep scheduled while nothing is pending");
        CountDownLatch fired = new CountDownLatch(1);
        deadlines.after(Duration.ofMillis(5), fired::countDown);
        assertTrue(fired.await(10, TimeUnit.SECONDS));
        waitUntilIdle();
        assertEquals(0, scheduler.getQueue().size());
    }

    @Test
    void aFailingActionDoesNotStopTheOthers() throws Exception {
        CountDownLatch fired = new CountDownLatch(1);
        deadlines.after(Duration.ZERO, () -> {
            throw new IllegalStateException("boom");
        });
        deadlines.after(Duration.ofMillis(1), fired::countDown);
        assertTrue(fired.await(10, TimeUnit.SECONDS));
    }

    @Test
    void afterTheSchedulerStopsNewTimeoutsAreRefused() {
        scheduler.shutdownNow();
        assertThrows(RejectedExecutionException.class, () -> deadlines.after(Duration.ofSeconds(1), () -> { }));
        assertFalse(scheduler.getQueue().size() > 0);
    }

    private void waitUntilIdle() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while ((scheduler.getQueue().size() > 0 || scheduler.getActiveCount() > 0) && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(5);
        }
    }
}
