package dev.crmconnect.sdk;

import dev.crmconnect.model.internal.Check;
import dev.crmconnect.sdk.internal.http.ApiClient;
import dev.crmconnect.sdk.internal.http.ClientConfig;
import dev.crmconnect.sdk.internal.http.SharedTransport;
import dev.crmconnect.sdk.internal.json.JacksonVersion;
import dev.crmconnect.sdk.internal.resource.ResourceContext;
import dev.crmconnect.sdk.privacy.DataRequestPolling;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;

/**
 * The CRM Connect client of one tenant (one client id and secret, one integration context).
 * Immutable and thread-safe: build one per tenant and share it. Clients hold only their tenant's
 * state (token, throttle, listener, calls); threads, connections and timers are shared by every
 * client of the JVM (see {@link CrmConnectRuntime}), so ten thousand clients cost what one does.
 * Close a client when done: the last client closed releases the shared threads and connections.
 * An {@link HttpClient} or {@link Executor} you supplied is left alone. It touches no JVM global
 * (system properties, default authenticator, default executors).
 *
 * <pre>{@code
 * try (CrmConnectClient client = CrmConnectClient.builder()
 *         .credentials(clientId, clientSecret)
 *         .integrationContext("urn:li:organization:1001")
 *         .build()) {
 *     ...
 * }
 * }</pre>
 */
public final class CrmConnectClient implements AutoCloseable {

    /** The default API base URL. */
    public static final String DEFAULT_BASE_URL = "https://api.linkedin.com/v2";
    /** The default OAuth token URL. */
    public static final String DEFAULT_TOKEN_URL = "https://www.linkedin.com/oauth/v2/accessToken";
    /** The default connect timeout: 10 seconds. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** The default bound on one attempt, response body included: 30 seconds. */
    public static final Duration DEFAULT_ATTEMPT_TIMEOUT = Duration.ofSeconds(30);
    /** The default bound on a whole call, all attempts and waits included: 2 minutes. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofMinutes(2);
    /** The default cap on a response body: 16 MiB. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 16L * 1024 * 1024;

    /** The most records one batch call may carry, by the contract. */
    public static final int MAX_BATCH_SIZE = 100;
    /** The default number of batch calls one {@code upsert} or {@code delete} runs at once: 4. */
    public static final int DEFAULT_BATCHES_IN_FLIGHT = 4;
    /** The most elements a page of a listing may hold, by the contract; also the default. */
    public static final int MAX_PAGE_SIZE = 100;

    private final ApiClient api;
    private final ContactService contacts;
    private final PoolService pools;
    private final VacancyService vacancies;
    private final ApplicationService applications;
    private final EmailInteractionService emailInteractions;
    private final NoteService notes;
    private final ExportedCandidateService exportedCandidates;
    private final DeletionNoticeService deletionNotices;
    private final DataRequestService dataRequests;

    private CrmConnectClient(ResourceContext context, DataRequestPolling polling) {
        this.api = context.api();
        this.contacts = new ContactService(context);
        this.pools = new PoolService(context);
        this.vacancies = new VacancyService(context);
        this.applications = new ApplicationService(context);
        this.emailInteractions = new EmailInteractionService(context);
        this.notes = new NoteService(context);
        this.exportedCandidates = new ExportedCandidateService(context);
        this.deletionNotices = new DeletionNoticeService(context);
        this.dataRequests = new DataRequestService(context, polling);
    }

    /**
     * Contacts: upsert, get (with LinkedIn's match), delete, list, manual match.
     *
     * @return the contacts service of this client
     */
    public ContactService contacts() {
        return contacts;
    }

    /**
     * Pools with their steps, and each pool's members.
     *
     * @return the pools service of this client
     */
    public PoolService pools() {
        return pools;
    }

    /**
     * Vacancies with their stages.
     *
     * @return the vacancies service of this client
     */
    public VacancyService vacancies() {
        return vacancies;
    }

