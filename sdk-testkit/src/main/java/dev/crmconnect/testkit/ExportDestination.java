package dev.crmconnect.testkit;

import java.util.Objects;

/**
 * Where a recruiter exported a member: a pool or a vacancy of the CRM.
 *
 * @param type  {@code POOL} or {@code VACANCY}
 * @param crmId the pool's or vacancy's CRM id
 */
public record ExportDestination(String type, String crmId) {

    /** Validates both fields. */
    public ExportDestination {
        if (!"POOL".equals(type) && !"VACANCY".equals(type)) {
            throw new IllegalArgumentException("destination.type: must be POOL or VACANCY");
        }
        if (crmId == null || crmId.isEmpty()) {
            throw new IllegalArgumentException("destination.crmId: is required");
        }
    }

    /** A pool destination. */
    public static ExportDestination pool(String crmId) {
        return new ExportDestination("POOL", Objects.requireNonNull(crmId, "destination.crmId: is required"));
    }

    /** A vacancy destination. */
    public static ExportDestination vacancy(String crmId) {
        return new ExportDestination("VACANCY", Objects.requireNonNull(crmId, "destination.crmId: is required"));
    }
}
