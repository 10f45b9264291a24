package dev.crmconnect.sdk.internal.resource;

import dev.crmconnect.model.internal.Check;
import java.util.List;
import java.util.OptionalInt;

/**
 * One page as the server sent it, before it is linked to the listing it belongs to.
 *
 * @param elements the page's elements, in the server's order
 * @param start    the index of the first element within the whole listing, as the server said (or as asked)
 * @param total    the size of the whole listing; empty when the server did not say
 * @param <T>      the element type
 */
public record PageData<T>(List<T> elements, int start, OptionalInt total) {

    /** Copies the elements. */
    public PageData {
        elements = List.copyOf(elements);
        Check.nonNegative("start", start);
    }
}
