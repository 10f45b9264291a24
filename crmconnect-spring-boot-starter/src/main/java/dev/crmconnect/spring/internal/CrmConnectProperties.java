package dev.crmconnect.spring.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The starter's settings, under {@code crmconnect}; the processor turns the field comments into IDE metadata. */
@ConfigurationProperties("crmconnect")
public class CrmConnectProperties {

    /** The API base URL; unset for LinkedIn's. */
    private String baseUrl;
    /** The OAuth token URL; unset for LinkedIn's. */
    private String tokenUrl;
    /** Tenants by the application's id for them, used when the application defines no TenantDirectory bean. */
    private final Map<String, Tenant> tenants = new LinkedHashMap<>();
    private final Runtime runtime = new Runtime();
    private final Poller poller = new Poller();
    private final Webhook webhook = new Webhook();
    private final Metrics metrics = new Metrics();
    private final Tracing tracing = new Tracing();
    private final Health health = new Health();

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getTokenUrl() {
        return tokenUrl;
    }

    public void setTokenUrl(String tokenUrl) {
        this.tokenUrl = tokenUrl;
    }

    public Map<String, Tenant> getTenants() {
        return tenants;
    }

    public Runtime getRuntime() {
        return runtime;
    }

    public Poller getPoller() {
        return poller;
    }

    public Webhook getWebhook() {
        return webhook;
    }

    public Metrics getMetrics() {
        return metrics;
    }

    public Tracing getTracing() {
        return tracing;
    }

    public Health getHealth() {
        return health;
    }

    /** One tenant of the properties-based directory. */
    public static class Tenant {

        /** The tenant's OAuth client id. */
        private String clientId;
        /** The tenant's OAuth client secret, which also signs its pushes. */
        private String clientSecret;
        /** The tenant's organization, urn:li:organization:<digits>. */
        private String integrationContext;

        public String getClientId() {
            return clientId;
        }

        public void setClientId(String clientId) {
            this.clientId = clientId;
        }

        public String getClientSecret() {
            return clientSecret;
        }

        public void setClientSecret(String clientSecret) {
            this.clientSecret = clientSecret;
        }

        public String getIntegrationContext() {
            return integrationContext;
        }

        public void setIntegrationContext(String integrationContext) {
            this.integrationContext = integrationContext;
        }
    }

    /** The shared runtime's limits. */
    public static class Runtime {

        /** Exchanges in flight at once over all clients, 1 to 1024. */
        private int maxExchangesInFlight = 64;
        /** Exchanges in flight at once per client, at most max-exchanges-in-flight; unset for 16 or that maximum. */
        private Integer maxExchangesInFlightPerClient;

        public int getMaxExchangesInFlight() {
            return maxExchangesInFlight;
        }

        public void setMaxExchangesInFlight(int maxExchangesInFlight) {
            this.maxExchangesInFlight = maxExchangesInFlight;
        }

        public Integer getMaxExchangesInFlightPerClient() {
            return maxExchangesInFlightPerClient;
        }

        public void setMaxExchangesInFlightPerClient(Integer maxExchangesInFlightPerClient) {
            this.maxExchangesInFlightPerClient = maxExchangesInFlightPerClient;
        }
    }

    /** The deletion-notice poller. */
    public static class Poller {

        /** Whether to run the deletion-notice poller over every tenant of the directory. */
        private boolean enabled;
        /** Whether the poller starts with the application context; otherwise call DeletionNoticePoller.pollOnce(). */
        private boolean autoStartup = true;
        /** Names the handler and its version in every audit record, for example crm-purge-2.3.1. */
        private String handlerId;
        /** The pause between the end of one round and the start of the next. */
        private Duration interval = Duration.ofMinutes(1);
        /** Tenants polled at once, 1 to 256; give the DataSource's pool at least this many connections, plus one. */
        private int parallelism = 16;
        /** Notices per feed page, 1 to 100. */
        private int pageSize = 100;
        /** How long the compliance clock runs before a tenant shows a warning. */
        private Duration complianceWarningAfter = Duration.ofDays(7);
        /** How long the compliance clock runs before a tenant shows an error (health DOWN). */
        private Duration complianceErrorAfter = Duration.ofDays(30);
        /** The prefix of the checkpoint store's tables in the application's DataSource. */
        private String tablePrefix = "crmconnect_";
        /** The id this instance takes tenants' leases under; unset for a random one per start. */
        private String ownerId;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public boolean isAutoStartup() {
            return autoStartup;
        }

        public void setAutoStartup(boolean autoStartup) {
            this.autoStartup = autoStartup;
        }

        public String getHandlerId() {
            return handlerId;
        }

        public void setHandlerId(String handlerId) {
            this.handlerId = handlerId;
        }

        public Duration getInterval() {
            return interval;
        }

        public void setInterval(Duration interval) {
            this.interval = interval;
        }

        public int getParallelism() {
            return parallelism;
        }

        public void setParallelism(int parallelism) {
            this.parallelism = parallelism;
        }

        public int getPageSize() {
            return pageSize;
        }

        public void setPageSize(int pageSize) {
            this.pageSize = pageSize;
        }

        public Duration getComplianceWarningAfter() {
            return complianceWarningAfter;
        }

        public void setComplianceWarningAfter(Duration complianceWarningAfter) {
            this.complianceWarningAfter = complianceWarningAfter;
        }

        public Duration getComplianceErrorAfter() {
            return complianceErrorAfter;
        }

        public void setComplianceErrorAfter(Duration complianceErrorAfter) {
            this.complianceErrorAfter = complianceErrorAfter;
        }

        public String getTablePrefix() {
            return tablePrefix;
        }

        public void setTablePrefix(String tablePrefix) {
            this.tablePrefix = tablePrefix;
        }

        public String getOwnerId() {
            return ownerId;
        }

        public void setOwnerId(String ownerId) {
            this.ownerId = ownerId;
        }
    }

    /** The 1-Click Export webhook endpoint. */
    public static class Webhook {

        /** Whether to serve the webhook when a WebhookHandler bean exists. */
        private boolean enabled = true;
        /** The path under which each tenant's callback URL ends with /{tenant id}. */
        private String path = "/crmconnect/webhook";
        /** The largest push body accepted, in bytes; larger ones get 413. */
        private int maxBodyBytes = 64 * 1024;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getPath() {
            return path;
        }

        public void setPath(String path) {
            this.path = path;
        }

        public int getMaxBodyBytes() {
            return maxBodyBytes;
        }

        public void setMaxBodyBytes(int maxBodyBytes) {
            this.maxBodyBytes = maxBodyBytes;
        }
    }

    /** Micrometer meters, when Micrometer and crmconnect-micrometer are on the class path. */
    public static class Metrics {

        /** Whether to record the clients' and the poller's meters in the application's MeterRegistry. */
        private boolean enabled = true;
        /** Whether client meters carry a tenant tag: one series per tenant, for a few tenants, not thousands. */
        private boolean tenantTag;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public boolean isTenantTag() {
            return tenantTag;
        }

        public void setTenantTag(boolean tenantTag) {
            this.tenantTag = tenantTag;
        }
    }

    /** OpenTelemetry tracing, when crmconnect-opentelemetry is on the class path and an OpenTelemetry bean exists. */
    public static class Tracing {

        /** Whether to trace client calls with the application's OpenTelemetry bean. */
        private boolean enabled = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** The Actuator health indicator of the poller's compliance clocks and gaps. */
    public static class Health {

        /** Whether to contribute the crmConnect health indicator when the poller runs. */
        private boolean enabled = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }
}
