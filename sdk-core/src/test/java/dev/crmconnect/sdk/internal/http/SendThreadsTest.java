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
        SendThreads threads = new SendThreads(2, 2);
        SendThreads.Lane lane = threads.newLane();
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
                lane.execute(() -> {
                    peak.accumulateAndGet(running.incrementAndGet(), Math::max);
                    started.add(id);
                    await(mine);
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
        SendThreads threads = new SendThreads(1, 1);
        SendThreads.Lane lane = threads.newLane();
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
            lane.execute(() -> {
                firstThread.set(Thread.currentThread().getName());
                first.run();
            });
            lane.execute(() -> { // waits: one thread only
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
        SendThreads threads = new SendThreads(1, 1);
        SendThreads.Lane lane = threads.newLane();
        CountDownLatch blocked = new CountDownLatch(1);
        AtomicBoolean waitingRan = new AtomicBoolean();
        AtomicBoolean interrupted = new AtomicBoolean();
        CountDownLatch firstEnded = new CountDownLatch(1);
        lane.execute(() -> {
            blocked.countDown();
            try {
                TimeUnit.SECONDS.sleep(30);
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
            firstEnded.countDown();
        });
        lane.execute(() -> waitingRan.set(true));
        assertTrue(blocked.await(10, TimeUnit.SECONDS));
        threads.shutdownNow();
        assertTrue(firstEnded.await(10, TimeUnit.SECONDS));
        assertTrue(interrupted.get(), "the running exchange is interrupted");
        assertThrows(RejectedExecutionException.class, () -> lane.execute(() -> { }));
        TimeUnit.MILLISECONDS.sleep(100);
        assertFalse(waitingRan.get(), "a waiting exchange is dropped");
    }

    @Test
    void aThreadThatFreesUpServesTheLanesInTurn() throws Exception {
        SendThreads threads = new SendThreads(1, 1);
        SendThreads.Lane busy = threads.newLane();
        SendThreads.Lane lone = threads.newLane();
        CountDownLatch release = new CountDownLatch(1);
        List<String> ran = new CopyOnWriteArrayList<>();
        CountDownLatch allDone = new CountDownLatch(102);
        try {
            busy.execute(() -> {
                await(release);
                ran.add("busy-0");
                allDone.countDown();
            });
            for (int i = 1; i <= 100; i++) {
                String name = "busy-" + i;
                busy.execute(() -> {
                    ran.add(name);
                    allDone.countDown();
                });
            }
            lone.execute(() -> {
                ran.add("lone");
                allDone.countDown();
            });
            release.countDown();
            assertTrue(allDone.await(10, TimeUnit.SECONDS));
            assertEquals(List.of("busy-0", "lone", "busy-1", "busy-2"), ran.subList(0, 4),
                    "the lone lane goes next, not after the busy lane's 100");
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aLaneAtItsOwnBoundLeavesTheOtherThreadsToOtherLanes() throws Exception {
        SendThreads threads = new SendThreads(4, 2);
        SendThreads.Lane greedy = threads.newLane();
        SendThreads.Lane other = threads.newLane();
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger greedyRunning = new AtomicInteger();
        AtomicInteger greedyPeak = new AtomicInteger();
        CountDownLatch otherRan = new CountDownLatch(1);
        try {
            for (int i = 0; i < 10; i++) {
                greedy.execute(() -> {
                    greedyPeak.accumulateAndGet(greedyRunning.incrementAndGet(), Math::max);
                    await(release);
                    greedyRunning.decrementAndGet();
                });
            }
            other.execute(otherRan::countDown);
            assertTrue(otherRan.await(10, TimeUnit.SECONDS), "the other lane ran while the greedy one waited");
            // The other lane's exchange is counted until it returns; the greedy ones once their threads start.
            waitUntil(() -> threads.running() == 2 && greedyRunning.get() == 2);
            assertEquals(2, threads.running(), "the greedy lane holds two threads, its bound");
            assertEquals(2, greedyRunning.get());
            release.countDown();
            waitUntil(() -> threads.running() == 0);
            assertEquals(2, greedyPeak.get());
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aClosedLaneDropsWhatWaitsAndRefusesMore() throws Exception {
        SendThreads threads = new SendThreads(1, 1);
        SendThreads.Lane lane = threads.newLane();
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean waitingRan = new AtomicBoolean();
        try {
            lane.execute(() -> await(release));
            lane.execute(() -> waitingRan.set(true));
            lane.close();
            assertThrows(RejectedExecutionException.class, () -> lane.execute(() -> { }));
            release.countDown();
            waitUntil(() -> threads.running() == 0);
            assertEquals(0, threads.running());
            assertFalse(waitingRan.get());
        } finally {
            threads.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(5);
        }
    }
}
