/**
 * Micrometer meters for CRM Connect clients: {@link dev.crmconnect.micrometer.CrmConnectMetrics#listener}
 * returns a {@link dev.crmconnect.sdk.ClientListener} to give to
 * {@link dev.crmconnect.sdk.CrmConnectClient.Builder#listener}. Every tag has a bounded set of values: no
 * meter is ever tagged with a record key, a path, a query value or a request id.
 */
package dev.crmconnect.micrometer;
