package dev.crmconnect.sdk;

import dev.crmconnect.model.PoolMember;
import dev.crmconnect.sdk.exception.CrmConnectException;
import dev.crmconnect.sdk.exception.TransportException;
import dev.crmconnect.sdk.internal.http.Futures;
import dev.crmconnect.sdk.internal.resource.RecordEngine;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;

/**
 * The members of one pool ({@code /crmPools/{key}/members}), keyed by the contact's crmId; from
 * {@code client.pools().members(poolCrmId)}.
 *
 * <p>Every operation comes as {@code op(args)}, {@code op(args, options)}, {@code opAsync(args)} and
 * {@code opAsync(args, options)}; the async forms never throw, a bad argument fails their future.
 */
public final class PoolMemberService {

    private final RecordEngine<PoolMember> engine;

    PoolMemberService(RecordEngine<PoolMember> engine) {
        this.engine = engine;
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
    public BatchResult upsert(Collection<? extends PoolMember> records) {
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
    public BatchResult upsert(Collection<? extends PoolMember> records, RequestOptions options) {
        return Futures.await(engine.upsert(records, options, true));
    }

    /**
     * {@link #upsert(Collection)}, completing on the client's executor.
     *
     * @param records the records to store, in any number; a null element fails alone
     * @return a future of one result per record, in the order given; a failed batch fails only its own records;
     *     it fails only for a null argument or when it is cancelled
     */
    public CompletableFuture<BatchResult> upsertAsync(Collection<? extends PoolMember> records) {
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
    public CompletableFuture<BatchResult> upsertAsync(Collection<? extends PoolMember> records,
                                                      RequestOptions options) {
        return engine.upsert(records, options, false);
    }

    /**
     * Deletes the records with {@code contactCrmIds} (BATCH_DELETE); one already absent counts as deleted. A
     * crmId given twice is sent once and both places share its result.
     *
     * @param contactCrmIds the crmIds of the contacts to take out of the pool, in any number, each 1 to 64
     *     characters
     * @return one result per record, in the order given; a failed batch fails only its own records
     * @throws NullPointerException if {@code contactCrmIds} is null
     * @throws IllegalArgumentException if a crmId is null, blank or longer than 64 characters; nothing is sent
     * @throws TransportException if the waiting thread is interrupted (the call is then cancelled)
     */
    public BatchResult delete(Collection<String> contactCrmIds) {
        return delete(contactCrmIds, RequestOptions.defaults());
    }

    /**
     * {@link #delete(Collection)} with per-call options.
     *
     * @param contactCrmIds the crmIds of the contacts to take out of the pool, in any number, each 1 to 64
     *     characters
     * @param options the per-call options; not null, {@link RequestOptions#defaults()} for none
     * @return one result per record, in the order given; a failed batch fails only its own records
     * @throws NullPointerException if {@code contactCrmIds} or {@code options} is null
     * @throws IllegalArgumentException if a crmId is null, blank or longer than 64 characters; nothing is sent
     * @throws TransportException if the waiting thread is interrupted (the call is then cancelled)
     */
    public BatchResult delete(Collection<String> contactCrmIds, RequestOptions options) {
        return Futures.await(engine.delete(contactCrmIds, options, true));
    }

    /**
     * {@link #delete(Collection)}, completing on the client's executor.
     *
     * @param contactCrmIds the crmIds of the contacts to take out of the pool, in any number, each 1 to 64
     *     characters
     * @return a future of one result per record, in the order given; a failed batch fails only its own records;
     *     it fails only for a null argument or an invalid crmId, or when it is cancelled
     */
    public CompletableFuture<BatchResult> deleteAsync(Collection<String> contactCrmIds) {
        return deleteAsync(contactCrmIds, RequestOptions.defaults());
    }

    /**
     * {@link #delete(Collection, RequestOptions)}, completing on the client's executor.
     *
     * @param contactCrmIds the crmIds of the contacts to take out of the pool, in any number, each 1 to 64
     *     characters
     * @param options the per-call options; not null, {@link RequestOptions#defaults()} for none
     * @return a future of one result per record, in the order given; a failed batch fails only its own records;
     *     it fails only for a null argument or an invalid crmId, or when it is cancelled
     */
    public CompletableFuture<BatchResult> deleteAsync(Collection<String> contactCrmIds, RequestOptions options) {
        return engine.delete(contactCrmIds, options, false);
    }

    /**
     * Every member of the pool, fetched lazily a page at a time (FINDER {@code q=integrationContext}).
     *
     * @return the listing; nothing is fetched until it is iterated
     */
    public PagedIterable<PoolMember> list() {
        return list(RequestOptions.defaults());
    }

    /**
     * {@link #list()} with options kept on every page.
     *
     * @param options the options for every page's call; not null, {@link RequestOptions#defaults()} for none
     * @return the listing; nothing is fetched until it is iterated
     * @throws NullPointerException if {@code options} is null
     */
    public PagedIterable<PoolMember> list(RequestOptions options) {
        return new PagedIterable<>(engine.list(options));
    }

    /**
     * The first page of {@link #list()}, completing on the client's executor; {@link Page#nextAsync()} fetches
     * the next.
     *
     * @return a future of the first page; it fails with the call's {@link CrmConnectException}
     */
    public CompletableFuture<Page<PoolMember>> listAsync() {
        return listAsync(RequestOptions.defaults());
    }

    /**
     * The first page of {@link #list(RequestOptions)}, completing on the client's executor; {@link
     * Page#nextAsync()} fetches the next with the same options.
     *
     * @param options the options for every page's call; not null, {@link RequestOptions#defaults()} for none
     * @return a future of the first page; it fails with the call's {@link CrmConnectException}
     */
    public CompletableFuture<Page<PoolMember>> listAsync(RequestOptions options) {
        return Futures.guarded(() -> Page.first(engine.list(options), false));
    }
}
