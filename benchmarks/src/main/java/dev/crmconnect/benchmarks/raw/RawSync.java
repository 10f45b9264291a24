package dev.crmconnect.benchmarks.raw;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crmconnect.benchmarks.ContactSource;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The baseline the SDK is measured against: what a vendor would write by hand with
 * {@code java.net.http} and Jackson to send contacts by BATCH_UPDATE. One token fetched up front,
 * then per batch: keys encoded with {@link NaiveKeys}, the body written by a plain
 * {@link ObjectMapper} from {@link RawContact}s, one synchronous PUT with the contract's headers,
 * and the per-key results read and counted. No validation, no retries, no throttle, no listener.
 * Thread-safe: several threads may send batches at once.
 */
public final class RawSync {

    /** The body of a BATCH_UPDATE. */
    record BatchBody(Map<String, RawContact> entities) {
    }

    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient http;
    private final URI contacts;
    private final String integrationContext;
    private final String encodedContext;
    private String authorization;

    /** A client of the API at {@code baseUrl} for {@code integrationContext}, over {@code http}. */
    public RawSync(HttpClient http, String baseUrl, String integrationContext) {
        this.http = http;
        this.contacts = URI.create(baseUrl + "/crmContacts");
        this.integrationContext = integrationContext;
        this.encodedContext = NaiveKeys.encode(integrationContext);
    }

    /** Fetches the OAuth token by client credentials; call once before sending. */
    public void authenticate(String tokenUrl, String clientId, String clientSecret)
            throws IOException, InterruptedException {
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(tokenUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("token request failed with status " + response.statusCode());
        }
        authorization = "Bearer " + mapper.readTree(response.body()).get("access_token").asText();
    }

    /**
     * Sends rows {@code from} to {@code to} (exclusive) of {@link ContactSource} as one
     * BATCH_UPDATE.
     *
     * @return the number of keys the server stored (status 204)
     */
    public int upsert(int from, int to) throws IOException, InterruptedException {
        Map<String, RawContact> entities = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            String key = "(crmId:" + NaiveKeys.encode(ContactSource.crmId(i))
                    + ",dataProvider:CRM,integrationContext:" + encodedContext + ")";
            keys.add(key);
            entities.put(key, ContactSource.raw(i));
        }
        byte[] body = mapper.writeValueAsBytes(new BatchBody(entities));
        HttpRequest request = HttpRequest.newBuilder(URI.create(contacts + "?ids=" + NaiveKeys.list(keys)))
                .header("Authorization", authorization)
                .header("X-RestLi-Protocol-Version", "2.0.0")
                .header("X-RestLi-Method", "BATCH_UPDATE")
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("BATCH_UPDATE failed with status " + response.statusCode());
        }
        JsonNode results = mapper.readTree(response.body()).path("results");
        int stored = 0;
        for (Iterator<JsonNode> it = results.elements(); it.hasNext(); ) {
            if (it.next().path("status").asInt() == 204) {
                stored++;
            }
        }
        return stored;
    }

    /** The tenant this client sends for. */
    public String integrationContext() {
        return integrationContext;
    }
}
