package dev.crmconnect.sdk.internal.http;

import dev.crmconnect.sdk.RetryPolicy;

/** Exponential backoff with full jitter: a uniform wait in [0, min(max, initial * 2^(n-1))]. */
final class Backoff {

    private Backoff() {
    }

    /**
     * The wait after the {@code failedAttempts}-th failure.
     *
     * @param random a uniform value in [0, 1)
     */
    static long delayMillis(RetryPolicy policy, int failedAttempts, double random) {
        long cap = policy.maxBackoff().toMillis();
        long ceiling = policy.initialBackoff().toMillis();
        for (int i = 1; i < failedAttempts && ceiling < cap; i++) {
            ceiling *= 2;
        }
        ceiling = Math.min(ceiling, cap);
        return (long) Math.floor(random * (ceiling + 1));
    }
}
