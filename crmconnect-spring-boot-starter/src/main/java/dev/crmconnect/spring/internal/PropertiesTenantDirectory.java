package dev.crmconnect.spring.internal;

import dev.crmconnect.spring.CrmConnectTenant;
import dev.crmconnect.spring.TenantDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The tenants of {@code crmconnect.tenants.<id>.*}: for an application with a few tenants and no table of them. */
public final class PropertiesTenantDirectory implements TenantDirectory {

    private final List<CrmConnectTenant> tenants;

    /**
     * Reads and checks every tenant at once, so that a wrong one fails the application's start.
     *
     * @param tenants the tenants' properties by id
     */
    public PropertiesTenantDirectory(Map<String, CrmConnectProperties.Tenant> tenants) {
        List<CrmConnectTenant> read = new ArrayList<>();
        tenants.forEach((id, tenant) -> {
            try {
                read.add(new CrmConnectTenant(id, tenant.getClientId(), tenant.getClientSecret(),
                        tenant.getIntegrationContext()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("crmconnect.tenants: " + e.getMessage(), e);
            }
        });
        this.tenants = List.copyOf(read);
    }

    @Override
    public List<CrmConnectTenant> tenants() {
        return tenants;
    }

    @Override
    public Optional<CrmConnectTenant> tenant(String id) {
        return tenants.stream().filter(tenant -> tenant.id().equals(id)).findFirst();
    }

    @Override
    public String toString() {
        return "PropertiesTenantDirectory[" + tenants.size() + " tenants]";
    }
}
