package dev.crmconnect.sdk.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SendThreadsTest {

    @Test
    void atMostMaxInFlightRunAtOnceAndTheRestRunInOrder() throws Exception {
        SendThreads threads = new SendThreads(2);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch allDone = new CountDownLatch(6);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        List<Integer> started = new CopyOnWriteArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                int id = i;
                threads.execute(() -> {
                    peak.accumulateAndGet(running.incrementAndGet(), Math::max);
                    started.add(id);
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    running.decrementAndGet();
                    allDone.countDown();
                });
            }
            waitUntil(() -> started.size() == 2);
            assertEquals(2, started.size(), "two run, four wait");
            release.countDown();
            assertTrue(allDone.await(10, TimeUnit.SECONDS));
            assertEquals(2, peak.get());
            assertEquals(List.of(2, 3, 4, 5), started.subList(2, 6), "the waiting ones run in the order sent");
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void theInterruptThatCancelsOneExchangeDoesNotReachTheNext() throws Exception {
        SendThreads threads = new SendThreads(1);
        CountDownLatch blocked = new CountDownLatch(1);
        FutureTask<Void> first = new FutureTask<>(() -> {
            blocked.countDown();
            TimeUnit.SECONDS.sleep(30);
            return null;
        });
        AtomicReference<String> firstThread = new AtomicReference<>();
        AtomicReference<String> secondThread = new AtomicReference<>();
        AtomicBoolean secondInterrupted = new AtomicBoolean(true);
        CountDownLatch secondDone = new CountDownLatch(1);
        try {
            threads.execute(() -> {
                firstThread.set(Thread.currentThread().getName());
                first.run();
            });
            threads.execute(() -> { // waits: one thread only
                secondThread.set(Thread.currentThread().getName());
                secondInterrupted.set(Thread.currentThread().isInterrupted());
                secondDone.countDown();
            });
            assertTrue(blocked.await(10, TimeUnit.SECONDS));
            assertTrue(first.cancel(true));
            assertTrue(secondDone.await(10, TimeUnit.SECONDS));
            assertEquals(firstThread.get(), secondThread.get(), "the same thread ran both");
            assertFalse(secondInterrupted.get());
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void afterShutdownNothingRunsAndNothingIsAccepted() throws Exception {
        SendThreads threads = new SendThreads(1);
        CountDownLatch blocked = new CountDownLatch(1);
        AtomicBoolean waitingRan = new AtomicBoolean();
        AtomicBoolean interrupted = new AtomicBoolean();
        CountDownLatch firstEnded = new CountDownLatch(1);
        threads.execute(() -> {
            blocked.countDown();
            try {
                TimeUnit.SECONDS.sleep(30);
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
            firstEnded.countDown();
        });
        threads.execute(() -> waitingRan.set(true));
        assertTrue(blocked.await(10, TimeUnit.SECONDS));
        threads.shutdownNow();
        assertTrue(firstEnded.await(10, TimeUnit.SECONDS));
        assertTrue(interrupted.get(), "the running exchange is interrupted");
        assertThrows(RejectedExecutionException.class, () -> threads.execute(() -> { }));
        TimeUnit.MILLISECONDS.sleep(100);
        assertFalse(waitingRan.get(), "a waiting exchange is dropped");
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(5);
        }
    }
}
