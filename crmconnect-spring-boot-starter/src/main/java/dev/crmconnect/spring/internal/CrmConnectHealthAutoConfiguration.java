package dev.crmconnect.spring.internal;

import dev.crmconnect.sdk.poller.DeletionNoticePoller;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The {@code crmConnect} health indicator of the poller's compliance clocks and gaps. Spring Boot 4 moved the
 * health API to another package: one configuration per version, each guarded by its own class name.
 */
@AutoConfiguration(after = CrmConnectPollerAutoConfiguration.class)
@ConditionalOnBean(DeletionNoticePoller.class)
@ConditionalOnProperty(prefix = "crmconnect.health", name = "enabled", havingValue = "true", matchIfMissing = true)
@Import({CrmConnectHealthAutoConfiguration.Boot3.class, CrmConnectHealthAutoConfiguration.Boot4.class})
public class CrmConnectHealthAutoConfiguration {

    @Bean
    ComplianceHealth crmConnectComplianceHealth(DeletionNoticePoller poller) {
        return new ComplianceHealth(poller);
    }

    /** Spring Boot 3: {@code org.springframework.boot.actuate.health}, unless Boot 4's API is there too. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
    @ConditionalOnMissingClass("org.springframework.boot.health.contributor.HealthIndicator")
    static class Boot3 {

        @Bean
        Boot3ComplianceHealthIndicator crmConnectHealthIndicator(ComplianceHealth health) {
            return new Boot3ComplianceHealthIndicator(health);
        }
    }

    /** Spring Boot 4: {@code org.springframework.boot.health.contributor}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    static class Boot4 {

        @Bean
        Boot4ComplianceHealthIndicator crmConnectHealthIndicator(ComplianceHealth health) {
            return new Boot4ComplianceHealthIndicator(health);
        }
    }
}
