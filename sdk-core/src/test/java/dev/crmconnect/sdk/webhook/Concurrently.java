package dev.crmconnect.sdk.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;

/** Runs the same work on several threads started together, and waits for all of them. */
final class Concurrently {

    interface Work {
        void run(int thread) throws Exception;
    }

    interface WhileRunning {
        void run(List<Thread> threads) throws Exception;
    }

    private Concurrently() {
    }

    static void run(int count, Work work) throws Exception {
        run(count, work, threads -> { });
    }

    /** Starts the threads, runs {@code whileRunning} on the calling thread, then joins them. */
    static void run(int count, Work work, WhileRunning whileRunning) throws Exception {
        CyclicBarrier start = new CyclicBarrier(count);
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    work.run(index);
                } catch (Throwable t) {
                    failures.add(t);
                }
            }, "delivery-" + i);
            threads.add(thread);
            thread.start();
        }
        whileRunning.run(threads);
        for (Thread thread : threads) {
            thread.join(60_000);
            if (thread.isAlive()) {
                fail(thread.getName() + " did not finish");
            }
        }
        assertEquals(List.of(), new ArrayList<>(failures));
    }

    /**
     * Waits until {@code expected} of the threads are parked inside the receiver: at the handler's
     * {@link Gate} or waiting for another delivery of the same push. A bounded wait for a state,
     * not a timing assertion.
     */
    static void awaitBlocked(List<Thread> threads, int expected) throws InterruptedException {
        for (int round = 0; round < 6_000; round++) {
            if (threads.stream().filter(Concurrently::parkedInReceiver).count() == expected) {
                return;
            }
            Thread.sleep(10);
        }
        fail("threads never all parked in the receiver: " + threads.stream().map(Thread::getState).toList());
    }

    private static boolean parkedInReceiver(Thread thread) {
        Thread.State state = thread.getState();
        if (state != Thread.State.WAITING && state != Thread.State.TIMED_WAITING) {
            return false;
        }
        for (StackTraceElement frame : thread.getStackTrace()) {
            if (frame.getClassName().equals(Gate.class.getName())
                    || frame.getMethodName().equals("awaitSettled")) {
                return true;
            }
        }
        return false;
    }
}
