package dev.crmconnect.sdk.privacy;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Waits between the polls of {@code client.dataRequests().awaitCompletion} (see
 * {@link DataRequestPolling}): a future that completes once the duration has passed. Tests supply
 * one that moves a fake clock instead of waiting.
 */
@FunctionalInterface
public interface Sleeper {

    /**
     * A future that completes after {@code duration}.
     *
     * @param duration how long to wait; zero or negative completes at once
     * @return a future that completes, with null, once the duration has passed
     */
    CompletableFuture<Void> sleep(Duration duration);

    /**
     * Real time, without holding a thread: the JDK's shared delay scheduler of
     * {@link CompletableFuture#delayedExecutor} completes the future.
     *
     * @return the sleeper in real time, to the millisecond
     */
    static Sleeper system() {
        return duration -> {
            Objects.requireNonNull(duration, "duration must not be null");
            CompletableFuture<Void> done = new CompletableFuture<>();
            CompletableFuture.delayedExecutor(Math.max(0, duration.toMillis()), TimeUnit.MILLISECONDS, Runnable::run)
                    .execute(() -> done.complete(null));
            return done;
        };
    }
}
