package dev.crmconnect.testkit.internal;

import dev.crmconnect.testkit.PushDelivery;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Sends signed pushes to callback URLs on a background thread the fake owns, retrying a non-200
 * up to {@link #MAX_RETRIES} times with a short exponential backoff.
 */
final class PushDispatcher implements AutoCloseable {

    static final int MAX_RETRIES = 6;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(2);
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(5);

    /** One push and its progress; guarded by the dispatcher's monitor. */
    private static final class Delivery {
        final String requestId;
        final String eventType;
        final String integrationContext;
        final String url;
        final byte[] body;
        final String signature;
        final int generation;
        int attempts;
        int lastStatus;
        boolean delivered;
        boolean finished;

        Delivery(String requestId, String eventType, String integrationContext, String url, byte[] body,
                 String signature, int generation) {
            this.requestId = requestId;
            this.eventType = eventType;
            this.integrationContext = integrationContext;
            this.url = url;
            this.body = body;
            this.signature = signature;
            this.generation = generation;
        }
    }

    private final Duration backoff;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(daemon("crm-fake-push"));
    private final ExecutorService httpExecutor = Executors.newCachedThreadPool(daemon("crm-fake-push-http"));
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1) // no cleartext h2c upgrade attempts to a callback
            .executor(httpExecutor)
            .connectTimeout(ATTEMPT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final List<Delivery> deliveries = new ArrayList<>();
    private int generation;

    PushDispatcher(Duration backoff) {
        this.backoff = backoff;
    }

    /** Queues a push of this body, signed with the secret, to the URL. */
    synchronized void push(String url, String secret, String eventType, String requestId, String integrationContext,
                           byte[] body) {
        Delivery delivery = new Delivery(requestId, eventType, integrationContext, url, body,
                PushSignature.header(body, secret), generation);
        deliveries.add(delivery);
        scheduler.execute(() -> attempt(delivery));
    }

    synchronized List<PushDelivery> deliveries() {
        List<PushDelivery> out = new ArrayList<>();
        for (Delivery d : deliveries) {
            out.add(new PushDelivery(d.requestId, d.eventType, d.integrationContext, d.attempts, d.lastStatus,
                    d.delivered, d.finished));
        }
        return out;
    }

    /** Waits until every queued push is delivered or given up; false on timeout. */
    synchronized boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (deliveries.stream().anyMatch(d -> !d.finished)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /** Forgets every push; attempts still scheduled are dropped. */
    synchronized void reset() {
        generation++;
        deliveries.clear();
        notifyAll();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        httpExecutor.shutdownNow();
        synchronized (this) {
            generation++;
            notifyAll();
        }
    }

    private void attempt(Delivery delivery) {
        synchronized (this) {
            if (delivery.generation != generation) {
                return;
            }
        }
        int status = send(delivery);
        synchronized (this) {
            if (delivery.generation != generation) {
                return;
            }
            delivery.attempts++;
            delivery.lastStatus = status;
            delivery.delivered = status == 200;
            if (delivery.delivered || delivery.attempts > MAX_RETRIES) {
                delivery.finished = true;
                notifyAll();
                return;
            }
        }
        long wait = Math.min(MAX_BACKOFF.toMillis(), backoff.toMillis() << Math.min(delivery.attempts - 1, 20));
        try {
            scheduler.schedule(() -> attempt(delivery), wait, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // The fake is closing: the push is abandoned.
        }
    }

    /** The status answered, or 0 when the receiver could not be reached. */
    private int send(Delivery delivery) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url))
                    .timeout(ATTEMPT_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("X-LI-Signature", delivery.signature)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body))
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | IllegalArgumentException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
