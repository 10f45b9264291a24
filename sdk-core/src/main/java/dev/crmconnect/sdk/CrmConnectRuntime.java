package dev.crmconnect.sdk;

import dev.crmconnect.model.internal.Check;
import dev.crmconnect.sdk.internal.http.SharedTransport;
import java.util.concurrent.Executor;

/**
 * The machinery that clients share, so that a backend serving thousands of tenants, one
 * {@link CrmConnectClient} each, costs the threads and connections of one: the HTTP clients and
 * their connection pools, the send threads (at most {@link #DEFAULT_MAX_EXCHANGES_IN_FLIGHT} exchanges
 * in flight in all, at most {@link #DEFAULT_MAX_EXCHANGES_IN_FLIGHT_PER_CLIENT} per client, taken from
 * the clients in turn so that one tenant's backlog never starves another's call), one timer for
 * every timeout, retry and throttle wait, and the pool that completes async calls.
 *
 * <p>Never shared: each client keeps its own credentials and access token, integration context,
 * throttle and quota, retry policy, listener and calls; one tenant's 429s, 5xx or token failures
 * wait on the shared timer and hold no thread, so they never slow another tenant.
 *
 * <p>You rarely need one: clients built without {@link CrmConnectClient.Builder#runtime} share a
 * JVM-wide runtime, created for the first client and released by the last client's
 * {@code close()}. Build your own for isolation (one per group of tenants) or other limits; you
 * own it: close it after its clients, which then fail every call.
 *
 * <pre>{@code
 * try (CrmConnectRuntime runtime = CrmConnectRuntime.builder().maxExchangesInFlight(128).build()) {
 *     CrmConnectClient client = CrmConnectClient.builder().runtime(runtime)...build();
 * }
 * }</pre>
 */
public final class CrmConnectRuntime implements AutoCloseable {

    /** The default bound on exchanges in flight over all clients of a runtime: 64. */
    public static final int DEFAULT_MAX_EXCHANGES_IN_FLIGHT = SharedTransport.DEFAULT_MAX_IN_FLIGHT;
    /** The default bound on exchanges in flight per client: 16. */
    public static final int DEFAULT_MAX_EXCHANGES_IN_FLIGHT_PER_CLIENT = SharedTransport.DEFAULT_MAX_IN_FLIGHT_PER_CLIENT;
    /** The most exchanges in flight a runtime may allow: 1,024. */
    public static final int MAX_EXCHANGES_IN_FLIGHT = 1024;

    private final SharedTransport transport;

    private CrmConnectRuntime(SharedTransport transport) {
        this.transport = transport;
    }

    /**
     * A builder with the defaults above.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Stops the runtime's threads, fails its clients' calls in flight and closes its HTTP clients. Idempotent. */
    @Override
    public void close() {
        transport.close();
    }

    SharedTransport transport() {
        return transport;
    }

    /** Builds a {@link CrmConnectRuntime}; {@link #build()} checks every setting at once. */
    public static final class Builder {
        private int maxExchangesInFlight = DEFAULT_MAX_EXCHANGES_IN_FLIGHT;
        /** Null until set: then 16, or {@code maxExchangesInFlight} when that is lower. */
        private Integer maxExchangesInFlightPerClient;
        private Executor executor;

        private Builder() {
        }

        /**
         * Exchanges in flight at once over all clients; one send thread each.
         *
         * @param maxExchangesInFlight 1 to {@value CrmConnectRuntime#MAX_EXCHANGES_IN_FLIGHT}; default 64
         * @return this builder
         */
        public Builder maxExchangesInFlight(int maxExchangesInFlight) {
            this.maxExchangesInFlight = maxExchangesInFlight;
            return this;
        }

        /**
         * Exchanges in flight at once per client; more wait their client's turn.
         *
         * @param maxExchangesInFlightPerClient 1 to {@code maxExchangesInFlight}; default 16, or
         *     {@code maxExchangesInFlight} when that is lower
         * @return this builder
         */
        public Builder maxExchangesInFlightPerClient(int maxExchangesInFlightPerClient) {
            this.maxExchangesInFlightPerClient = maxExchangesInFlightPerClient;
            return this;
        }

        /**
         * The executor that completes the async calls of clients that set none of their own,
         * instead of the runtime's small pool of daemon threads. Never shut down by the runtime.
         *
         * @param executor the executor, or null for the runtime's own pool
         * @return this builder
         */
        public Builder executor(Executor executor) {
            this.executor = executor;
            return this;
        }

        /**
         * The runtime.
         *
         * @return a new runtime, which starts threads only as its clients need them
         * @throws IllegalArgumentException naming every invalid setting
         */
        public CrmConnectRuntime build() {
            Check.Problems problems = new Check.Problems("invalid CrmConnectRuntime configuration");
            problems.check(() -> Check.between("maxExchangesInFlight", maxExchangesInFlight, 1, MAX_EXCHANGES_IN_FLIGHT));
            int perClient = maxExchangesInFlightPerClient != null ? maxExchangesInFlightPerClient
                    : Math.min(DEFAULT_MAX_EXCHANGES_IN_FLIGHT_PER_CLIENT, Math.max(1, maxExchangesInFlight));
            if (perClient < 1 || perClient > maxExchangesInFlight) {
                problems.add("maxExchangesInFlightPerClient", "must be between 1 and maxExchangesInFlight");
            }
            problems.throwIfAny();
            return new CrmConnectRuntime(SharedTransport.create(maxExchangesInFlight, perClient, executor));
        }
    }
}