    /**
     * Applications of contacts to vacancies.
     *
     * @return the applications service of this client
     */
    public ApplicationService applications() {
        return applications;
    }

    /**
     * Emails between contacts and CRM users.
     *
     * @return the email interactions service of this client
     */
    public EmailInteractionService emailInteractions() {
        return emailInteractions;
    }

    /**
     * Notes logged on contacts.
     *
     * @return the notes service of this client
     */
    public NoteService notes() {
        return notes;
    }

    /**
     * Members exported into the CRM with 1-Click Export.
     *
     * @return the exported candidates service of this client
     */
    public ExportedCandidateService exportedCandidates() {
        return exportedCandidates;
    }

    /**
     * The feed of deletion notices of exported members.
     *
     * @return the deletion notices service of this client
     */
    public DeletionNoticeService deletionNotices() {
        return deletionNotices;
    }

    /**
     * GDPR export and deletion requests.
     *
     * @return the data requests service of this client
     */
    public DataRequestService dataRequests() {
        return dataRequests;
    }

    /**
     * A builder with the defaults above; credentials and integration context are required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The tenant this client works for.
     *
     * @return the tenant's {@code urn:li:organization:<digits>}
     */
    public String integrationContext() {
        return api.integrationContext();
    }

    /**
     * Fails the calls in flight and releases this client's use of its runtime: closing the last
     * client of the JVM-wide runtime stops its threads and closes its HTTP clients. Idempotent.
     */
    @Override
    public void close() {
        api.close();
    }

    /** The engine the resource classes call; not part of the public API. */
    ApiClient apiClient() {
        return api;
    }

    @Override
    public String toString() {
        return "CrmConnectClient[" + api.integrationContext() + "]";
    }

    /**
     * Builds a {@link CrmConnectClient}. Setters only record values; {@link #build()} checks them
     * all and fails with an {@link IllegalArgumentException} naming every invalid setting.
     */
    public static final class Builder {

        private static final Pattern INTEGRATION_CONTEXT = Pattern.compile("urn:li:organization:[0-9]{1,19}");
        private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}");

        private String baseUrl = DEFAULT_BASE_URL;
        private String tokenUrl = DEFAULT_TOKEN_URL;
        private String clientId;
        private String clientSecret;
        private String integrationContext;
        private HttpClient httpClient;
        private CrmConnectRuntime runtime;
        private Executor executor;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration attemptTimeout = DEFAULT_ATTEMPT_TIMEOUT;
        private Duration callTimeout = DEFAULT_CALL_TIMEOUT;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Throttle throttle = Throttle.defaults();
        private ClientListener listener = ClientListener.NONE;
        private RequestDecorator requestDecorator = RequestDecorator.NONE;
        private String userAgentSuffix;
        private boolean allowInsecureHttp;
        private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
        private Clock clock = Clock.systemUTC();
        private Routes routes = Routes.defaults();
        private int batchSize = MAX_BATCH_SIZE;
        private int batchesInFlight = DEFAULT_BATCHES_IN_FLIGHT;
        private int pageSize = MAX_PAGE_SIZE;
        private DataRequestPolling dataRequestPolling = DataRequestPolling.defaults();

        private Builder() {
        }

        /**
         * The API base URL; default {@value CrmConnectClient#DEFAULT_BASE_URL}.
         *
         * @param baseUrl the URL the resource paths are appended to: an absolute {@code https} URL with a host and
         *     no query, fragment or user info; {@code http} only to a loopback host or with
         *     {@link #allowInsecureHttp(boolean)}
         * @return this builder
         */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        /**
         * The OAuth token URL; default {@value CrmConnectClient#DEFAULT_TOKEN_URL}.
         *
         * @param tokenUrl the URL of the OAuth client-credentials token endpoint: an absolute {@code https} URL
         *     with a host and no query, fragment or user info; {@code http} only to a loopback host or with
         *     {@link #allowInsecureHttp(boolean)}
         * @return this builder
         */
        public Builder tokenUrl(String tokenUrl) {
            this.tokenUrl = tokenUrl;
            return this;
        }

