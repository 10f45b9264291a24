package dev.crmconnect.sdk.internal.http;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads that run blocking HTTP sends for every client of a runtime: one per exchange in
 * flight, up to {@code maxInFlight} in all and {@code maxInFlightPerLane} per client. Each client
 * sends through its own {@link Lane}; beyond those bounds its exchanges wait in its lane, in order,
 * and a thread that finishes an exchange takes the next one from the lanes in turn (round robin),
 * so a tenant with thousands of batches queued delays another tenant's call by at most one
 * exchange per waiting tenant, never by its whole backlog. Idle threads end after a minute.
 *
 * <p>Why blocking sends on threads of our own: the JDK's {@code HttpClient.sendAsync} completes
 * its futures through CompletableFuture's default executor, which on a machine or container with
 * one or two CPUs starts a new thread for every response. A thread reused per exchange costs
 * less, and keeps the SDK's work on threads it names and owns.
 */
final class SendThreads {

    private static final Logger LOG = LoggerFactory.getLogger(SendThreads.class);

    private final ThreadPoolExecutor threads;
    private final int maxInFlight;
    private final int maxInFlightPerLane;
    /** Lanes with an exchange waiting and room to run it, in the order they get a thread. */
    private final Queue<Lane> turns = new ArrayDeque<>();
    private int running;

    SendThreads(int maxInFlight, int maxInFlightPerLane) {
        this(maxInFlight, maxInFlightPerLane, "crmconnect-send");
    }

    SendThreads(int maxInFlight, int maxInFlightPerLane, String threadName) {
        this.maxInFlight = maxInFlight;
        this.maxInFlightPerLane = maxInFlightPerLane;
        // No bound here: running bounds the exchanges, and a thread that has just finished
        // may not be idle yet when the next exchange starts.
        this.threads = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                DaemonThreads.named(threadName));
    }

    /** A new lane, for one client. */
    Lane newLane() {
        return new Lane();
    }

    /** Exchanges running now, in all lanes. */
    synchronized int running() {
        return running;
    }

    /** Stops every send thread (interrupting the sends) and drops the exchanges still waiting. */
    void shutdownNow() {
        synchronized (this) {
            for (Lane lane : turns) {
                lane.waiting.clear();
            }
            turns.clear();
        }
        threads.shutdownNow();
    }

    /** One client's exchanges: at most {@code maxInFlightPerLane} run at once, the rest wait here in order. */
    final class Lane implements Executor {
        private final Queue<Runnable> waiting = new ArrayDeque<>(0);
        private int runningHere;
        private boolean inTurns;
        private boolean closed;

        /**
         * Runs {@code exchange} on a send thread, now or once its turn comes.
         *
         * @throws RejectedExecutionException once the lane or the threads are shut down
         */
        @Override
        public void execute(Runnable exchange) {
            synchronized (SendThreads.this) {
                if (closed || threads.isShutdown()) {
                    throw new RejectedExecutionException("the client is closed");
                }
                if (running >= maxInFlight || runningHere >= maxInFlightPerLane) {
                    waiting.add(exchange);
                    offerTurn(this);
                    return;
                }
                startIn(this);
            }
            start(this, exchange);
        }

        /** Drops the exchanges still waiting here and refuses new ones; those running finish. */
        void close() {
            synchronized (SendThreads.this) {
                closed = true;
                waiting.clear();
                turns.remove(this);
                inTurns = false;
            }
        }
    }

    /** Holds the lock. Queues {@code lane} for a thread if it has work and room. */
    private void offerTurn(Lane lane) {
        if (!lane.inTurns && !lane.waiting.isEmpty() && lane.runningHere < maxInFlightPerLane) {
            lane.inTurns = true;
            turns.add(lane);
        }
    }

    /** Holds the lock. Counts an exchange of {@code lane} as running. */
    private void startIn(Lane lane) {
        running++;
        lane.runningHere++;
    }

    /** Holds the lock. The next exchange to run, taken from the lane whose turn it is, or null. */
    private Turn nextTurn() {
        if (running >= maxInFlight || threads.isShutdown()) {
            return null;
        }
        Lane lane = turns.poll();
        if (lane == null) {
            return null;
        }
        lane.inTurns = false;
        Runnable exchange = lane.waiting.poll();
        startIn(lane);
        offerTurn(lane);
        return new Turn(lane, exchange);
    }

    private record Turn(Lane lane, Runnable exchange) {
    }

    private void start(Lane lane, Runnable exchange) {
        try {
            threads.execute(() -> runThenTakeTurns(lane, exchange));
        } catch (RejectedExecutionException e) {
            synchronized (this) {
                running--;
                lane.runningHere--;
            }
            throw e;
        }
    }

    private void runThenTakeTurns(Lane firstLane, Runnable first) {
        Lane lane = firstLane;
        Runnable exchange = first;
        while (exchange != null) {
            try {
                exchange.run();
            } catch (RuntimeException e) {
                LOG.warn("an HTTP exchange failed outside its future: {}", e.getClass().getName());
            }
            // A cancelled exchange is stopped by interrupting its thread; the interrupt must not
            // reach the next exchange this thread runs.
            Thread.interrupted();
            Turn next;
            synchronized (this) {
                running--;
                lane.runningHere--;
                offerTurn(lane);
                // One exchange ended, so one may start: lanes wait only while all threads are busy,
                // or their own are.
                next = nextTurn();
            }
            lane = next == null ? null : next.lane();
            exchange = next == null ? null : next.exchange();
        }
    }
}
