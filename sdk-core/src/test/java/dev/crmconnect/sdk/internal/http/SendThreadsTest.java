package dev.crmconnect.sdk.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
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
        int exchanges = 6;
        List<CountDownLatch> finish = new ArrayList<>();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        List<Integer> started = new CopyOnWriteArrayList<>();
        try {
            for (int i = 0; i < exchanges; i++) {
                int id = i;
                CountDownLatch mine = new CountDownLatch(1);
                finish.add(mine);
                threads.execute(() -> {
                    peak.accumulateAndGet(running.incrementAndGet(), Math::max);
                    started.add(id);
                    try {
                        mine.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    running.decrementAndGet();
                });
            }
            waitUntil(() -> started.size() == 2);
            assertEquals(2, started.size(), "two run, four wait");
            // Finish one exchange at a time: each frees one thread, which must take the oldest
            // waiting exchange. (Freeing two at once would let two threads race to record theirs.)
            for (int next = 2; next < exchanges; next++) {
                finish.get(next - 2).countDown();
                int expected = next + 1;
                waitUntil(() -> started.size() == expected);
                assertEquals(expected, started.size(), "one waiting exchange starts per finished one");
                assertEquals(next, started.get(next), "the waiting ones run in the order sent: " + started);
            }
            finish.forEach(CountDownLatch::countDown);
            waitUntil(() -> running.get() == 0);
            assertEquals(2, peak.get());
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
