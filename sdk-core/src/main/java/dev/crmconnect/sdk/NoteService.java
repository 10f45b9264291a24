package dev.crmconnect.sdk;

import dev.crmconnect.model.Note;
import dev.crmconnect.sdk.exception.CrmConnectException;
import dev.crmconnect.sdk.exception.TransportException;
import dev.crmconnect.sdk.internal.http.Futures;
import dev.crmconnect.sdk.internal.resource.RecordEngine;
import dev.crmconnect.sdk.internal.resource.ResourceContext;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;

/**
 * Notes logged on contacts ({@code /crmNotes}): written, listed, not read back by key.
 *
 * <p>Every operation comes as {@code op(args)}, {@code op(args, options)}, {@code opAsync(args)} and
 * {@code opAsync(args, options)}; the async forms never throw, a bad argument fails their future.
 */
public final class NoteService {

    private final RecordEngine<Note> engine;

    NoteService(ResourceContext context) {
        this.engine = RecordEngine.of(context, Routes.Resource.NOTES, "note",
                Note.class, (note, crmId) -> note.toBuilder().crmId(crmId).build());
    }

    /**
     * Stores {@code records} (BATCH_UPDATE, a full replace), each replacing whatever the server held under
     * its crmId. Records are sent in batches, a few batches at once; a record marked PRIVATE is never
     * sent, and one without a crmId, or whose crmId appears earlier in the call, fails alone unsent.
     *
     * @param records the records to store, in any number; a null element fails alone
     * @return one result per record, in the order given; a failed batch fails only its own records
     * @throws NullPointerException if {@code records} is null
     * @throws TransportException if the waiting thread is interrupted (the call is then cancelled)
     */
    public BatchResult upsert(Collection<? extends Note> records) {
        return upsert(records, RequestOptions.defaults());
    }

    /**
     * {@link #upsert(Collection)} with per-call options.
     *
     * @param records the records to store, in any number; a null element fails alone
     * @param options the per-call options; not null, {@link RequestOptions#defaults()} for none
     * @return one result per record, in the order given; a failed batch fails only its own records
     * @throws NullPointerException if {@code records} or {@code options} is null
     * @throws TransportException if the waiting thread is interrupted (the call is then cancelled)
     */
    public BatchResult upsert(Collection<? extends Note> records, RequestOptions options) {
        return Futures.await(engine.upsert(records, options, true));
    }

    /**
     * {@link #upsert(Collection)}, completing on the client's executor.
     *
     * @param records the records to store, in any number; a null element fails alone
     * @return a future of one result per record, in the order given; a failed batch fails only its own records;
     *     it fails only for a null argument or when it is cancelled
     */
    public CompletableFuture<BatchResult> upsertAsync(Collection<? extends Note> records) {
        return upsertAsync(records, RequestOptions.defaults());
    }

    /**
     * {@link #upsert(Collection, RequestOptions)}, completing on the client's executor.
     *
     * @param records the records to store, in any number; a null element fails alone
     * @param options the per-call options; not null, {@link RequestOptions#defaults()} for none
     * @return a future of one result per record, in the order given; a failed batch fails only its own records;
     *     it fails only for a null argument or when it is cancelled
     */
    public CompletableFuture<BatchResult> upsertAsync(Collection<? extends Note> records, RequestOptions options) {
        return engine.upsert(records, options, false);
    }

    /**
     * Deletes the records with {@code crmIds} (BATCH_DELETE); one already absent counts as deleted. A
     * crmId given twice is sent once and both places share its result.
     *
     * @param crmIds the crmIds of the records to delete, in any number, each 1 to 64 characters
     * @return one result per record, in the order given; a failed batch fails only its own records
     * @throws NullPointerException if {@code crmIds} is null
     * @throws IllegalArgumentException if a crmId is null, blank or longer than 64 characters; nothing is sent
     * @throws TransportException if the waiting thread is interrupted (the call is then cancelled)
     */
    public BatchResult delete(Collection<String> crmIds) {
        return delete(crmIds, RequestOptions.defaults());
    }

    /**
     * {@link #delete(Collection)} with per-call options.
     *
     * @param crmIds the crmIds of the records to delete, in any number, each 1 to 64 characters
     * @param options the per-call options; not null, {@link RequestOptions#defaults()} for none
     * @return one result per record, in the order given; a failed batch fails only its own records
     * @throws NullPointerException if {@code crmIds} or {@code options} is null
     * @throws IllegalArgumentException if a crmId is null, blank or longer than 64 characters; nothing is sent
     * @throws TransportException if the waiting thread is interrupted (the call is then cancelled)
     */
    public BatchResult delete(Collection<String> crmIds, RequestOptions options) {
        return Futures.await(engine.delete(crmIds, options, true));
    }

