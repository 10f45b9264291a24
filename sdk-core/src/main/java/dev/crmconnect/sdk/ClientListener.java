package dev.crmconnect.sdk;

import dev.crmconnect.sdk.exception.CrmConnectException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Hooks for metrics and tracing, so that a client can be bridged to Micrometer or OpenTelemetry
 * without the SDK depending on either. Every method has a no-op default; implement the ones you
 * need. Methods are called on the SDK's threads and must return quickly; an exception thrown by a
 * listener is logged and otherwise ignored.
 *
 * <p>Every event carries a {@link CallInfo}: the call's id, its resource, Rest.li method, route
 * template and tenant. No event field holds a record key, a query value or a body, so that each
 * may be used as a metric tag or a span attribute; the message of a {@link CrmConnectException}
 * attached to an event may name the concrete path, keys included.
 *
 * <p>A call is announced by {@link #onCallStarted}, on the thread that starts it, then each of its
 * attempts by {@link #onRequestSent} and {@link #onRequestCompleted}, with {@link #onThrottled}
 * and {@link #onRetryScheduled} between them, and it ends with {@link #onCallCompleted}, exactly
 * once, whatever its outcome.
 */
public interface ClientListener {

    /** The listener that does nothing. */
    ClientListener NONE = new ClientListener() {
    };

    /**
     * A call is starting, on the thread that makes it (for example to capture a trace context).
     *
     * @param event the call
     */
    default void onCallStarted(CallStarted event) {
    }

    /**
     * A call ended, with a response or with its final failure.
     *
     * @param event the call's outcome, attempts and duration
     */
    default void onCallCompleted(CallCompleted event) {
    }

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
     * A listener that tells each of {@code listeners}, in order, of every event.
     *
     * @param listeners the listeners; none null
     * @return a listener forwarding every event to each of them; an exception thrown by one is logged and the
     *     others are still told
     * @throws NullPointerException if {@code listeners} or one of them is null
     */
    static ClientListener composite(ClientListener... listeners) {
        return new CompositeClientListener(listeners);
    }

    /**
     * An event of one attempt of a call: the call it belongs to, and the accessors the events had
     * before they carried a {@link CallInfo}.
     */
    interface CallEvent {

        /**
         * The call.
         *
         * @return the call this event belongs to
         */
        CallInfo call();

        /**
         * The Rest.li method.
         *
         * @return the call's {@link CallInfo#method()}
         */
        default String method() {
            return call().method();
        }

        /**
         * The HTTP method.
         *
         * @return the call's {@link CallInfo#httpMethod()}
         */
        default String httpMethod() {
            return call().httpMethod();
        }

        /**
         * The route template; this used to be the concrete path, keys included.
         *
         * @return the call's {@link CallInfo#route()}
         * @deprecated use {@code call().route()}
         */
        @Deprecated(since = "0.1.0")
        default String path() {
            return call().route();
        }
    }

    /**
     * The call an event belongs to, without any key, query value or body.
     *
     * @param id the call's number, unique within the JVM, to match the events of one call
     * @param resource the resource's {@linkplain Routes.Resource#label() label}, for example {@code contacts} or
     *     {@code poolMembers}
     * @param method the Rest.li method (the operation), for example {@code FINDER} or {@code BATCH_UPDATE}
     * @param httpMethod the HTTP method, for example {@code GET}
     * @param route the path template below the base URL, each key replaced by {@code {key}}, for example
     *     {@code /crmPools/{key}/members}; a path remapped by {@link Routes#with} appears as remapped
     * @param integrationContext the tenant's {@code urn:li:organization:<digits>}
     * @param records the records the call carries (batch entities or keys), 0 for reads without keys
     */
    record CallInfo(long id, String resource, String method, String httpMethod, String route,
            String integrationContext, int records) {

        /**
         * Checks the values.
         *
         * @param id the call's number
         * @param resource the resource's label
         * @param method the Rest.li method
         * @param httpMethod the HTTP method
         * @param route the path template
         * @param integrationContext the tenant
         * @param records the records the call carries
         * @throws NullPointerException if a string is null
         */
        public CallInfo {
            Objects.requireNonNull(resource, "resource must not be null");
            Objects.requireNonNull(method, "method must not be null");
            Objects.requireNonNull(httpMethod, "httpMethod must not be null");
            Objects.requireNonNull(route, "route must not be null");
            Objects.requireNonNull(integrationContext, "integrationContext must not be null");
        }
    }

    /**
     * A call is starting.
     *
     * @param call the call
     */
    record CallStarted(CallInfo call) {
    }

    /**
     * A call ended.
     *
     * @param call the call
     * @param attempts the attempts made, 0 when the call ended before its first was sent
     * @param status the last response's HTTP status, or 0 when no response was received
     * @param duration from the start of the call to its end, waits and retries included
     * @param failure the call's final failure, when it failed
     */
    record CallCompleted(CallInfo call, int attempts, int status, Duration duration,
            Optional<CrmConnectException> failure) {
    }

    /**
     * An attempt about to be sent.
     *
     * @param call the call
     * @param attempt the attempt's number, from 1; a repeat after a token refresh keeps its attempt's number
     */
    record RequestSent(CallInfo call, int attempt) implements CallEvent {
    }

    /**
     * An attempt completed.
     *
     * @param call the call
     * @param attempt the attempt's number, from 1
     * @param status the HTTP status, or 0 when no response was received
     * @param duration from sending to the end of the response body or the failure
     * @param requestId the response's {@code X-LI-UUID}, when it had one
     * @param failure the attempt's failure, when it failed
     */
    record RequestCompleted(CallInfo call, int attempt, int status, Duration duration, Optional<String> requestId,
            Optional<CrmConnectException> failure) implements CallEvent {
    }

    /**
     * A retry was scheduled.
     *
     * @param call the call
     * @param failedAttempt the number of the attempt that failed
     * @param delay the wait before the next attempt
     * @param cause the failure of that attempt
     */
    record RetryScheduled(CallInfo call, int failedAttempt, Duration delay, CrmConnectException cause)
            implements CallEvent {
    }

    /**
     * An attempt waits for throttle permits.
     *
     * @param call the call
     * @param attempt the attempt's number, from 1
     * @param records the records the attempt carries
     * @param delay how long it waits
     */
    record Throttled(CallInfo call, int attempt, int records, Duration delay) implements CallEvent {
    }
}
