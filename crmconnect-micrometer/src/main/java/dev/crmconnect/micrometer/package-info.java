/**
 * Micrometer meters for CRM Connect: {@link dev.crmconnect.micrometer.CrmConnectMetrics#listener} returns a
 * {@link dev.crmconnect.sdk.ClientListener} to give to {@link dev.crmconnect.sdk.CrmConnectClient.Builder#listener};
 * {@link dev.crmconnect.micrometer.PollerMetrics#listener} a {@link dev.crmconnect.sdk.poller.PollerListener} for the
 * deletion-notice poller, and {@link dev.crmconnect.micrometer.PollerMetrics#bindComplianceClocks} its tenants'
 * compliance clocks as gauges. Every tag has a bounded set of values: no meter is ever tagged with a record key, a
 * path, a query value, a request id, a notice id or a member.
 */
package dev.crmconnect.micrometer;
