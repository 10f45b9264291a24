package dev.crmconnect.testkit;

import java.util.Objects;

/**
 * Where a recruiter exported a member: a pool or a vacancy of the CRM.
 *
 * @param type  {@code POOL} or {@code VACANCY}
 * @param crmId the pool's or vacancy's CRM id
 */
public record ExportDestination(String type, String crmId) {

    /**
     * Validates both fields.
     *
     * @param type {@code POOL} or {@code VACANCY}
     * @param crmId the pool's or vacancy's CRM id
     * @throws IllegalArgumentException if {@code type} is neither {@code POOL} nor {@code VACANCY}, or {@code crmId}
     *     is null or empty
     */
    public ExportDestination {
        if (!"POOL".equals(type) && !"VACANCY".equals(type)) {
            throw new IllegalArgumentException("destination.type: must be POOL or VACANCY");
        }
        if (crmId == null || crmId.isEmpty()) {
            throw new IllegalArgumentException("destination.crmId: is required");
        }
    }

    /**
     * A pool destination.
     *
     * @param crmId the pool's CRM id; not empty
     * @return a {@code POOL} destination
     * @throws NullPointerException if {@code crmId} is null
     * @throws IllegalArgumentException if {@code crmId} is empty
     */
    public static ExportDestination pool(String crmId) {
        return new ExportDestination("POOL", Objects.requireNonNull(crmId, "destination.crmId: is required"));
    }

    /**
     * A vacancy destination.
     *
     * @param crmId the vacancy's CRM id; not empty
     * @return a {@code VACANCY} destination
     * @throws NullPointerException if {@code crmId} is null
     * @throws IllegalArgumentException if {@code crmId} is empty
     */
    public static ExportDestination vacancy(String crmId) {
        return new ExportDestination("VACANCY", Objects.requireNonNull(crmId, "destination.crmId: is required"));
    }
}
