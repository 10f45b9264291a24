package dev.crmconnect.sdk;

import dev.crmconnect.sdk.exception.CrmConnectException;
import dev.crmconnect.model.SyncedRecord;
import dev.crmconnect.sdk.internal.http.Route;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

/**
 * Records logged on a contact that are written but not read back by key: email interactions
 * ({@code /crmEmailInteractions}) and notes ({@code /crmNotes}).
 *
 * @param <T> the record type
 */
public final class ContactActivityService<T extends SyncedRecord> extends SyncedRecords<T> {

    ContactActivityService(ResourceContext context, Routes.Resource resource, String entity, Class<T> type,
                           BiFunction<T, String, T> withCrmId) {
        super(context, context.routes().path(resource), Route.of(context.routes(), resource), entity, type,
                KeyScheme.complex(context.api().integrationContext()), "crmId", withCrmId);
    }

    /**
     * The records logged on the contact {@code contactCrmId} (FINDER {@code q=contact}).
     *
     * @param contactCrmId the contact's crmId, 1 to 64 characters
     * @return the listing, fetched lazily a page at a time
     * @throws IllegalArgumentException if {@code contactCrmId} is null, blank or longer than 64 characters
     */
    public PagedIterable<T> listByContact(String contactCrmId) {
        return listByContact(contactCrmId, RequestOptions.defaults());
    }

    /**
     * {@link #listByContact(String)} with options kept on every page.
     *
     * @param contactCrmId the contact's crmId, 1 to 64 characters
     * @param options the options for every page's call; not null
     * @return the listing, fetched lazily a page at a time
     * @throws IllegalArgumentException if {@code contactCrmId} is null, blank or longer than 64 characters
     */
    public PagedIterable<T> listByContact(String contactCrmId, RequestOptions options) {
        return byContact(contactCrmId, options);
    }

    /**
     * One page of {@link #listByContact(String)}, from {@code start}, at most {@code count} (1 to
     * 100) elements, completing on the client's executor.
     *
     * @param contactCrmId the contact's crmId, 1 to 64 characters
     * @param start the 0-based index in the listing of the first element to fetch; not negative
     * @param count the most elements to fetch, 1 to 100 by the contract
     * @param options the options for the call; not null
     * @return a future of the page; it fails with the call's {@link CrmConnectException}, or, before any request,
     *     with an {@link IllegalArgumentException} for an invalid {@code contactCrmId} or a {@code start} or
     *     {@code count} out of range
     */
    public CompletableFuture<Page<T>> listByContactPageAsync(String contactCrmId, int start, int count,
                                                             RequestOptions options) {
        return byContactPageAsync(contactCrmId, start, count, options);
    }
}
