package dev.crmconnect.spring.internal;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** {@link ComplianceHealth} as a Spring Boot 4 health indicator. */
public final class Boot4ComplianceHealthIndicator implements HealthIndicator {

    private final ComplianceHealth health;

    /**
     * The indicator.
     *
     * @param health what it reports
     */
    public Boot4ComplianceHealthIndicator(ComplianceHealth health) {
        this.health = health;
    }

    @Override
    public Health health() {
        ComplianceHealth.Report report = health.check();
        return (report.up() ? Health.up() : Health.down()).withDetails(report.details()).build();
    }
}
