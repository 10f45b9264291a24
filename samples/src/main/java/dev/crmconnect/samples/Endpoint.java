package dev.crmconnect.samples;

import dev.crmconnect.sdk.CrmConnectClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A real CRM Connect endpoint and a tenant's credentials, from flags or environment variables.
 * When none of them is given, the demo launchers (in the module's tests) run the samples against the
 * embedded fake server instead.
 *
 * @param baseUrl            the API base URL; null for LinkedIn's
 * @param tokenUrl           the OAuth token URL; null for LinkedIn's
 * @param clientId           the tenant's OAuth client id
 * @param clientSecret       the tenant's OAuth client secret; never printed
 * @param integrationContext the tenant's {@code urn:li:organization:<digits>}
 */
record Endpoint(String baseUrl, String tokenUrl, String clientId, String clientSecret, String integrationContext) {

    /** The flags that name an endpoint, each with its environment variable. */
    static final Set<String> FLAGS = Set.of("base-url", "token-url", "client-id", "client-secret",
            "integration-context");

    /**
     * The endpoint the flags or environment variables name ({@code --base-url} or
     * {@code CRMCONNECT_BASE_URL}, and so on); empty when none is set.
     *
     * @throws IllegalArgumentException when some are set but a required one is missing
     */
    static Optional<Endpoint> from(SampleArgs args) {
        Endpoint endpoint = new Endpoint(
                args.flagOrEnv("base-url", "CRMCONNECT_BASE_URL"),
                args.flagOrEnv("token-url", "CRMCONNECT_TOKEN_URL"),
                args.flagOrEnv("client-id", "CRMCONNECT_CLIENT_ID"),
                args.flagOrEnv("client-secret", "CRMCONNECT_CLIENT_SECRET"),
                args.flagOrEnv("integration-context", "CRMCONNECT_INTEGRATION_CONTEXT"));
        if (endpoint.baseUrl == null && endpoint.tokenUrl == null && endpoint.clientId == null
                && endpoint.clientSecret == null && endpoint.integrationContext == null) {
            return Optional.empty();
        }
        List<String> missing = new ArrayList<>();
        if (endpoint.clientId == null) {
            missing.add("--client-id (CRMCONNECT_CLIENT_ID)");
        }
        if (endpoint.clientSecret == null) {
            missing.add("--client-secret (CRMCONNECT_CLIENT_SECRET)");
        }
        if (endpoint.integrationContext == null) {
            missing.add("--integration-context (CRMCONNECT_INTEGRATION_CONTEXT)");
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("a real endpoint needs " + String.join(", ", missing)
                    + "; set none of them to run a demo on the embedded fake server");
        }
        return Optional.of(endpoint);
    }

    /**
     * The endpoint the flags or environment variables name.
     *
     * @throws IllegalArgumentException when none is set, or a required one is missing, naming them
     */
    static Endpoint require(SampleArgs args) {
        return from(args).orElseThrow(() -> new IllegalArgumentException("no endpoint: set CRMCONNECT_CLIENT_ID,"
                + " CRMCONNECT_CLIENT_SECRET and CRMCONNECT_INTEGRATION_CONTEXT (and CRMCONNECT_BASE_URL,"
                + " CRMCONNECT_TOKEN_URL for another endpoint than LinkedIn's), or the matching flags; the samples"
                + " module's run-poller, run-sync and run-webhook profiles run the demos on the embedded fake server"));
    }

    /** A client builder for this endpoint; the caller adds its own settings and builds. */
    CrmConnectClient.Builder clientBuilder() {
        CrmConnectClient.Builder builder = CrmConnectClient.builder()
                .credentials(clientId, clientSecret)
                .integrationContext(integrationContext);
        if (baseUrl != null) {
            builder.baseUrl(baseUrl);
        }
        if (tokenUrl != null) {
            builder.tokenUrl(tokenUrl);
        }
        return builder;
    }

    /** Where the endpoint is and for which tenant; never the secret. */
    String describe() {
        return (baseUrl == null ? CrmConnectClient.DEFAULT_BASE_URL : baseUrl) + " as client " + clientId
                + " of " + integrationContext;
    }

    /** Never shows the secret. */
    @Override
    public String toString() {
        return "Endpoint[" + describe() + "]";
    }
}
