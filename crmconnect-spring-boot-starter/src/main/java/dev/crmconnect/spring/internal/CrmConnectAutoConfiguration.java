package dev.crmconnect.spring.internal;

import dev.crmconnect.micrometer.CrmConnectMetrics;
import dev.crmconnect.micrometer.PollerMetrics;
import dev.crmconnect.sdk.ClientListener;
import dev.crmconnect.sdk.CrmConnectRuntime;
import dev.crmconnect.sdk.RequestDecorator;
import dev.crmconnect.sdk.poller.DeletionNoticePoller;
import dev.crmconnect.sdk.poller.PollerListener;
import dev.crmconnect.spring.CrmConnectClients;
import dev.crmconnect.spring.TenantDirectory;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The shared runtime, the tenant directory (from properties unless the application defines one), the clients per
 * tenant, and the Micrometer listeners when Micrometer and crmconnect-micrometer are on the class path. The clients
 * carry every {@link ClientListener} and {@link RequestDecorator} bean, these included.
 */
@AutoConfiguration
@EnableConfigurationProperties(CrmConnectProperties.class)
public class CrmConnectAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    CrmConnectRuntime crmConnectRuntime(CrmConnectProperties properties) {
        CrmConnectProperties.Runtime runtime = properties.getRuntime();
        CrmConnectRuntime.Builder builder = CrmConnectRuntime.builder()
                .maxExchangesInFlight(runtime.getMaxExchangesInFlight());
        if (runtime.getMaxExchangesInFlightPerClient() != null) {
            builder.maxExchangesInFlightPerClient(runtime.getMaxExchangesInFlightPerClient());
        }
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("crmconnect.runtime: " + e.getMessage(), e);
        }
    }

    @Bean
    @ConditionalOnMissingBean
    TenantDirectory crmConnectTenantDirectory(CrmConnectProperties properties) {
        return new PropertiesTenantDirectory(properties.getTenants());
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    CrmConnectClients crmConnectClients(TenantDirectory directory, CrmConnectRuntime runtime,
                                        CrmConnectProperties properties, ObjectProvider<ClientListener> listeners,
                                        ObjectProvider<RequestDecorator> decorators) {
        return new CachingCrmConnectClients(directory, runtime, properties, listeners.orderedStream().toList(),
                decorators.orderedStream().toList());
    }

    /** Client and poller meters in the application's registry; absent a registry, they record nothing. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({MeterRegistry.class, CrmConnectMetrics.class})
    @ConditionalOnProperty(prefix = "crmconnect.metrics", name = "enabled", havingValue = "true",
            matchIfMissing = true)
    static class MetricsConfiguration {

        @Bean
        ClientListener crmConnectMetricsListener(ObjectProvider<MeterRegistry> registry,
                                                 CrmConnectProperties properties) {
            MeterRegistry meters = registry.getIfUnique();
            return meters == null ? ClientListener.NONE
                    : CrmConnectMetrics.builder(meters).tenantTag(properties.getMetrics().isTenantTag()).build();
        }

        @Bean
        PollerListener crmConnectPollerMetricsListener(ObjectProvider<MeterRegistry> registry) {
            MeterRegistry meters = registry.getIfUnique();
            return meters == null ? new PollerListener() {
            } : PollerMetrics.listener(meters);
        }

        /** Once every bean exists: a compliance clock gauge per tenant of the poller, if it runs. */
        @Bean
        SmartInitializingSingleton crmConnectComplianceClockGauges(ObjectProvider<MeterRegistry> registry,
                                                                   ObjectProvider<DeletionNoticePoller> poller) {
            return () -> {
                MeterRegistry meters = registry.getIfUnique();
                DeletionNoticePoller polling = poller.getIfUnique();
                if (meters != null && polling != null) {
                    PollerMetrics.bindComplianceClocks(meters, polling);
                }
            };
        }
    }
}
