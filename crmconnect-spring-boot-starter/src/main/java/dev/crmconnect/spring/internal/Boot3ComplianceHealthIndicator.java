package dev.crmconnect.spring.internal;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/** {@link ComplianceHealth} as a Spring Boot 3 health indicator. */
public final class Boot3ComplianceHealthIndicator implements HealthIndicator {

    private final ComplianceHealth health;

    /**
     * The indicator.
     *
     * @param health what it reports
     */
    public Boot3ComplianceHealthIndicator(ComplianceHealth health) {
        this.health = health;
    }

    @Override
    public Health health() {
        ComplianceHealth.Report report = health.check();
        return (report.up() ? Health.up() : Health.down()).withDetails(report.details()).build();
    }
}
