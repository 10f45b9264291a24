package dev.crmconnect.testkit.internal;

import dev.crmconnect.testkit.Faults;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * Decides the fault of each call. Every API call draws the same number of values from one seeded
 * sequence, so the same seed and the same sequence of calls give the same faults.
 */
final class FaultInjector {

    /** What to do to one call: status 0 and no reset means answer normally. */
    record Decision(int status, boolean reset, int delayMillis, int dribbleMillis) {
    }

    private record FailNext(int remaining, int status) {
    }

    private Faults faults = Faults.none();
    private Random random = new Random(0);
    private final Map<String, FailNext> failNext = new HashMap<>();

    synchronized void configure(Faults value) {
        this.faults = value;
        this.random = new Random(value.seed());
    }

    synchronized Faults faults() {
        return faults;
    }

    /** Fails the next {@code count} calls to this path with this status (0: reset the connection). */
    synchronized void failNext(String path, int count, int status) {
        if (count < 1) {
            throw new IllegalArgumentException("failNext.count: must be positive");
        }
        if (status != 0 && (status < 400 || status > 599)) {
            throw new IllegalArgumentException("failNext.status: must be between 400 and 599, or 0 for a reset");
        }
        failNext.put(normalize(path), new FailNext(count, status));
    }

    synchronized void clear() {
        configure(Faults.none());
        failNext.clear();
    }

    /**
     * The fault for one call to this raw path. Random faults apply to API calls only;
     * "fail the next N" applies to any path.
     */
    synchronized Decision decide(String rawPath, boolean apiCall) {
        Decision decision = new Decision(0, false, 0, 0);
        if (apiCall) {
            decision = draw();
        }
        String key = normalize(rawPath);
        FailNext pending = failNext.get(key);
        if (pending != null) {
            if (pending.remaining() <= 1) {
                failNext.remove(key);
            } else {
                failNext.put(key, new FailNext(pending.remaining() - 1, pending.status()));
            }
            return new Decision(pending.status(), pending.status() == 0, decision.delayMillis(), 0);
        }
        return decision;
    }

    private Decision draw() {
        double outcome = random.nextDouble();
        double slow = random.nextDouble();
        int delay = (int) faults.latency().toMillis();
        int dribble = slow < faults.slowBodyRate() ? (int) faults.slowBodyDuration().toMillis() : 0;
        if (outcome < faults.resetRate()) {
            return new Decision(0, true, delay, 0);
        }
        double cumulative = faults.resetRate();
        for (Map.Entry<Integer, Double> rate : faults.errorRates().entrySet()) {
            cumulative += rate.getValue();
            if (outcome < cumulative) {
                return new Decision(rate.getKey(), false, delay, dribble);
            }
        }
        return new Decision(0, false, delay, dribble);
    }

    /** API paths may be given with or without the {@code /v2} prefix. */
    private static String normalize(String path) {
        String p = path.startsWith("/v2/") ? path.substring(3) : path;
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
