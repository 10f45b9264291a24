package dev.crmconnect.sdk.webhook;

import dev.crmconnect.sdk.exception.WebhookException;
import dev.crmconnect.sdk.exception.WebhookPayloadException;
import dev.crmconnect.sdk.exception.WebhookSignatureException;
import java.util.Objects;
import java.util.Optional;

/** What became of one push, and the HTTP status to answer it with. */
public final class WebhookResult {

    /** What became of a push. */
    public enum Outcome {
        /** Verified, read, and handled by the handler now: 200. */
        HANDLED(200),
        /** A push whose request id was already handled, e.g. a retry: 200, the handler not called. */
        DUPLICATE(200),
        /** The signature is missing, malformed or wrong: 401. */
        INVALID_SIGNATURE(401),
        /** Correctly signed but not a well-formed event: 400. */
        MALFORMED_BODY(400),
        /** The handler threw: 500, so that LinkedIn retries; the request id is not remembered. */
        HANDLER_FAILED(500),
        /** The same request id is still being handled by another delivery: 503, so that LinkedIn retries. */
        IN_PROGRESS(503);

        private final int httpStatus;

        Outcome(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        /**
         * The HTTP status to answer LinkedIn with.
         *
         * @return the status: 200, 400, 401, 500 or 503
         */
        public int httpStatus() {
            return httpStatus;
        }
    }

    private final Outcome outcome;
    private final WebhookEvent event;
    private final String detail;
    private final Exception failure;

    private WebhookResult(Outcome outcome, WebhookEvent event, String detail, Exception failure) {
        this.outcome = outcome;
        this.event = event;
        this.detail = detail;
        this.failure = failure;
    }

    static WebhookResult handled(WebhookEvent event) {
        return new WebhookResult(Outcome.HANDLED, event, "handled", null);
    }

    static WebhookResult duplicate(WebhookEvent event) {
        return new WebhookResult(Outcome.DUPLICATE, event, "already handled", null);
    }

    static WebhookResult rejected(WebhookSignatureException e) {
        return new WebhookResult(Outcome.INVALID_SIGNATURE, null, e.getMessage(), e);
    }

    static WebhookResult malformed(WebhookPayloadException e) {
        return new WebhookResult(Outcome.MALFORMED_BODY, null, e.getMessage(), e);
    }

    static WebhookResult handlerFailed(WebhookEvent event, Exception e) {
        // The handler's message is the user's and may hold personal data; the detail does not repeat it.
        return new WebhookResult(Outcome.HANDLER_FAILED, event, "handler failed", Objects.requireNonNull(e));
    }

    static WebhookResult inProgress(WebhookEvent event) {
        return new WebhookResult(Outcome.IN_PROGRESS, event, "still being handled", null);
    }

    /**
     * What became of the push.
     *
     * @return the outcome; never null
     */
    public Outcome outcome() {
        return outcome;
    }

    /**
     * The HTTP status to answer LinkedIn with.
     *
     * @return the status of the {@link #outcome()}
     */
    public int httpStatus() {
        return outcome.httpStatus();
    }

    /**
     * The event, when the body was verified and read.
     *
     * @return the event, or empty for a refused signature or a malformed body
     */
    public Optional<WebhookEvent> event() {
        return Optional.ofNullable(event);
    }

    /**
     * A short reason, safe to send back in the response or to log: no body, secret or handler message.
     *
     * @return the reason, for example {@code already handled}; never null
     */
    public String detail() {
        return detail;
    }

    /**
     * The exception behind a refused or failed push: a {@link WebhookException} or the handler's own.
     *
     * @return the exception, or empty for a push handled, a duplicate or one still in progress
     */
    public Optional<Exception> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public String toString() {
        return "WebhookResult[" + outcome + " " + outcome.httpStatus() + ", " + detail
                + (event == null ? "" : ", " + event.rawType() + " " + event.requestId()) + "]";
    }
}
