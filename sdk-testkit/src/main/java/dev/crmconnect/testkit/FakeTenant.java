package dev.crmconnect.testkit;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A customer of the CRM vendor as the fake knows it: OAuth client credentials, the organization
 * it syncs for, and where 1-Click Export pushes go.
 *
 * @param clientId           the OAuth client id
 * @param clientSecret       the OAuth client secret; also the key of push signatures
 * @param integrationContext {@code urn:li:organization:<digits>}
 * @param callbackUrl        where export pushes are POSTed, or null for none
 */
public record FakeTenant(String clientId, String clientSecret, String integrationContext, String callbackUrl) {

    private static final Pattern ORGANIZATION = Pattern.compile("urn:li:organization:\\d+");

    /**
     * Validates every field; the message names the field and the rule.
     *
     * @param clientId the OAuth client id
     * @param clientSecret the OAuth client secret; also the key of push signatures
     * @param integrationContext {@code urn:li:organization:<digits>}
     * @param callbackUrl where export pushes are POSTed, or null for none
     * @throws NullPointerException if {@code integrationContext} is null
     * @throws IllegalArgumentException if the client id or secret is blank, the integration context is not an
     *     organization URN, or the callback URL is not http or https
     */
    public FakeTenant {
        requireText(clientId, "clientId");
        requireText(clientSecret, "clientSecret");
        Objects.requireNonNull(integrationContext, "tenant.integrationContext: is required");
        if (!ORGANIZATION.matcher(integrationContext).matches()) {
            throw new IllegalArgumentException("tenant.integrationContext: must be urn:li:organization:<digits>");
        }
        if (callbackUrl != null && !(callbackUrl.startsWith("http://") || callbackUrl.startsWith("https://"))) {
            throw new IllegalArgumentException("tenant.callbackUrl: must be an http or https URL");
        }
    }

    /**
     * A tenant without a callback URL.
     *
     * @param clientId the OAuth client id
     * @param clientSecret the OAuth client secret; also the key of push signatures
     * @param integrationContext {@code urn:li:organization:<digits>}
     * @throws IllegalArgumentException if a value is missing or breaks its rule
     */
    public FakeTenant(String clientId, String clientSecret, String integrationContext) {
        this(clientId, clientSecret, integrationContext, null);
    }

    /**
     * The same tenant with this callback URL.
     *
     * @param url where export pushes are POSTed, an http or https URL; null for none
     * @return a copy of this tenant with the URL
     * @throws IllegalArgumentException if {@code url} is not http or https
     */
    public FakeTenant withCallbackUrl(String url) {
        return new FakeTenant(clientId, clientSecret, integrationContext, url);
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("tenant." + field + ": is required");
        }
    }

    /** Never shows the secret. */
    @Override
    public String toString() {
        return "FakeTenant[clientId=" + clientId + ", integrationContext=" + integrationContext
                + ", callbackUrl=" + (callbackUrl == null ? "none" : "set") + "]";
    }
}
