package dev.crmconnect.sdk;

import dev.crmconnect.model.Pool;
import dev.crmconnect.sdk.exception.CrmConnectException;
import dev.crmconnect.sdk.exception.TransportException;
import dev.crmconnect.sdk.internal.http.Futures;
import dev.crmconnect.sdk.internal.resource.RecordEngine;
import dev.crmconnect.sdk.internal.resource.ResourceContext;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;

/**
 * Pools with their steps ({@code /crmPools}), and each pool's members ({@link #members(String)}).
 *
 * <p>Every operation comes as {@code op(args)}, {@code op(args, options)}, {@code opAsync(args)} and
 * {@code opAsync(args, options)}; the async forms never throw, a bad argument fails their future.
 */
public final class PoolService {

    private final ResourceContext context;
    private final RecordEngine<Pool> engine;

    PoolService(ResourceContext context) {
        this.context = context;
        this.engine = RecordEngine.of(context, Routes.Resource.POOLS, "pool", Pool.class,
                (pool, crmId) -> pool.toBuilder().crmId(crmId).build());
    }

    /**
     * The members of the pool {@code poolCrmId} ({@code /crmPools/{key}/members}): contacts at a
     * step, keyed by the contact's crmId. Sends nothing itself.
     *
     * @param poolCrmId the pool's crmId, 1 to 64 characters
     * @return the members service of that pool
     * @throws IllegalArgumentException if {@code poolCrmId} is null, blank or longer than 64 characters
     */
    public PoolMemberService members(String poolCrmId) {
        return new PoolMemberService(RecordEngine.poolMembers(context, poolCrmId));
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
    public BatchResult upsert(Collection<? extends Pool> records) {
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
    public BatchResult upsert(Collection<? extends Pool> records, RequestOptions options) {
        return Futures.await(engine.upsert(records, options, true));
    }

    /**
     * {@link #upsert(Collection)}, completing on the client's executor.
     *
     * @param records the records to store, in any number; a null element fails alone
     * @return a future of one result per record, in the order given; a failed batch fails only its own records;
     *     it fails only for a null argument or when it is cancelled
     */
    public CompletableFuture<BatchResult> upsertAsync(Collection<? extends Pool> records) {
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
    public CompletableFuture<BatchResult> upsertAsync(Collection<? extends Pool> records, RequestOptions options) {
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
     * The records with {@code crmIds} (BATCH_GET), their crmId set, and the crmIds the server does not hold.
     *
     * @param crmIds the crmIds to read, in any number, each 1 to 64 characters; a crmId given twice is read
     *     once
     * @return the records found and the crmIds missing, each in the order asked
     * @throws NullPointerException if {@code crmIds} is null
     * @throws IllegalArgumentException if a crmId is null, blank or longer than 64 characters; nothing is sent
     * @throws CrmConnectException if a batch call fails, or the server answers a key with an error other than
     *     404; the first failure is thrown, the others are attached to it as suppressed
     */
    public GetResult<Pool> get(Collection<String> crmIds) {
        return get(crmIds, RequestOptions.defaults());
    }

    /**
     * {@link #get(Collection)} with per-call options.
     *
     * @param crmIds the crmIds to read, in any number, each 1 to 64 characters; a crmId given twice is read
     *     once
     * @param options the per-call options; not null, {@link RequestOptions#defaults()} for none
     * @return the records found and the crmIds missing, each in the order asked
     * @throws NullPointerException if {@code crmIds} or {@code options} is null
     * @throws IllegalArgumentException if a crmId is null, blank or longer than 64 characters; nothing is sent
     * @throws CrmConnectException if a batch call fails, or the server answers a key with an error other than
     *     404; the first failure is thrown, the others are attached to it as suppressed
     */
    public GetResult<Pool> get(Collection<String> crmIds, RequestOptions options) {
        return Futures.await(engine.get(crmIds, options, true));
    }

    /**
     * {@link #get(Collection)}, completing on the client's executor.
     *
     * @param crmIds the crmIds to read, in any number, each 1 to 64 characters; a crmId given twice is read
     *     once
     * @return a future of the records found and the crmIds missing, each in the order asked; it fails with what
     *     {@link #get(Collection)} would throw
     */
    public CompletableFuture<GetResult<Pool>> getAsync(Collection<String> crmIds) {
        return getAsync(crmIds, RequestOptions.defaults());
    }

    /**
     * {@link #get(Collection, RequestOptions)}, completing on the client's executor.
     *
     * @param crmIds the crmIds to read, in any number, each 1 to 64 characters; a crmId given twice is read
     *     once
     * @param options the per-call options; not null, {@link RequestOptions#defaults()} for none
     * @return a future of the records found and the crmIds missing, each in the order asked; it fails with what
     *     {@link #get(Collection)} would throw
     */
    public CompletableFuture<GetResult<Pool>> getAsync(Collection<String> crmIds, RequestOptions options) {
        return engine.get(crmIds, options, false);
    }

    /**
     * Every pool of the tenant, fetched lazily a page at a time (FINDER {@code q=integrationContext}).
     *
     * @return the listing; nothing is fetched until it is iterated
     */
    public PagedIterable<Pool> list() {
        return list(RequestOptions.defaults());
    }

    /**
     * {@link #list()} with options kept on every page.
     *
     * @param options the options for every page's call; not null, {@link RequestOptions#defaults()} for none
     * @return the listing; nothing is fetched until it is iterated
     * @throws NullPointerException if {@code options} is null
     */
    public PagedIterable<Pool> list(RequestOptions options) {
        return new PagedIterable<>(engine.list(options));
    }

    /**
     * The first page of {@link #list()}, completing on the client's executor; {@link Page#nextAsync()} fetches
     * the next.
     *
     * @return a future of the first page; it fails with the call's {@link CrmConnectException}
     */
    public CompletableFuture<Page<Pool>> listAsync() {
        return listAsync(RequestOptions.defaults());
    }

    /**
     * The first page of {@link #list(RequestOptions)}, completing on the client's executor; {@link
     * Page#nextAsync()} fetches the next with the same options.
     *
     * @param options the options for every page's call; not null, {@link RequestOptions#defaults()} for none
     * @return a future of the first page; it fails with the call's {@link CrmConnectException}
     */
    public CompletableFuture<Page<Pool>> listAsync(RequestOptions options) {
        return Futures.guarded(() -> Page.first(engine.list(options), false));
    }
}
