package dev.crmconnect.testkit;

/**
 * A push to a tenant's callback URL and how its delivery went.
 *
 * @param requestId          the export's request id (null for an integration status change)
 * @param eventType          {@code EXPORT_CANDIDATE_PROFILE} or {@code INTEGRATION_STATUS_CHANGE}
 * @param integrationContext the tenant's organization
 * @param attempts           attempts made so far (the first and up to 6 retries)
 * @param lastStatus         the last status received; 0 when the last attempt failed to connect
 * @param delivered          whether an attempt got 200
 * @param finished           whether no more attempts will be made
 */
public record PushDelivery(String requestId, String eventType, String integrationContext, int attempts,
                           int lastStatus, boolean delivered, boolean finished) {
}
