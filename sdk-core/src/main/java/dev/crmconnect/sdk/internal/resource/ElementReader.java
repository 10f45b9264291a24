package dev.crmconnect.sdk.internal.resource;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crmconnect.sdk.internal.http.ApiResponse;

/**
 * Reads one element of a page, for example by {@link ApiResponse#convert}.
 *
 * @param <T> the element type
 */
@FunctionalInterface
public interface ElementReader<T> {

    /** Reads {@code element}, a member of {@code response}'s {@code elements}. */
    T read(ApiResponse response, JsonNode element);

    /** Converts each element to {@code type}. */
    static <T> ElementReader<T> of(Class<T> type) {
        return (response, element) -> response.convert(element, type);
    }
}
