package dev.crmconnect.testkit;

import java.time.Instant;
import java.util.List;

/**
 * One API or token call as the fake received and answered it (bodies are not kept).
 *
 * @param at           when, on the fake's clock
 * @param requestId    the {@code X-LI-UUID} answered
 * @param clientId     the authenticated client id, or null
 * @param httpMethod   GET, PUT, POST, DELETE
 * @param path         the path as sent, still percent-encoded
 * @param restLiMethod BATCH_UPDATE, BATCH_GET, FINDER, CREATE, GET, ...; null for the token endpoint or an unknown path
 * @param keys         the decoded keys of the call: maps for complex keys, strings for simple ones
 * @param status       the status answered; 0 when the connection was reset
 */
public record JournalEntry(Instant at, String requestId, String clientId, String httpMethod, String path,
                           String restLiMethod, List<Object> keys, int status) {

    /**
     * Copies the keys.
     *
     * @param at when, on the fake's clock
     * @param requestId the {@code X-LI-UUID} answered
     * @param clientId the authenticated client id, or null
     * @param httpMethod GET, PUT, POST, DELETE
     * @param path the path as sent, still percent-encoded
     * @param restLiMethod BATCH_UPDATE, BATCH_GET, FINDER, CREATE, GET, ...; null for the token endpoint or an
     *     unknown path
     * @param keys the decoded keys of the call: maps for complex keys, strings for simple ones
     * @param status the status answered; 0 when the connection was reset
     * @throws NullPointerException if {@code keys} is null or holds null
     */
    public JournalEntry {
        keys = List.copyOf(keys);
    }
}
