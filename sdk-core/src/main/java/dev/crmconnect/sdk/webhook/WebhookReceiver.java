package dev.crmconnect.sdk.webhook;

import dev.crmconnect.model.internal.Check;
import dev.crmconnect.sdk.exception.WebhookPayloadException;
import dev.crmconnect.sdk.exception.WebhookSignatureException;
import dev.crmconnect.sdk.internal.webhook.RecentRequestIds;
import dev.crmconnect.sdk.internal.webhook.RecentRequestIds.Claim;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives 1-Click Export pushes for one tenant, whatever the web framework: raw body and headers
 * in, a {@link WebhookResult} out that says which HTTP status to answer. Verifies the signature,
 * reads the event, recognises a push that LinkedIn retries by its request id and hands each event
 * to the handler once. Thread-safe.
 *
 * <p>The memory of handled request ids is per receiver and in memory: behind several instances,
 * or across a restart, a retried push can reach the handler again, so the handler should still be
 * idempotent.
 */
public final class WebhookReceiver {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookReceiver.class);

    private final WebhookVerifier verifier;
    private final WebhookHandler handler;
    private final RecentRequestIds recent;
    private final Duration concurrentDeliveryWait;

    private WebhookReceiver(Builder builder) {
        this.verifier = builder.verifier;
        this.handler = builder.handler;
        this.recent = new RecentRequestIds(builder.rememberedRequestIds, builder.rememberFor, builder.clock);
        this.concurrentDeliveryWait = builder.concurrentDeliveryWait;
    }

    /**
     * A builder; {@link Builder#clientSecret} (or {@link Builder#verifier}) and {@link Builder#handler} are required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Receives one push.
     *
     * @param body the raw request body, exactly as received
     * @param headers the request headers; names are matched case-insensitively
     * @return the outcome; never throws for a bad push or a failing handler
     */
    public WebhookResult receive(byte[] body, Map<String, List<String>> headers) {
        Objects.requireNonNull(body, "body must not be null");
        Objects.requireNonNull(headers, "headers must not be null");
        WebhookEvent event;
        try {
            verifier.verify(body, headers);
        } catch (WebhookSignatureException e) {
            LOG.debug("Refused a push: {}", e.getMessage());
            return WebhookResult.rejected(e);
        }
        try {
            event = WebhookEvent.parse(body);
        } catch (WebhookPayloadException e) {
            LOG.debug("Refused a signed push: {}", e.getMessage());
            return WebhookResult.malformed(e);
        }
        if (event.requestId() == null) {
            // Only unknown event types may lack a request id; without one a retry cannot be recognised.
            return callHandler(event);
        }
        return handleOnce(event);
    }

    /**
     * Number of handled request ids remembered now (for monitoring).
     *
     * @return the number of request ids remembered, at most the builder's {@code rememberedRequestIds}
     */
    public int rememberedRequestIds() {
        return recent.size();
    }

    /** Claims the request id; waits while another delivery of it is being handled, then claims again. */
    private WebhookResult handleOnce(WebhookEvent event) {
        String requestId = event.requestId();
        long deadline = System.nanoTime() + concurrentDeliveryWait.toNanos();
        while (true) {
            Claim claim = recent.claim(requestId);
            switch (claim.state()) {
                case HANDLED:
                    LOG.debug("Push {} already handled", requestId);
                    return WebhookResult.duplicate(event);
                case OWNED:
                    return handleOwned(event);
                default:
                    if (!awaitSettled(claim, deadline)) {
                        return WebhookResult.inProgress(event);
                    }
            }
        }
    }

    private WebhookResult handleOwned(WebhookEvent event) {
        boolean handled = false;
        try {
            WebhookResult result = callHandler(event);
            handled = result.outcome() == WebhookResult.Outcome.HANDLED;
            return result;
        } finally {
            // Also reached when the handler throws an Error: the id must never stay claimed.
            if (handled) {
                recent.markHandled(event.requestId());
            } else {
                recent.release(event.requestId());
            }
        }
    }

    private WebhookResult callHandler(WebhookEvent event) {
        try {
            handler.handle(event);
            return WebhookResult.handled(event);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return handlerFailed(event, e);
        } catch (Exception e) {
            return handlerFailed(event, e);
        }
    }

    private static WebhookResult handlerFailed(WebhookEvent event, Exception e) {
        // The exception's message is the user's and may hold personal data: only its type is logged.
        LOG.warn("Webhook handler failed for {} push {} with {}; LinkedIn will retry",
                event.rawType(), event.requestId(), e.getClass().getName());
        return WebhookResult.handlerFailed(event, e);
    }

    /** True once the other delivery settled; false when the wait ran out or the thread was interrupted. */
    private static boolean awaitSettled(Claim claim, long deadline) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            return false;
        }
        try {
            claim.settled().get(remaining, TimeUnit.NANOSECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        }
    }

    /** Builds a {@link WebhookReceiver}. */
    public static final class Builder {

        private WebhookVerifier verifier;
        private WebhookHandler handler;
        private int rememberedRequestIds = 10_000;
        private Duration rememberFor = Duration.ofHours(24);
        private Duration concurrentDeliveryWait = Duration.ofSeconds(30);
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * The tenant's client secret, which signs its pushes.
         *
         * @param clientSecret the secret; not empty
         * @return this builder
         * @throws NullPointerException if {@code clientSecret} is null
         * @throws IllegalArgumentException if {@code clientSecret} is empty
         */
        public Builder clientSecret(String clientSecret) {
            this.verifier = WebhookVerifier.of(clientSecret);
            return this;
        }

        /**
         * A verifier to use instead of {@link #clientSecret(String)}.
         *
         * @param verifier the verifier
         * @return this builder
         * @throws NullPointerException if {@code verifier} is null
         */
        public Builder verifier(WebhookVerifier verifier) {
            this.verifier = Objects.requireNonNull(verifier, "verifier must not be null");
            return this;
        }

        /**
         * The code that handles each verified event once.
         *
         * @param handler the handler
         * @return this builder
         * @throws NullPointerException if {@code handler} is null
         */
        public Builder handler(WebhookHandler handler) {
            this.handler = Objects.requireNonNull(handler, "handler must not be null");
            return this;
        }

        /**
         * How many handled request ids to remember at most (default 10,000); the oldest go first.
         *
         * @param count the most request ids remembered; at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code count} is below 1
         */
        public Builder rememberedRequestIds(int count) {
            if (count < 1) {
                throw Check.invalid("rememberedRequestIds", "must be at least 1");
            }
            this.rememberedRequestIds = count;
            return this;
        }

        /**
         * How long a handled request id is remembered (default 24 hours); must outlast LinkedIn's retries.
         *
         * @param duration how long; positive
         * @return this builder
         * @throws NullPointerException if {@code duration} is null
         * @throws IllegalArgumentException if {@code duration} is zero or negative
         */
        public Builder rememberFor(Duration duration) {
            Objects.requireNonNull(duration, "rememberFor must not be null");
            this.rememberFor = Check.positive("rememberFor", duration);
            return this;
        }

        /**
         * How long a delivery waits while another delivery of the same request id is being handled
         * (default 30 seconds); past it, it answers 503 so that LinkedIn retries later.
         *
         * @param duration how long; zero or more, zero answering 503 at once
         * @return this builder
         * @throws NullPointerException if {@code duration} is null
         * @throws IllegalArgumentException if {@code duration} is negative
         */
        public Builder concurrentDeliveryWait(Duration duration) {
            Objects.requireNonNull(duration, "concurrentDeliveryWait must not be null");
            if (duration.isNegative()) {
                throw Check.invalid("concurrentDeliveryWait", "must not be negative");
            }
            this.concurrentDeliveryWait = duration;
            return this;
        }

        /**
         * The clock that ages remembered request ids (default the system clock in UTC).
         *
         * @param clock the clock
         * @return this builder
         * @throws NullPointerException if {@code clock} is null
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock must not be null");
            return this;
        }

        /**
         * The receiver.
         *
         * @return a new receiver, remembering no request id yet
         * @throws IllegalStateException when the client secret or the handler is missing
         */
        public WebhookReceiver build() {
            if (verifier == null) {
                throw new IllegalStateException("clientSecret (or verifier) is required");
            }
            if (handler == null) {
                throw new IllegalStateException("handler is required");
            }
            return new WebhookReceiver(this);
        }
    }
}
