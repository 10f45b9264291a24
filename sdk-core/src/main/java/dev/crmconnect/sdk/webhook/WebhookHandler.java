package dev.crmconnect.sdk.webhook;

/**
 * The user's code for a verified push. Returning normally means the event was handled (LinkedIn
 * gets 200 and its retries are ignored); throwing means it was not (LinkedIn gets 500 and retries).
 */
@FunctionalInterface
public interface WebhookHandler {

    /**
     * Handles one event; called once per request id while that id is remembered.
     *
     * @param event the verified event
     * @throws Exception if the event was not handled; LinkedIn gets 500 and retries, and the handler is called again
     */
    void handle(WebhookEvent event) throws Exception;
}
