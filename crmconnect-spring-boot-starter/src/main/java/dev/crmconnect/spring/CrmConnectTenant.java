package dev.crmconnect.spring;

/**
 * One tenant of the application, as its {@link TenantDirectory} knows it: the application's own id for it, its OAuth
 * credentials and its integration context. The client built from it checks the credentials and the context.
 *
 * @param id                 the application's id for the tenant, for example its primary key; also the last path
 *                           segment of its webhook callback URL; 1 to 255 characters of letters, digits,
 *                           {@code -}, {@code _} and {@code .}
 * @param clientId           the tenant's OAuth client id
 * @param clientSecret       the tenant's OAuth client secret, which also signs its pushes; never printed
 * @param integrationContext the tenant's organization, {@code urn:li:organization:<digits>}
 */
public record CrmConnectTenant(String id, String clientId, String clientSecret, String integrationContext) {

    /**
     * Checks that every field is present and the id is well formed.
     *
     * @param id the application's id for the tenant
     * @param clientId the tenant's OAuth client id
     * @param clientSecret the tenant's OAuth client secret
     * @param integrationContext the tenant's organization, {@code urn:li:organization:<digits>}
     * @throws IllegalArgumentException naming the field that is missing, or {@code id} when it breaks its rule
     */
    public CrmConnectTenant {
        if (id == null || !id.matches("[A-Za-z0-9._-]{1,255}")) {
            throw new IllegalArgumentException(
                    "id must be 1 to 255 characters of letters, digits, '-', '_' and '.'");
        }
        required(clientId, "clientId", id);
        required(clientSecret, "clientSecret", id);
        required(integrationContext, "integrationContext", id);
    }

    private static void required(String value, String field, String id) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("tenant " + id + ": " + field + " is required");
        }
    }

    /** The id, client id and integration context; the secret is left out. */
    @Override
    public String toString() {
        return "CrmConnectTenant[id=" + id + ", clientId=" + clientId + ", integrationContext=" + integrationContext
                + "]";
    }
}