    /**
     * {@link #delete(Collection)}, completing on the client's executor.
     *
     * @param crmIds the crmIds of the records to delete, in any number, each 1 to 64 characters
     * @return a future of one result per record, in the order given; a failed batch fails only its own records;
     *     it fails only for a null argument or an invalid crmId, or when it is cancelled
     */
    public CompletableFuture<BatchResult> deleteAsync(Collection<String> crmIds) {
        return deleteAsync(crmIds, RequestOptions.defaults());
    }

    /**
     * {@link #delete(Collection, RequestOptions)}, completing on the client's executor.
     *
     * @param crmIds the crmIds of the records to delete, in any number, each 1 to 64 characters
     * @param options the per-call options; not null, {@link RequestOptions#defaults()} for none
     * @return a future of one result per record, in the order given; a failed batch fails only its own records;
     *     it fails only for a null argument or an invalid crmId, or when it is cancelled
     */
    public CompletableFuture<BatchResult> deleteAsync(Collection<String> crmIds, RequestOptions options) {
        return engine.delete(crmIds, options, false);
    }

    /**
     * Every note of the tenant, fetched lazily a page at a time (FINDER {@code q=integrationContext}).
     *
     * @return the listing; nothing is fetched until it is iterated
     */
    public PagedIterable<Note> list() {
        return list(RequestOptions.defaults());
    }

    /**
     * {@link #list()} with options kept on every page.
     *
     * @param options the options for every page's call; not null, {@link RequestOptions#defaults()} for none
     * @return the listing; nothing is fetched until it is iterated
     * @throws NullPointerException if {@code options} is null
     */
    public PagedIterable<Note> list(RequestOptions options) {
        return new PagedIterable<>(engine.list(options));
    }

    /**
     * The first page of {@link #list()}, completing on the client's executor; {@link Page#nextAsync()} fetches
     * the next.
     *
     * @return a future of the first page; it fails with the call's {@link CrmConnectException}
     */
    public CompletableFuture<Page<Note>> listAsync() {
        return listAsync(RequestOptions.defaults());
    }

    /**
     * The first page of {@link #list(RequestOptions)}, completing on the client's executor; {@link
     * Page#nextAsync()} fetches the next with the same options.
     *
     * @param options the options for every page's call; not null, {@link RequestOptions#defaults()} for none
     * @return a future of the first page; it fails with the call's {@link CrmConnectException}
     */
    public CompletableFuture<Page<Note>> listAsync(RequestOptions options) {
        return Futures.guarded(() -> Page.first(engine.list(options), false));
    }

    /**
     * The notes logged on the contact {@code contactCrmId} (FINDER {@code q=contact}), fetched lazily a
     * page at a time.
     *
     * @param contactCrmId the contact's crmId, 1 to 64 characters
     * @return the listing; nothing is fetched until it is iterated
     * @throws IllegalArgumentException if {@code contactCrmId} is null, blank or longer than 64 characters
     */
    public PagedIterable<Note> listByContact(String contactCrmId) {
        return listByContact(contactCrmId, RequestOptions.defaults());
    }

    /**
     * {@link #listByContact(String)} with options kept on every page.
     *
     * @param contactCrmId the contact's crmId, 1 to 64 characters
     * @param options the options for every page's call; not null, {@link RequestOptions#defaults()} for none
     * @return the listing; nothing is fetched until it is iterated
     * @throws NullPointerException if {@code options} is null
     * @throws IllegalArgumentException if {@code contactCrmId} is null, blank or longer than 64 characters
     */
    public PagedIterable<Note> listByContact(String contactCrmId, RequestOptions options) {
        return new PagedIterable<>(engine.listByContact(contactCrmId, options));
    }

    /**
     * The first page of {@link #listByContact(String)}, completing on the client's executor; {@link
     * Page#nextAsync()} fetches the next.
     *
     * @param contactCrmId the contact's crmId, 1 to 64 characters
     * @return a future of the first page; it fails with the call's {@link CrmConnectException}, or with an
     *     {@link IllegalArgumentException} for an invalid {@code contactCrmId}
     */
    public CompletableFuture<Page<Note>> listByContactAsync(String contactCrmId) {
        return listByContactAsync(contactCrmId, RequestOptions.defaults());
    }

    /**
     * The first page of {@link #listByContact(String, RequestOptions)}, completing on the client's executor;
     * {@link Page#nextAsync()} fetches the next with the same options.
     *
     * @param contactCrmId the contact's crmId, 1 to 64 characters
     * @param options the options for every page's call; not null, {@link RequestOptions#defaults()} for none
     * @return a future of the first page; it fails with the call's {@link CrmConnectException}, or with an
     *     {@link IllegalArgumentException} for an invalid {@code contactCrmId}
     */
    public CompletableFuture<Page<Note>> listByContactAsync(String contactCrmId, RequestOptions options) {
        return Futures.guarded(() -> Page.first(engine.listByContact(contactCrmId, options), false));
    }
}
