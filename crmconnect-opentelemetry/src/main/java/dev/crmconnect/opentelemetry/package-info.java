/**
 * OpenTelemetry tracing for CRM Connect clients: {@link dev.crmconnect.opentelemetry.CrmConnectTracing} gives a
 * {@link dev.crmconnect.sdk.ClientListener} that makes a span per call, with its attempts as events, and a
 * {@link dev.crmconnect.sdk.RequestDecorator} that propagates the span's context (a W3C {@code traceparent})
 * on every attempt.
 */
package dev.crmconnect.opentelemetry;
