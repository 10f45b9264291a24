package dev.crmconnect.spring;

import java.util.List;
import java.util.Optional;

/**
 * Where the application's tenants live, usually its own database: implement it as a bean and the starter builds a
 * client per tenant from it ({@link CrmConnectClients}), polls their deletion notices and verifies their pushes.
 * Without such a bean the starter reads the tenants from the {@code crmconnect.tenants.<id>.*} properties.
 *
 * <pre>{@code
 * @Bean
 * TenantDirectory tenantDirectory(TenantRepository repository) {
 *     return new TenantDirectory() {
 *         public List<CrmConnectTenant> tenants() {
 *             return repository.findAll().stream().map(TenantRow::toCrmConnectTenant).toList();
 *         }
 *
 *         public Optional<CrmConnectTenant> tenant(String id) {
 *             return repository.findById(id).map(TenantRow::toCrmConnectTenant);
 *         }
 *     };
 * }
 * }</pre>
 *
 * <p>Called from any thread; the starter caches the clients it builds, so a lookup happens once per tenant until
 * {@link CrmConnectClients#evict} drops its client.
 */
public interface TenantDirectory {

    /**
     * Every tenant, read when the deletion-notice poller starts: its tenants are those of that moment.
     *
     * @return the tenants, each id once; possibly none
     */
    List<CrmConnectTenant> tenants();

    /**
     * The tenant with this id. This default scans {@link #tenants()}; a directory over a database looks it up.
     *
     * @param id the application's id for the tenant
     * @return the tenant; empty when there is none with this id
     */
    default Optional<CrmConnectTenant> tenant(String id) {
        return tenants().stream().filter(tenant -> tenant.id().equals(id)).findFirst();
    }
}
