package dev.crmconnect.micrometer;

import dev.crmconnect.sdk.ClientListener;
import dev.crmconnect.sdk.exception.CrmConnectException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.Objects;
import java.util.Optional;

/**
 * Micrometer meters for the calls of CRM Connect clients, recorded by a {@link ClientListener}:
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>Name</th><th>Type</th><th>Tags</th><th>What</th></tr>
 *   <tr><td>{@value #CALLS}</td><td>timer</td><td>resource, operation, status, exception</td>
 *       <td>whole calls, retries and waits included</td></tr>
 *   <tr><td>{@value #REQUESTS}</td><td>timer</td><td>resource, operation, status, exception</td>
 *       <td>each attempt (HTTP exchange)</td></tr>
 *   <tr><td>{@value #RETRIES}</td><td>counter</td><td>resource, operation, status</td>
 *       <td>retries scheduled, tagged with the failed attempt's status</td></tr>
 *   <tr><td>{@value #THROTTLE_WAITS}</td><td>timer</td><td>resource, operation</td>
 *       <td>waits for the client-side throttle</td></tr>
 *   <tr><td>{@value #RATE_LIMITED}</td><td>counter</td><td>resource, operation</td>
 *       <td>HTTP 429 responses</td></tr>
 * </table>
 *
 * <p>{@code resource} is the resource's label ({@code contacts}, {@code poolMembers}, ...),
 * {@code operation} the Rest.li method ({@code BATCH_UPDATE}, {@code FINDER}, ...), {@code status}
 * the HTTP status or {@code 0} when no response was received, and {@code exception} {@code none} or
 * the simple name of the SDK's exception class ({@code RateLimitedException}, ...). Each has a small,
 * bounded set of values; a record key, a path, a query value or a request id is never a tag. The
 * tenant is not a tag unless {@link Builder#tenantTag(boolean)} asks for it.
 *
 * <pre>{@code
 * CrmConnectClient client = CrmConnectClient.builder()
 *         // ...
 *         .listener(CrmConnectMetrics.listener(meterRegistry))
 *         .build();
 * }</pre>
 */
public final class CrmConnectMetrics {

    /** The timer of whole calls. */
    public static final String CALLS = "crmconnect.client.calls";
    /** The timer of attempts. */
    public static final String REQUESTS = "crmconnect.client.requests";
    /** The counter of retries scheduled. */
    public static final String RETRIES = "crmconnect.client.retries";
    /** The timer of client-side throttle waits. */
    public static final String THROTTLE_WAITS = "crmconnect.client.throttle.waits";
    /** The counter of HTTP 429 responses. */
    public static final String RATE_LIMITED = "crmconnect.client.rate.limited";

    private CrmConnectMetrics() {
    }

    /**
     * A listener recording the meters of this class in {@code registry}, without a tenant tag.
     *
     * @param registry where the meters are registered
     * @return a listener for {@link dev.crmconnect.sdk.CrmConnectClient.Builder#listener}; one may serve many clients
     * @throws NullPointerException if {@code registry} is null
     */
    public static ClientListener listener(MeterRegistry registry) {
        return builder(registry).build();
    }

    /**
     * A builder of a listener with extra tags or a tenant tag.
     *
     * @param registry where the meters are registered
     * @return a builder with no extra tags and no tenant tag
     * @throws NullPointerException if {@code registry} is null
     */
    public static Builder builder(MeterRegistry registry) {
        return new Builder(Objects.requireNonNull(registry, "registry must not be null"));
    }

    /** Builds the listener of {@link CrmConnectMetrics}. */
    public static final class Builder {

        private final MeterRegistry registry;
        private Tags tags = Tags.empty();
        private boolean tenantTag;

        private Builder(MeterRegistry registry) {
            this.registry = registry;
        }

        /**
         * Tags added to every meter, for example the name of the client when an application has several.
         *
         * @param tags the tags; their values must be bounded too
         * @return this builder
         * @throws NullPointerException if {@code tags} is null
         */
        public Builder tags(Iterable<Tag> tags) {
            this.tags = this.tags.and(Objects.requireNonNull(tags, "tags must not be null"));
            return this;
        }

        /**
         * Whether every meter carries a {@code tenant} tag, the client's integration context: one time series per
         * tenant, which suits a few tenants and not thousands. Off by default.
         *
         * @param tenantTag true to tag meters with the tenant
         * @return this builder
         */
        public Builder tenantTag(boolean tenantTag) {
            this.tenantTag = tenantTag;
            return this;
        }

        /**
         * The listener.
         *
         * @return a listener recording into the builder's registry
         */
        public ClientListener build() {
            return new MetricsListener(registry, tags, tenantTag);
        }
    }

    /** Records the meters; one instance may serve several clients, on any threads. */
    private static final class MetricsListener implements ClientListener {

        private final MeterRegistry registry;
        private final Tags common;
        private final boolean tenantTag;

        MetricsListener(MeterRegistry registry, Tags common, boolean tenantTag) {
            this.registry = registry;
            this.common = common;
            this.tenantTag = tenantTag;
        }

        private Tags tags(CallInfo call) {
            Tags tags = common.and("resource", call.resource(), "operation", call.method());
            return tenantTag ? tags.and("tenant", call.integrationContext()) : tags;
        }

        private static String exception(Optional<CrmConnectException> failure) {
            return failure.map(e -> e.getClass().getSimpleName()).orElse("none");
        }

        @Override
        public void onCallCompleted(CallCompleted event) {
            Timer.builder(CALLS).description("CRM Connect calls, retries and waits included")
                    .tags(tags(event.call()).and("status", Integer.toString(event.status()),
                            "exception", exception(event.failure())))
                    .register(registry).record(event.duration());
        }

        @Override
        public void onRequestCompleted(RequestCompleted event) {
            Tags tags = tags(event.call());
            Timer.builder(REQUESTS).description("CRM Connect HTTP exchanges, one per attempt")
                    .tags(tags.and("status", Integer.toString(event.status()), "exception",
                            exception(event.failure())))
                    .register(registry).record(event.duration());
            if (event.status() == 429) {
                Counter.builder(RATE_LIMITED).description("CRM Connect responses with HTTP 429")
                        .tags(tags).register(registry).increment();
            }
        }

        @Override
        public void onRetryScheduled(RetryScheduled event) {
            Counter.builder(RETRIES).description("CRM Connect retries scheduled")
                    .tags(tags(event.call()).and("status", Integer.toString(event.cause().status())))
                    .register(registry).increment();
        }

        @Override
        public void onThrottled(Throttled event) {
            Timer.builder(THROTTLE_WAITS).description("CRM Connect waits for the client-side throttle")
                    .tags(tags(event.call())).register(registry).record(event.delay());
        }

        @Override
        public String toString() {
            return "CrmConnectMetrics[" + registry.getClass().getSimpleName() + "]";
        }
    }
}
