package dev.crmconnect.testkit;

import dev.crmconnect.sdk.CrmConnectClient;
import dev.crmconnect.testkit.internal.AdminApi;
import dev.crmconnect.testkit.internal.Settings;
import dev.crmconnect.testkit.internal.Simulation;
import dev.crmconnect.testkit.internal.WireMockHost;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A stateful fake CRM Connect server, in-process on a local port, serving the wire contract
 * (token endpoint, every resource, the admin API under {@code /__admin/crm/}) and simulating the
 * LinkedIn side: members, matching, 1-Click Exports with signed pushes, deletion notices.
 *
 * <pre>{@code
 * try (FakeCrmConnect fake = FakeCrmConnect.builder()
 *         .tenant(new FakeTenant("client", "secret", "urn:li:organization:1001"))
 *         .start()) {
 *     String api = fake.baseUrl();        // http://127.0.0.1:<port>/v2
 *     String token = fake.tokenUrl();     // http://127.0.0.1:<port>/oauth/v2/accessToken
 * }
 * }</pre>
 * Thread-safe. Each instance has its own state; nothing is shared between instances.
 */
public final class FakeCrmConnect implements AutoCloseable {

    /** The seat exports are made by when none is given. */
    public static final String DEFAULT_EXPORTED_BY = "urn:li:seat:1";

    private final Simulation simulation;
    private final WireMockHost host;
    private final String hostName;
    private final int port;

    private FakeCrmConnect(Settings settings) {
        // Name the address listened on, so that "localhost" resolving to ::1 first cannot miss it.
        this.hostName = settings.bindAddress().equals("0.0.0.0") ? "localhost" : settings.bindAddress();
        this.simulation = new Simulation(settings, new FakeClock(Clock.systemUTC()));
        try {
            this.host = WireMockHost.start(simulation, new AdminApi(simulation), settings.port(), settings.bindAddress());
            this.port = host.port();
        } catch (RuntimeException e) {
            simulation.close();
            throw e;
        }
    }

    /**
     * Starts a fake on a free port with default settings and no tenants.
     *
     * @return the running fake; close it when done
     */
    public static FakeCrmConnect start() {
        return builder().start();
    }

    /**
     * A builder for a fake.
     *
     * @return a new builder with the default settings
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The port the fake listens on (or listened on, once closed).
     *
     * @return the port, never 0
     */
    public int port() {
        return port;
    }

    /**
     * The API base URL: {@code http://127.0.0.1:<port>/v2} (the bind address and port).
     *
     * @return the URL to pass to {@code CrmConnectClient.Builder.baseUrl}
     */
    public String baseUrl() {
        return origin() + "/v2";
    }

    /**
     * The token URL: {@code http://127.0.0.1:<port>/oauth/v2/accessToken}.
     *
     * @return the URL to pass to {@code CrmConnectClient.Builder.tokenUrl}
     */
    public String tokenUrl() {
        return origin() + "/oauth/v2/accessToken";
    }

    /**
     * The admin API's base URL: {@code http://127.0.0.1:<port>/__admin/crm}.
     *
     * @return the URL, without a trailing {@code /}
     */
    public String adminUrl() {
        return origin() + "/__admin/crm";
    }

    private String origin() {
        return "http://" + hostName + ":" + port();
    }

    /**
     * The fake's clock (token expiry, quotas, retention, data request progress).
     *
     * @return the clock; move it to age tokens, quotas and notices
     */
    public FakeClock clock() {
        return simulation.clock();
    }

    /**
     * Adds a tenant, or replaces the one with the same client id.
     *
     * @param tenant the tenant
     * @return this fake
     * @throws NullPointerException if {@code tenant} is null
     */
    public FakeCrmConnect addTenant(FakeTenant tenant) {
        simulation.addTenant(Objects.requireNonNull(tenant, "tenant"));
        return this;
    }

    /**
     * The registered tenants.
     *
     * @return the tenants, the builder's and those added since
     */
    public List<FakeTenant> tenants() {
        return simulation.tenants();
    }

