package dev.crmconnect.sdk.internal.http;

import dev.crmconnect.sdk.RetryPolicy;

/**
 * Waits between attempts: exponential backoff with full jitter, a uniform wait in
 * [0, min(max, initial * 2^(n-1))]; or the server's {@code Retry-After} plus a little jitter.
 */
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

    /**
     * The wait for a {@code Retry-After} of {@code retryAfterMillis}: never less, and up to a tenth
     * more (at most a second), so that the calls a burst of 429s turned away do not all come back
     * in the same instant.
     *
     * @param random a uniform value in [0, 1)
     */
    static long retryAfterMillis(long retryAfterMillis, double random) {
        long spread = Math.min(retryAfterMillis / 10, 1_000);
        return retryAfterMillis + (long) Math.floor(random * (spread + 1));
    }
}
