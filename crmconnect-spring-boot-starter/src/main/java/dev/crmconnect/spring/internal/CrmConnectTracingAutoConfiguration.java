package dev.crmconnect.spring.internal;

import dev.crmconnect.opentelemetry.CrmConnectTracing;
import dev.crmconnect.sdk.ClientListener;
import dev.crmconnect.sdk.RequestDecorator;
import io.opentelemetry.api.OpenTelemetry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Traces every client's calls with the application's {@link OpenTelemetry} bean, when crmconnect-opentelemetry is
 * on the class path: a listener and a request decorator bean, which the clients pick up. After Spring Boot's own
 * OpenTelemetry configuration (named for Boot 3 and Boot 4), so that its bean is seen.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.actuate.autoconfigure.opentelemetry.OpenTelemetryAutoConfiguration",
        "org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration"})
@ConditionalOnClass({OpenTelemetry.class, CrmConnectTracing.class})
@ConditionalOnBean(OpenTelemetry.class)
@ConditionalOnProperty(prefix = "crmconnect.tracing", name = "enabled", havingValue = "true", matchIfMissing = true)
public class CrmConnectTracingAutoConfiguration {

    @Bean
    CrmConnectTracing crmConnectTracing(OpenTelemetry openTelemetry) {
        return CrmConnectTracing.create(openTelemetry);
    }

    @Bean
    ClientListener crmConnectTracingListener(CrmConnectTracing tracing) {
        return tracing.listener();
    }

    @Bean
    RequestDecorator crmConnectTracingDecorator(CrmConnectTracing tracing) {
        return tracing.requestDecorator();
    }
}
