package dev.crmconnect.samples.spring;

import dev.crmconnect.spring.CrmConnectTenant;
import dev.crmconnect.spring.TenantDirectory;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * The CRM's tenants in its own table, {@code crm_tenants(id, client_id, client_secret, integration_context)}. A real
 * CRM would keep the secret encrypted and decrypt it here.
 */
public final class JdbcTenantDirectory implements TenantDirectory {

    private static final String COLUMNS = "SELECT id, client_id, client_secret, integration_context FROM crm_tenants";
    private static final RowMapper<CrmConnectTenant> TENANT = (row, n) -> new CrmConnectTenant(row.getString(1),
            row.getString(2), row.getString(3), row.getString(4));

    private final JdbcTemplate jdbc;

    public JdbcTenantDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<CrmConnectTenant> tenants() {
        return jdbc.query(COLUMNS + " ORDER BY id", TENANT);
    }

    @Override
    public Optional<CrmConnectTenant> tenant(String id) {
        return jdbc.query(COLUMNS + " WHERE id = ?", TENANT, id).stream().findFirst();
    }
}