        /**
         * The tenant's OAuth client id and secret (required). The secret is never logged or shown.
         *
         * @param clientId the client id: 1 to 1024 visible ASCII characters
         * @param clientSecret the client secret: 1 to 1024 visible ASCII characters
         * @return this builder
         */
        public Builder credentials(String clientId, String clientSecret) {
            this.clientId = clientId;
            this.clientSecret = clientSecret;
            return this;
        }

        /**
         * The tenant's {@code urn:li:organization:<digits>} (required).
         *
         * @param integrationContext the tenant, {@code urn:li:organization:} followed by 1 to 19 digits
         * @return this builder
         */
        public Builder integrationContext(String integrationContext) {
            this.integrationContext = integrationContext;
            return this;
        }

        /**
         * The runtime whose threads, connections and timer this client uses, instead of the
         * JVM-wide one that clients share by default. It is not closed with the client.
         *
         * @param runtime a runtime you built and will close after its clients, or null for the default
         * @return this builder
         */
        public Builder runtime(CrmConnectRuntime runtime) {
            this.runtime = runtime;
            return this;
        }

        /**
         * An HTTP client to use instead of one the client builds. Its own connect timeout, proxy
         * and redirect settings apply; it is never closed by {@link CrmConnectClient#close()}.
         *
         * @param httpClient the HTTP client, or null (the default) for the runtime's shared one
         * @return this builder
         */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = httpClient;
            return this;
        }

        /**
         * The executor that completes this client's async calls, instead of the runtime's (a
         * small shared pool of daemon threads, unless the runtime was given one). Never shut
         * down by {@link CrmConnectClient#close()}.
         *
         * @param executor the executor, or null (the default) for the runtime's
         * @return this builder
         */
        public Builder executor(Executor executor) {
            this.executor = executor;
            return this;
        }

        /**
         * The TCP and TLS connect timeout; default 10 s. Clients with the same connect timeout
         * share one HTTP client and its connection pool.
         *
         * @param connectTimeout the timeout, positive; ignored when an {@link #httpClient(HttpClient)} is supplied
         * @return this builder
         */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        /**
         * The bound on one attempt, the whole response body included; default 30 s.
         *
         * @param attemptTimeout the bound, positive and not longer than the {@link #callTimeout(Duration)}
         * @return this builder
         */
        public Builder attemptTimeout(Duration attemptTimeout) {
            this.attemptTimeout = attemptTimeout;
            return this;
        }

        /**
         * The bound on a whole call, all attempts, retry and throttle waits included; default 2 min.
         *
         * @param callTimeout the bound, positive and not shorter than the {@link #attemptTimeout(Duration)}
         * @return this builder
         */
        public Builder callTimeout(Duration callTimeout) {
            this.callTimeout = callTimeout;
            return this;
        }

        /**
         * The retry policy; default {@link RetryPolicy#defaults()}.
         *
         * @param retryPolicy which failures are retried, how often and after what wait; not null
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = retryPolicy;
            return this;
        }

        /**
         * The client-side throttle; default {@link Throttle#defaults()}.
         *
         * @param throttle how the client paces requests and records to stay within the quotas; not null
         * @return this builder
         */
        public Builder throttle(Throttle throttle) {
            this.throttle = throttle;
            return this;
        }

        /**
         * The listener for metrics and tracing; default none.
         *
         * @param listener the listener told of every call and attempt; not null, {@link ClientListener#NONE} for none
         * @return this builder
         */
        public Builder listener(ClientListener listener) {
            this.listener = listener;
            return this;
        }

        /**
         * Adds headers to every attempt, for example a tracing library's {@code traceparent}; default none.
         *
         * @param requestDecorator called for every attempt; not null, {@link RequestDecorator#NONE} for none
         * @return this builder
         */
        public Builder requestDecorator(RequestDecorator requestDecorator) {
            this.requestDecorator = requestDecorator;
            return this;
        }

        /**
         * Appended to the {@code User-Agent}, for example {@code acme-crm/4.2}: printable ASCII.
         *
         * @param userAgentSuffix the suffix, 1 to 200 printable ASCII characters, or null (the default) for none
         * @return this builder
         */
        public Builder userAgentSuffix(String userAgentSuffix) {
            this.userAgentSuffix = userAgentSuffix;
            return this;
        }

        /**
         * Allows plain {@code http://} URLs to hosts other than loopback; for test servers only.
         *
         * @param allowInsecureHttp true to accept {@code http://} base and token URLs to any host; default false
         * @return this builder
         */
        public Builder allowInsecureHttp(boolean allowInsecureHttp) {
            this.allowInsecureHttp = allowInsecureHttp;
            return this;
        }

        /**
         * The largest response body accepted; a larger one fails the attempt. Default 16 MiB.
         *
         * @param maxResponseBytes the cap in bytes, from 1024 to {@code Integer.MAX_VALUE - 8}
         * @return this builder
         */
        public Builder maxResponseBytes(long maxResponseBytes) {
            this.maxResponseBytes = maxResponseBytes;
            return this;
        }

        /**
         * The paths of the resources; default {@link Routes#defaults()}.
         *
         * @param routes the path of each resource; not null
         * @return this builder
         */
        public Builder routes(Routes routes) {
            this.routes = routes;
            return this;
        }

        /**
         * Records per batch call of {@code upsert} and {@code delete}: 1 to 100, default 100.
         *
         * @param batchSize the most records in one batch call, 1 to {@value CrmConnectClient#MAX_BATCH_SIZE}
         * @return this builder
         */
        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /**
         * Batch calls one {@code upsert} or {@code delete} runs at once: 1 to 64, default 4. The
         * runtime sends at most {@link CrmConnectRuntime#DEFAULT_MAX_EXCHANGES_IN_FLIGHT_PER_CLIENT}
         * exchanges of one client at once (see {@link CrmConnectRuntime.Builder#maxExchangesInFlightPerClient});
         * more wait for their turn.
         *
         * @param batchesInFlight the most batch calls in flight for one {@code upsert} or {@code delete}, 1 to 64
         * @return this builder
         */
        public Builder batchesInFlight(int batchesInFlight) {
            this.batchesInFlight = batchesInFlight;
            return this;
        }

        /**
         * Elements per page of a listing: 1 to 100, default 100.
         *
         * @param pageSize the {@code count} asked of each page, 1 to {@value CrmConnectClient#MAX_PAGE_SIZE}
         * @return this builder
         */
        public Builder pageSize(int pageSize) {
            this.pageSize = pageSize;
            return this;
        }

        /**
         * How {@code dataRequests().awaitCompletion} waits between its polls; default
         * {@link DataRequestPolling#defaults()}.
         *
         * @param dataRequestPolling the intervals, clock, sleeper and jitter of the polling; not null
         * @return this builder
         */
        public Builder dataRequestPolling(DataRequestPolling dataRequestPolling) {
            this.dataRequestPolling = dataRequestPolling;
            return this;
        }

        /** The clock for token expiry and {@code Retry-After} dates; for tests. */
        Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Checks every setting and starts a client.
         *
         * @return a new client, open until {@link CrmConnectClient#close()}
         * @throws IllegalArgumentException naming every invalid setting
         * @throws IllegalStateException if the Jackson on the classpath is older than 2.15
         */
        public CrmConnectClient build() {
            JacksonVersion.requireSupported();
            Check.Problems problems = new Check.Problems("invalid CrmConnectClient configuration");
            URI base = url("baseUrl", baseUrl, problems);
            URI token = url("tokenUrl", tokenUrl, problems);
            credential("clientId", clientId, problems);
            credential("clientSecret", clientSecret, problems);
            if (integrationContext == null || !INTEGRATION_CONTEXT.matcher(integrationContext).matches()) {
                problems.add("integrationContext", "must be urn:li:organization:<digits>");
            }
            problems.check(() -> Check.positive("connectTimeout", connectTimeout));
            problems.check(() -> Check.positive("attemptTimeout", attemptTimeout));
            problems.check(() -> Check.positive("callTimeout", callTimeout));
            if (attemptTimeout != null && callTimeout != null && attemptTimeout.compareTo(callTimeout) > 0) {
                problems.add("attemptTimeout", "must not exceed callTimeout");
            }
            problems.check(() -> Check.required("retryPolicy", retryPolicy));
            problems.check(() -> Check.required("throttle", throttle));
            problems.check(() -> Check.required("listener", listener));
            problems.check(() -> Check.required("requestDecorator", requestDecorator));
            problems.check(() -> Check.required("clock", clock));
            if (userAgentSuffix != null && (userAgentSuffix.isBlank() || userAgentSuffix.length() > 200
                    || !userAgentSuffix.chars().allMatch(c -> c >= 0x20 && c < 0x7f))) {
                problems.add("userAgentSuffix", "must be 1 to 200 printable ASCII characters");
            }
            problems.check(() -> Check.between("maxResponseBytes", maxResponseBytes, 1024, Integer.MAX_VALUE - 8));
            problems.check(() -> Check.required("routes", routes));
            problems.check(() -> Check.required("dataRequestPolling", dataRequestPolling));
            problems.check(() -> Check.between("batchSize", batchSize, 1, MAX_BATCH_SIZE));
            problems.check(() -> Check.between("batchesInFlight", batchesInFlight, 1, 64));
            problems.check(() -> Check.between("pageSize", pageSize, 1, MAX_PAGE_SIZE));
            problems.throwIfAny();
            String userAgent = "crmconnect-java/" + SdkVersion.version() + " Java/" + System.getProperty("java.version")
                    + (userAgentSuffix == null ? "" : " " + userAgentSuffix);
            ClientConfig config = new ClientConfig(base, token, clientId, clientSecret, integrationContext, httpClient,
                    executor, connectTimeout, attemptTimeout, callTimeout, retryPolicy, throttle, listener, requestDecorator,
                    userAgent, maxResponseBytes, clock);
            SharedTransport transport = runtime == null ? SharedTransport.acquireDefault() : runtime.transport();
            try {
                return new CrmConnectClient(new ResourceContext(ApiClient.start(config, transport), routes, batchSize,
                        batchesInFlight, pageSize), dataRequestPolling);
            } catch (RuntimeException e) {
                transport.release();
                throw e;
            }
        }

        private URI url(String name, String value, Check.Problems problems) {
            if (value == null) {
                problems.add(name, "is required");
                return null;
            }
            URI uri;
            try {
                uri = new URI(value);
            } catch (URISyntaxException e) {
                problems.add(name, "is not a valid URL");
                return null;
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http")) {
                problems.add(name, "must be an absolute http(s) URL");
                return null;
            }
            if (uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null
                    || uri.getRawUserInfo() != null) {
                problems.add(name, "must have a host and no query, fragment or user info");
                return null;
            }
            if (scheme.equals("http") && !allowInsecureHttp && !isLoopback(uri.getHost())) {
                problems.add(name, "must use https: plain http is only allowed to a loopback host"
                        + " unless allowInsecureHttp(true)");
                return null;
            }
            return uri;
        }

        /** Judged from the name alone: resolving it here would make build() touch the network. */
        static boolean isLoopback(String host) {
            String h = host.toLowerCase(Locale.ROOT);
            return h.equals("localhost") || h.endsWith(".localhost") || h.equals("[::1]")
                    || h.equals("[0:0:0:0:0:0:0:1]") || IPV4_LOOPBACK.matcher(h).matches();
        }

        private static void credential(String name, String value, Check.Problems problems) {
            if (value == null || value.isBlank()) {
                problems.add(name, "is required (credentials)");
            } else if (value.length() > 1024 || !value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
                problems.add(name, "must be 1 to 1024 visible ASCII characters (credentials)");
            }
        }


    }
}
