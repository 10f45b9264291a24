package dev.crmconnect.spring;

import dev.crmconnect.sdk.CrmConnectClient;

/**
 * A client per tenant of the {@link TenantDirectory}, built on first use and kept: inject it and ask for a tenant's
 * client wherever the application calls CRM Connect. Every client shares the application's
 * {@link dev.crmconnect.sdk.CrmConnectRuntime} bean and carries the metrics and tracing listeners the starter
 * configured. The clients are closed when the application context closes. Thread-safe.
 *
 * <pre>{@code
 * clients.client(tenantId).contacts().batchUpdate(contacts);
 * }</pre>
 */
public interface CrmConnectClients {

    /**
     * The tenant's client, built the first time it is asked for.
     *
     * @param tenantId the application's id for the tenant, as its {@link TenantDirectory} names it
     * @return the client; do not close it, the starter does
     * @throws IllegalArgumentException if the directory has no tenant with this id, or its settings are invalid
     */
    CrmConnectClient client(String tenantId);

    /**
     * Closes and forgets the tenant's client, for example after its credentials changed; the next
     * {@link #client} call builds a new one from the directory. Calls in flight on the old client fail.
     *
     * @param tenantId the application's id for the tenant
     * @return true if a client was cached for the tenant
     */
    boolean evict(String tenantId);
}
