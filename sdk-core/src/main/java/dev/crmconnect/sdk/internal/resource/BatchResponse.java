package dev.crmconnect.sdk.internal.resource;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crmconnect.sdk.internal.http.ApiResponse;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The per-record entries of a batch response, read once: its {@code results} and {@code errors}
 * maps, by the crmId of each entry's key. Every batch call (update, delete, get, partial update)
 * reads its response through this class.
 */
final class BatchResponse {

    /**
     * What the response holds for one crmId.
     *
     * @param result the entry of the {@code results} map, or null
     * @param error the entry of the {@code errors} map, or null
     */
    record Entry(JsonNode result, JsonNode error) {
    }

    private final Map<String, JsonNode> results;
    private final Map<String, JsonNode> errors;
    private final Set<String> ambiguous;
    private final boolean hasResultsMap;
    private final boolean hasErrorsMap;

    private BatchResponse(ApiResponse response, BatchKeys keys) {
        JsonNode resultsNode = response.json().path("results");
        JsonNode errorsNode = response.json().path("errors");
        this.hasResultsMap = resultsNode.isObject();
        this.hasErrorsMap = errorsNode.isObject();
        this.ambiguous = new HashSet<>();
        this.results = keys.entries(resultsNode, ambiguous);
        this.errors = keys.entries(errorsNode, ambiguous);
        results.keySet().removeAll(ambiguous);
        errors.keySet().removeAll(ambiguous);
    }

    /** Reads {@code response}'s maps against the keys of the batch sent. */
    static BatchResponse of(ApiResponse response, BatchKeys keys) {
        return new BatchResponse(response, keys);
    }

    /** Whether the response has a {@code results} object. */
    boolean hasResultsMap() {
        return hasResultsMap;
    }

    /** Whether the response has a {@code results} or an {@code errors} object. */
    boolean hasAnyMap() {
        return hasResultsMap || hasErrorsMap;
    }

    /** Whether more than one entry of a map names {@code crmId}: which is its own cannot be told. */
    boolean isAmbiguous(String crmId) {
        return ambiguous.contains(crmId);
    }

    /** Whether any crmId is {@linkplain #isAmbiguous ambiguous}. */
    boolean anyAmbiguous() {
        return !ambiguous.isEmpty();
    }

    /** The entries for {@code crmId}; both null when the response names it nowhere (or ambiguously). */
    Entry entry(String crmId) {
        return new Entry(results.get(crmId), errors.get(crmId));
    }
}