    /**
     * A new client of the only registered tenant, pointed at this fake; close it when done.
     *
     * @return a client with the tenant's credentials and default settings
     * @throws IllegalStateException when there is no tenant or more than one
     */
    public CrmConnectClient client() {
        List<FakeTenant> registered = tenants();
        if (registered.size() != 1) {
            throw new IllegalStateException("client(): " + registered.size()
                    + " tenants are registered; name one with client(clientId)");
        }
        return client(registered.get(0).clientId());
    }

    /**
     * A new client of the tenant with this client id, pointed at this fake; close it when done.
     *
     * @param clientId the tenant's client id
     * @return a client with the tenant's credentials and default settings
     * @throws IllegalArgumentException when no tenant has this client id
     */
    public CrmConnectClient client(String clientId) {
        FakeTenant tenant = tenants().stream().filter(t -> t.clientId().equals(clientId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("clientId: no tenant is registered with it"));
        return CrmConnectClient.builder()
                .baseUrl(baseUrl())
                .tokenUrl(tokenUrl())
                .credentials(tenant.clientId(), tenant.clientSecret())
                .integrationContext(tenant.integrationContext())
                .build();
    }

    /**
     * Adds a LinkedIn member to the directory (or replaces the one with the same URN).
     *
     * @param member the member
     * @return this fake
     * @throws NullPointerException if {@code member} is null
     */
    public FakeCrmConnect addMember(FakeMember member) {
        simulation.addMember(Objects.requireNonNull(member, "member"));
        return this;
    }

    /**
     * Simulates a recruiter's 1-Click Export of a member into the organization's CRM: the
     * candidate appears in {@code exportedCandidates} and a signed push goes to each of the
     * organization's tenants with a callback URL (in the background; see {@link #awaitPushes}).
     *
     * @param member the member's URN; the member must be in the directory
     * @param integrationContext the organization, {@code urn:li:organization:<digits>}, of a registered tenant
     * @param destination the pool or vacancy the recruiter picked
     * @return the export's request id
     * @throws IllegalArgumentException if the member is unknown or no tenant is registered for the organization
     */
    public String export(String member, String integrationContext, ExportDestination destination) {
        return export(member, integrationContext, destination, DEFAULT_EXPORTED_BY);
    }

    /**
     * As {@link #export(String, String, ExportDestination)}, made by this seat ({@code urn:li:seat:...}).
     *
     * @param member the member's URN; the member must be in the directory
     * @param integrationContext the organization, {@code urn:li:organization:<digits>}, of a registered tenant
     * @param destination the pool or vacancy the recruiter picked
     * @param exportedBy the recruiter's seat, {@code urn:li:seat:<id>}
     * @return the export's request id
     * @throws NullPointerException if {@code destination} is null
     * @throws IllegalArgumentException if the member is unknown, no tenant is registered for the organization, or
     *     {@code exportedBy} is not a seat URN
     */
    public String export(String member, String integrationContext, ExportDestination destination, String exportedBy) {
        Objects.requireNonNull(destination, "destination: is required");
        return simulation.export(member, integrationContext, destination, exportedBy);
    }

    /**
     * Pushes an {@code INTEGRATION_STATUS_CHANGE} event to the organization's tenants with a callback URL, in the
     * background.
     *
     * @param integrationContext the organization, {@code urn:li:organization:<digits>}, of a registered tenant
     * @throws IllegalArgumentException if no tenant is registered for the organization
     */
    public void sendIntegrationStatusChange(String integrationContext) {
        simulation.integrationStatusChange(integrationContext);
    }

    /**
     * Simulates a member deleting their LinkedIn account: a notice is published to every
     * organization that exported them, visible after a delay drawn from the publication lag.
     *
     * @param member the member's URN
     * @return the notice ids, one per organization
     */
    public List<String> deleteMember(String member) {
        return simulation.deleteMember(member, null);
    }

    /**
     * As {@link #deleteMember(String)}, the notices becoming visible after exactly this delay.
     *
     * @param member the member's URN
     * @param publicationDelay how long after publication the notices become visible; zero or more
     * @return the notice ids, one per organization
     * @throws NullPointerException if {@code publicationDelay} is null
     * @throws IllegalArgumentException if {@code publicationDelay} is negative
     */
    public List<String> deleteMember(String member, Duration publicationDelay) {
        return simulation.deleteMember(member, Objects.requireNonNull(publicationDelay, "publicationDelay"));
    }

    /**
     * Replaces the injected faults ({@link Faults#none()} to stop them).
     *
     * @param faults the faults to inject from now on
     * @return this fake
     * @throws NullPointerException if {@code faults} is null
     */
    public FakeCrmConnect faults(Faults faults) {
        simulation.faults(Objects.requireNonNull(faults, "faults"));
        return this;
    }

    /**
     * Replaces the throttling limits.
     *
     * @param quotas the limits to apply from now on
     * @return this fake
     * @throws NullPointerException if {@code quotas} is null
     */
    public FakeCrmConnect quotas(Quotas quotas) {
        simulation.quotas(Objects.requireNonNull(quotas, "quotas"));
        return this;
    }

    /**
     * Answers the next {@code count} calls to this path (e.g. {@code /crmContacts} or
     * {@code /oauth/v2/accessToken}; query ignored) with this error status.
     *
     * @param path the path, such as {@code /crmContacts} (below {@code /v2}, which may be included) or
     *     {@code /oauth/v2/accessToken}; the query is ignored
     * @param count how many calls to fail; positive
     * @param status the HTTP status to answer, 400 to 599
     * @return this fake
     * @throws IllegalArgumentException if {@code count} or {@code status} is out of range
     */
    public FakeCrmConnect failNext(String path, int count, int status) {
        if (status == 0) {
            throw new IllegalArgumentException("failNext.status: must be between 400 and 599");
        }
        simulation.failNext(Objects.requireNonNull(path, "path"), count, status);
        return this;
    }

    /**
     * Resets the connection of the next {@code count} calls to this path.
     *
     * @param path the path, such as {@code /crmContacts} (below {@code /v2}, which may be included) or
     *     {@code /oauth/v2/accessToken}; the query is ignored
     * @param count how many calls to reset; positive
     * @return this fake
     * @throws IllegalArgumentException if {@code count} is not positive
     */
    public FakeCrmConnect resetNext(String path, int count) {
        simulation.failNext(Objects.requireNonNull(path, "path"), count, 0);
        return this;
    }

    /**
     * The calls answered so far (the last 10,000), oldest first.
     *
     * @return a snapshot of the journal
     */
    public List<JournalEntry> journal() {
        return simulation.journal();
    }

    /**
     * What the fake holds for this organization.
     *
     * @param integrationContext the organization, {@code urn:li:organization:<digits>}
     * @return its records, counts and client ids; empty when the fake holds nothing for it
     */
    public TenantState state(String integrationContext) {
        return simulation.state(integrationContext);
    }

    /**
     * What the fake holds, per organization.
     *
     * @return one state per organization that has data or a tenant
     */
    public List<TenantState> states() {
        return simulation.states();
    }

    /**
     * The pushes sent so far and how they went.
     *
     * @return a snapshot of the deliveries, oldest first
     */
    public List<PushDelivery> pushDeliveries() {
        return simulation.pushDeliveries();
    }

    /**
     * Waits until every push is delivered or given up.
     *
     * @param timeout how long to wait at most
     * @return false when the timeout passed first
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public boolean awaitPushes(Duration timeout) throws InterruptedException {
        return simulation.awaitPushes(timeout);
    }

    /** Returns the fake to how it was built: data, members, tenants, faults, quotas, journal, pushes and clock. */
    public void reset() {
        simulation.reset();
    }

    /** Stops the server and the push thread. */
    @Override
    public void close() {
        try {
            host.close();
        } finally {
            simulation.close();
        }
    }

    @Override
    public String toString() {
        return "FakeCrmConnect[" + baseUrl() + "]";
    }

    /** Builds and starts a {@link FakeCrmConnect}. */
    public static final class Builder {
        private int port;
        private String bindAddress = "127.0.0.1";
        private final List<FakeTenant> tenants = new ArrayList<>();
        private long seed = 1;
        private Duration publicationLag = Duration.ZERO;
        private Quotas quotas = Quotas.contract();
        private Duration inProgressAfter = Duration.ofMinutes(1);
        private Duration completedAfter = Duration.ofMinutes(5);
        private Duration pushRetryBackoff = Duration.ofMillis(50);

        private Builder() {
        }

        /**
         * The port to listen on; 0 (the default) picks a free one.
         *
         * @param value the port, 0 to 65535
         * @return this builder
         * @throws IllegalArgumentException if {@code value} is out of range
         */
        public Builder port(int value) {
            if (value < 0 || value > 65535) {
                throw new IllegalArgumentException("port: must be from 0 to 65535");
            }
            this.port = value;
            return this;
        }

        /**
         * The address to listen on; the default is the loopback address 127.0.0.1.
         *
         * @param value the address, such as {@code 0.0.0.0} for every interface
         * @return this builder
         * @throws NullPointerException if {@code value} is null
         */
        public Builder bindAddress(String value) {
            this.bindAddress = Objects.requireNonNull(value, "bindAddress");
            return this;
        }

        /**
         * A tenant present from the start and after every reset.
         *
         * @param tenant the tenant
         * @return this builder
         * @throws NullPointerException if {@code tenant} is null
         */
        public Builder tenant(FakeTenant tenant) {
            tenants.add(Objects.requireNonNull(tenant, "tenant"));
            return this;
        }

        /**
         * The seed of ids and publication lags (default 1).
         *
         * @param value the seed; the same seed gives the same ids
         * @return this builder
         */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /**
         * The longest delay before a published notice becomes visible (default 0): with a lag, a
         * notice can become visible after one with a later {@code publishedAt}.
         *
         * @param value the longest delay; zero or more
         * @return this builder
         * @throws NullPointerException if {@code value} is null
         * @throws IllegalArgumentException if {@code value} is negative
         */
        public Builder publicationLag(Duration value) {
            Objects.requireNonNull(value, "publicationLag");
            if (value.isNegative()) {
                throw new IllegalArgumentException("publicationLag: must not be negative");
            }
            this.publicationLag = value;
            return this;
        }

        /**
         * The throttling limits (default: the contract's).
         *
         * @param value the limits
         * @return this builder
         * @throws NullPointerException if {@code value} is null
         */
        public Builder quotas(Quotas value) {
            this.quotas = Objects.requireNonNull(value, "quotas");
            return this;
        }

        /**
         * When a data request turns IN_PROGRESS and COMPLETED after its creation (default 1 and 5 minutes).
         *
         * @param inProgress how long after creation a request turns IN_PROGRESS, on the fake's clock; zero or more
         * @param completed how long after creation it turns COMPLETED; at least {@code inProgress}
         * @return this builder
         * @throws NullPointerException if an argument is null
         * @throws IllegalArgumentException if {@code inProgress} is negative or longer than {@code completed}
         */
        public Builder dataRequestProgress(Duration inProgress, Duration completed) {
            Objects.requireNonNull(inProgress, "inProgress");
            Objects.requireNonNull(completed, "completed");
            if (inProgress.isNegative() || completed.compareTo(inProgress) < 0) {
                throw new IllegalArgumentException("dataRequestProgress: need 0 <= inProgress <= completed");
            }
            this.inProgressAfter = inProgress;
            this.completedAfter = completed;
            return this;
        }

        /**
         * The first wait before retrying a push (default 50 ms; doubled each retry, at most 2 s).
         *
         * @param value the first wait; zero or more
         * @return this builder
         * @throws NullPointerException if {@code value} is null
         * @throws IllegalArgumentException if {@code value} is negative
         */
        public Builder pushRetryBackoff(Duration value) {
            Objects.requireNonNull(value, "pushRetryBackoff");
            if (value.isNegative()) {
                throw new IllegalArgumentException("pushRetryBackoff: must not be negative");
            }
            this.pushRetryBackoff = value;
            return this;
        }

        /**
         * Starts the fake.
         *
         * @return the running fake; close it when done
         */
        public FakeCrmConnect start() {
            return new FakeCrmConnect(new Settings(port, bindAddress, tenants, seed, publicationLag, quotas,
                    inProgressAfter, completedAfter, pushRetryBackoff));
        }
    }
}
