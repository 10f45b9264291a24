package dev.crmconnect.sdk;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One page of a listing.
 *
 * @param elements the page's elements, in the server's order; an immutable copy
 * @param start the index of the first element within the whole listing
 * @param total the size of the whole listing; empty when the server did not say
 * @param <T> the element type
 */
public record Page<T>(List<T> elements, int start, OptionalInt total) {

    /**
     * Checks and copies the components.
     *
     * @param elements the page's elements, in the server's order; copied, not null
     * @param start the 0-based index of the first element within the whole listing; not negative
     * @param total the size of the whole listing, {@link OptionalInt#empty()} when the server did not say; not null
     * @throws NullPointerException if {@code elements} or {@code total} is null
     * @throws IllegalArgumentException if {@code start} is negative
     */
    public Page {
        elements = List.copyOf(Objects.requireNonNull(elements, "elements must not be null"));
        Objects.requireNonNull(total, "total must not be null (use OptionalInt.empty())");
        if (start < 0) {
            throw new IllegalArgumentException("start must not be negative, was " + start);
        }
    }

    @Override
    public String toString() {
        // Elements may hold personal data: show the shape only.
        return "Page[start=" + start + ", size=" + elements.size() + ", total=" + total + "]";
    }
}
