package dev.crmconnect.sdk;

import java.time.Duration;
import java.util.Optional;

/**
 * Hooks for metrics and tracing, so that a client can be bridged to Micrometer or OpenTelemetry
 * without the SDK depending on either. Every method has a no-op default; implement the ones you
 * need. Methods are called on the SDK's threads and must return quickly; an exception thrown by a
 * listener is logged and otherwise ignored. Paths never carry query strings.
 */
public interface ClientListener {

    /** The listener that does nothing. */
    ClientListener NONE = new ClientListener() {
    };

    /**
     * An attempt is about to be sent.
     *
     * @param event what is sent, and which attempt it is
     */
    default void onRequestSent(RequestSent event) {
    }

    /**
     * An attempt completed, with a response or with a failure.
     *
     * @param event the attempt's status, duration and failure, if any
     */
    default void onRequestCompleted(RequestCompleted event) {
    }

    /**
     * A failed attempt will be retried after a wait.
     *
     * @param event the failed attempt, its failure and the wait before the next
     */
    default void onRetryScheduled(RetryScheduled event) {
    }

    /**
     * An attempt waits for the client-side throttle before it is sent.
     *
     * @param event the attempt and how long it waits
     */
    default void onThrottled(Throttled event) {
    }

    /**
     * An attempt about to be sent.
     *
     * @param method the Rest.li method, for example {@code FINDER} or {@code BATCH_UPDATE}
     * @param httpMethod the HTTP method, for example {@code GET}
     * @param path the path below the base URL, without the query
     * @param attempt the attempt's number, from 1
     */
    record RequestSent(String method, String httpMethod, String path, int attempt) {
    }

    /**
     * An attempt completed.
     *
     * @param method the Rest.li method
     * @param httpMethod the HTTP method
     * @param path the path below the base URL, without the query
     * @param attempt the attempt's number, from 1
     * @param status the HTTP status, or 0 when no response was received
     * @param duration from sending to the end of the response body or the failure
     * @param requestId the response's {@code X-LI-UUID}, when it had one
     * @param failure the attempt's failure, when it failed
     */
    record RequestCompleted(String method, String httpMethod, String path, int attempt, int status,
            Duration duration, Optional<String> requestId, Optional<CrmConnectException> failure) {
    }

    /**
     * A retry was scheduled.
     *
     * @param method the Rest.li method
     * @param path the path below the base URL, without the query
     * @param failedAttempt the number of the attempt that failed
     * @param delay the wait before the next attempt
     * @param cause the failure of that attempt
     */
    record RetryScheduled(String method, String path, int failedAttempt, Duration delay, CrmConnectException cause) {
    }

    /**
     * An attempt waits for throttle permits.
     *
     * @param method the Rest.li method
     * @param path the path below the base URL, without the query
     * @param records the records the attempt carries
     * @param delay how long it waits
     */
    record Throttled(String method, String path, int records, Duration delay) {
    }
}
