/**
 * Receiving 1-Click Export pushes: {@link dev.crmconnect.sdk.webhook.WebhookVerifier} checks the
 * {@code X-LI-Signature} header, {@link dev.crmconnect.sdk.webhook.WebhookEvent} reads the body,
 * {@link dev.crmconnect.sdk.webhook.WebhookReceiver} does both, recognises retried pushes and calls
 * the user's handler, and {@link dev.crmconnect.sdk.webhook.WebhookHttpHandler} serves it on the
 * JDK's {@code HttpServer}.
 */
package dev.crmconnect.sdk.webhook;
