package dev.crmconnect.sdk;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of a batch get: the records found, by crmId, and the crmIds the server does not
 * hold.
 *
 * @param found   the records found, by crmId, in the order asked
 * @param missing the crmIds not found (404), in the order asked
 * @param <T>     the record type
 */
public record GetResult<T>(Map<String, T> found, List<String> missing) {

    /**
     * Copies both collections, keeping their order.
     *
     * @param found the records found, by crmId, in the order asked
     * @param missing the crmIds not found (404), in the order asked
     * @throws NullPointerException if either collection is null
     */
    public GetResult {
        found = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(
                Objects.requireNonNull(found, "found must not be null")));
        missing = List.copyOf(Objects.requireNonNull(missing, "missing must not be null"));
    }

    /** The counts only: records hold personal data. */
    @Override
    public String toString() {
        return "GetResult[found=" + found.size() + ", missing=" + missing.size() + "]";
    }
}
