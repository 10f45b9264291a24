package dev.crmconnect.sdk.internal.webhook;

import dev.crmconnect.model.internal.Check;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A bounded, thread-safe memory of the request ids whose pushes were handled recently, and of
 * those being handled right now. An id is remembered as handled only once its handler succeeded;
 * the oldest ids are forgotten beyond the capacity or after the time to live.
 */
public final class RecentRequestIds {

    /** What the caller of {@link #claim(String)} should do. */
    public enum State {
        /** The caller now owns the id: handle it, then {@link #markHandled} or {@link #release}. */
        OWNED,
        /** The id was handled recently: a retried push. */
        HANDLED,
        /** Another thread is handling the id; wait for {@link Claim#settled()}, then claim again. */
        BUSY
    }

    /**
     * The outcome of a claim.
     *
     * @param state what to do
     * @param settled for BUSY, completes when the other thread marks or releases the id; else done
     */
    public record Claim(State state, CompletableFuture<Void> settled) {
    }

    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final int capacity;
    private final Duration timeToLive;
    private final Clock clock;
    /** Handled ids in the order they were handled, oldest first, with when that was. */
    private final LinkedHashMap<String, Instant> handled = new LinkedHashMap<>();
    /** Ids being handled, each with a future completed when its handling ends either way. */
    private final Map<String, CompletableFuture<Void>> inFlight = new HashMap<>();

    /**
     * Creates the memory.
     *
     * @param capacity how many handled ids to remember at most, at least 1
     * @param timeToLive how long to remember a handled id, positive
     * @param clock the clock that ages ids
     */
    public RecentRequestIds(int capacity, Duration timeToLive, Clock clock) {
        if (capacity < 1) {
            throw Check.invalid("capacity", "must be at least 1");
        }
        Objects.requireNonNull(timeToLive, "timeToLive must not be null");
        this.capacity = capacity;
        this.timeToLive = Check.positive("timeToLive", timeToLive);
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
    }

    /** Claims an id for handling, or says that it is handled or being handled. */
    public synchronized Claim claim(String requestId) {
        Objects.requireNonNull(requestId, "requestId must not be null");
        forgetExpired();
        if (handled.containsKey(requestId)) {
            return new Claim(State.HANDLED, DONE);
        }
        CompletableFuture<Void> running = inFlight.get(requestId);
        if (running != null) {
            return new Claim(State.BUSY, running);
        }
        inFlight.put(requestId, new CompletableFuture<>());
        return new Claim(State.OWNED, DONE);
    }

    /** Remembers an owned id as handled; later claims see it as HANDLED. */
    public void markHandled(String requestId) {
        CompletableFuture<Void> running;
        synchronized (this) {
            running = inFlight.remove(requestId);
            handled.remove(requestId);
            handled.put(requestId, clock.instant());
            while (handled.size() > capacity) {
                Iterator<String> oldest = handled.keySet().iterator();
                oldest.next();
                oldest.remove();
            }
        }
        settle(running);
    }

    /** Gives an owned id up unhandled, so that the next push with it is handled again. */
    public void release(String requestId) {
        CompletableFuture<Void> running;
        synchronized (this) {
            running = inFlight.remove(requestId);
        }
        settle(running);
    }

    /** How many handled ids are remembered now. */
    public synchronized int size() {
        forgetExpired();
        return handled.size();
    }

    /** Completes outside the lock: waiting threads wake and claim again. */
    private static void settle(CompletableFuture<Void> running) {
        if (running != null) {
            running.complete(null);
        }
    }

    /** Drops handled ids older than the time to live; they are in order, so only from the front. */
    private void forgetExpired() {
        Instant cutoff = clock.instant().minus(timeToLive);
        Iterator<Instant> oldest = handled.values().iterator();
        while (oldest.hasNext()) {
            if (oldest.next().isAfter(cutoff)) {
                return;
            }
            oldest.remove();
        }
    }
}
