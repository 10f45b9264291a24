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
 * The threads that run the client's blocking HTTP sends: one per exchange in flight, up to
 * {@code maxInFlight}; beyond that, exchanges wait in order for a thread to finish its own.
 * Idle threads end after a minute.
 *
 * <p>Why blocking sends on threads of our own: the JDK's {@code HttpClient.sendAsync} completes
 * its futures through CompletableFuture's default executor, which on a machine or container with
 * one or two CPUs starts a new thread for every response. A thread reused per exchange costs
 * less, and keeps the client's work on threads it names and owns.
 */
final class SendThreads implements Executor {

    private static final Logger LOG = LoggerFactory.getLogger(SendThreads.class);

    private final ThreadPoolExecutor threads;
    private final int maxInFlight;
    private final Queue<Runnable> waiting = new ArrayDeque<>();
    private int running;

    SendThreads(int maxInFlight) {
        this.maxInFlight = maxInFlight;
        // No bound here: running bounds the exchanges, and a thread that has just finished
        // may not be idle yet when the next exchange starts.
        this.threads = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                DaemonThreads.named("crmconnect-send"));
    }

    /**
     * Runs {@code exchange} on a send thread, now or once one is free.
     *
     * @throws RejectedExecutionException once shut down
     */
    @Override
    public void execute(Runnable exchange) {
        synchronized (this) {
            if (threads.isShutdown()) {
                throw new RejectedExecutionException("the client is closed");
            }
            if (running >= maxInFlight) {
                waiting.add(exchange);
                return;
            }
            running++;
        }
        try {
            threads.execute(() -> runThenDrain(exchange));
        } catch (RejectedExecutionException e) {
            synchronized (this) {
                running--;
            }
            throw e;
        }
    }

    /** Stops every send thread (interrupting the sends) and drops the exchanges still waiting. */
    void shutdownNow() {
        synchronized (this) {
            waiting.clear();
        }
        threads.shutdownNow();
    }

    private void runThenDrain(Runnable first) {
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
            synchronized (this) {
                exchange = threads.isShutdown() ? null : waiting.poll();
                if (exchange == null) {
                    running--;
                }
            }
        }
    }
}
