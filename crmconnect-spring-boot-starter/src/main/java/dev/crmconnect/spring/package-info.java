/**
 * The Spring Boot starter's API: the application implements a {@link dev.crmconnect.spring.TenantDirectory} bean (or
 * lists its tenants under {@code crmconnect.tenants.<id>.*}) and injects {@link dev.crmconnect.spring.CrmConnectClients}
 * to reach a tenant's client. The auto-configuration also runs the deletion-notice poller when
 * {@code crmconnect.poller.enabled=true}, serves the 1-Click Export webhook when a
 * {@link dev.crmconnect.sdk.webhook.WebhookHandler} bean exists, and contributes an Actuator health indicator,
 * Micrometer meters and OpenTelemetry tracing when their libraries are present.
 */
package dev.crmconnect.spring;
