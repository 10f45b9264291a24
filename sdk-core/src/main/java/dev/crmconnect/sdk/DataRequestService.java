package dev.crmconnect.sdk;

import dev.crmconnect.model.DataCategory;
import dev.crmconnect.model.DataRequest;
import dev.crmconnect.model.DataRequestScope;
import dev.crmconnect.model.DataRequestType;
import dev.crmconnect.model.ScopeType;
import dev.crmconnect.sdk.exception.CrmConnectException;
import dev.crmconnect.sdk.exception.NotFoundException;
import dev.crmconnect.sdk.exception.ValidationException;
import dev.crmconnect.sdk.internal.http.Futures;
import dev.crmconnect.sdk.internal.resource.DataRequestCalls;
import dev.crmconnect.sdk.internal.resource.ResourceContext;
import dev.crmconnect.sdk.privacy.Confirmation;
import dev.crmconnect.sdk.privacy.DataRequestPolling;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;

/**
 * GDPR export and deletion requests for a Sales Navigator seat or contract ({@code /dataRequests}).
 * Every argument is checked before any call, and a failed check throws an
 * {@link IllegalArgumentException} naming each offending field.
 *
 * <ul>
 *   <li>{@link #requestExport}: an export never deletes anything; categories that can only be
 *       deleted ({@link DataCategory#deletionOnly()}) are refused.</li>
 *   <li>{@link #requestDeletion}: cannot be undone, so it needs {@link Confirmation#IRREVERSIBLE}.</li>
 *   <li>{@link #awaitCompletion}: polls until COMPLETED or FAILED, as the client's
 *       {@link DataRequestPolling} says.</li>
 * </ul>
 *
 * <pre>{@code
 * DataRequest created = client.dataRequests().requestExport(DataRequestService.seat("urn:li:seat:7"),
 *         List.of(DataCategory.NOTES));
 * DataRequest done = client.dataRequests().awaitCompletion(created.id(), Duration.ofHours(1));
 * }</pre>
 *
 * <p>Every operation comes as {@code op(args)}, {@code op(args, options)}, {@code opAsync(args)} and
 * {@code opAsync(args, options)}; the async forms never throw, a bad argument fails their future.
 */
public final class DataRequestService {

    private final DataRequestCalls calls;

    DataRequestService(ResourceContext context, DataRequestPolling polling) {
        this.calls = new DataRequestCalls(context, polling);
    }

    /**
     * The scope of one seat; checked now.
     *
     * @param seatUrn the seat, {@code urn:li:seat:<id>}
     * @return a SEAT scope
     * @throws IllegalArgumentException if {@code seatUrn} is missing or not a seat URN
     */
    public static DataRequestScope seat(String seatUrn) {
        return DataRequestScope.builder().type(ScopeType.SEAT).seat(seatUrn).build();
    }

    /**
     * The scope of a whole contract; checked now.
     *
     * @param contractUrn the contract, {@code urn:li:contract:<id>}
     * @return a CONTRACT scope
     * @throws IllegalArgumentException if {@code contractUrn} is missing or not a contract URN
     */
    public static DataRequestScope contract(String contractUrn) {
        return DataRequestScope.builder().type(ScopeType.CONTRACT).contract(contractUrn).build();
    }

    /**
     * Creates an export of {@code categories} for {@code scope} (CREATE). Retried only with one
     * {@code X-Idempotency-Key} on every attempt (the options' key, else a random one), so it is created once.
     *
     * @param scope the seat or contract, for example from {@link #seat(String)}; of type SEAT or CONTRACT
     * @param categories the categories to export, at least one; none UNKNOWN or deletion-only; repeats are sent
     *     once
     * @return the request as created, with its id and status
     * @throws IllegalArgumentException before any call, naming each bad argument
     * @throws CrmConnectException if the call fails, for example {@link ValidationException} when the server
     *     refuses the request
     */
    public DataRequest requestExport(DataRequestScope scope, Collection<DataCategory> categories) {
        return requestExport(scope, categories, RequestOptions.defaults());
    }

    /**
     * {@link #requestExport(DataRequestScope, Collection)} with per-call options.
     *
     * @param scope the seat or contract, for example from {@link #seat(String)}; of type SEAT or CONTRACT
     * @param categories the categories to export, at least one; none UNKNOWN or deletion-only; repeats are sent
     *     once
     * @param options the per-call options; not null, {@link RequestOptions#defaults()} for none
     * @return the request as created, with its id and status
     * @throws NullPointerException if {@code options} is null
     * @throws IllegalArgumentException before any call, naming each bad argument
     * @throws CrmConnectException if the call fails, for example {@link ValidationException} when the server
     *     refuses the request
     */
    public DataRequest requestExport(DataRequestScope scope, Collection<DataCategory> categories,
                                     RequestOptions options) {
        return Futures.await(calls.create(DataRequestType.EXPORT, scope, categories, null, options, true));
    }

    /**
     * {@link #requestExport(DataRequestScope, Collection)}, completing on the client's executor.
     *
     * @param scope the seat or contract, for example from {@link #seat(String)}; of type SEAT or CONTRACT
     * @param categories the categories to export, at least one; none UNKNOWN or deletion-only; repeats are sent
     *     once
     * @return a future of the request as created, with its id and status; it fails with what {@link
     *     #requestExport(DataRequestScope, Collection)} would throw
     */
    public CompletableFuture<DataRequest> requestExportAsync(DataRequestScope scope,
                                                             Collection<DataCategory> categories) {
        return requestExportAsync(scope, categories, RequestOptions.defaults());
    }

    /**
     * {@link #requestExport(DataRequestScope, Collection, RequestOptions)}, completing on the client's
     * executor.
     *
     * @param scope the seat or contract, for example from {@link #seat(String)}; of type SEAT or CONTRACT
     * @param categories the categories to export, at least one; none UNKNOWN or deletion-only; repeats are sent
     *     once
     * @param options the per-call options; not null, {@link RequestOptions#defaults()} for none
     * @return a future of the request as created, with its id and status; it fails with what {@link
     *     #requestExport(DataRequestScope, Collection)} would throw
     */
    public CompletableFuture<DataRequest> requestExportAsync(DataRequestScope scope,
                                                             Collection<DataCategory> categories,
                                                             RequestOptions options) {
        return calls.create(DataRequestType.EXPORT, scope, categories, null, options, false);
    }

    /**
     * Creates a deletion of {@code categories} for {@code scope} (CREATE). It cannot be undone:
     * {@code confirmation} must be {@link Confirmation#IRREVERSIBLE}. Retried only with one
     * {@code X-Idempotency-Key} on every attempt, so it is created once.
     *
     * @param scope the seat or contract, for example from {@link #seat(String)}; of type SEAT or CONTRACT
     * @param categories the categories to delete, at least one; none UNKNOWN; repeats are sent once
     * @param confirmation {@link Confirmation#IRREVERSIBLE}, the caller's word that the deletion may go ahead
     * @return the request as created, with its id and status
     * @throws IllegalArgumentException before any call, naming each bad argument
     * @throws CrmConnectException if the call fails, for example {@link ValidationException} when the server
     *     refuses the request
     */
    public DataRequest requestDeletion(DataRequestScope scope, Collection<DataCategory> categories,
                                       Confirmation confirmation) {
        return requestDeletion(scope, categories, confirmation, RequestOptions.defaults());
    }

    /**
     * {@link #requestDeletion(DataRequestScope, Collection, Confirmation)} with per-call options.
     *
     * @param scope the seat or contract, for example from {@link #seat(String)}; of type SEAT or CONTRACT
     * @param categories the categories to delete, at least one; none UNKNOWN; repeats are sent once
     * @param confirmation {@link Confirmation#IRREVERSIBLE}, the caller's word that the deletion may go ahead
     * @param options the per-call options; not null, {@link RequestOptions#defaults()} for none
     * @return the request as created, with its id and status
     * @throws NullPointerException if {@code options} is null
     * @throws IllegalArgumentException before any call, naming each bad argument
     * @throws CrmConnectException if the call fails, for example {@link ValidationException} when the server
     *     refuses the request
     */
    public DataRequest requestDeletion(DataRequestScope scope, Collection<DataCategory> categories,
                                       Confirmation confirmation, RequestOptions options) {
        return Futures.await(calls.create(DataRequestType.DELETION, scope, categories, confirmation, options, true));
    }

    /**
     * {@link #requestDeletion(DataRequestScope, Collection, Confirmation)}, completing on the client's
     * executor.
     *
     * @param scope the seat or contract, for example from {@link #seat(String)}; of type SEAT or CONTRACT
     * @param categories the categories to delete, at least one; none UNKNOWN; repeats are sent once
     * @param confirmation {@link Confirmation#IRREVERSIBLE}, the caller's word that the deletion may go ahead
     * @return a future of the request as created, with its id and status; it fails with what {@link
     *     #requestDeletion(DataRequestScope, Collection, Confirmation)} would throw
     */
    public CompletableFuture<DataRequest> requestDeletionAsync(DataRequestScope scope,
                                                               Collection<DataCategory> categories,
                                                               Confirmation confirmation) {
        return requestDeletionAsync(scope, categories, confirmation, RequestOptions.defaults());
    }

    /**
     * {@link #requestDeletion(DataRequestScope, Collection, Confirmation, RequestOptions)}, completing on the
     * client's executor.
     *
     * @param scope the seat or contract, for example from {@link #seat(String)}; of type SEAT or CONTRACT
     * @param categories the categories to delete, at least one; none UNKNOWN; repeats are sent once
     * @param confirmation {@link Confirmation#IRREVERSIBLE}, the caller's word that the deletion may go ahead
     * @param options the per-call options; not null, {@link RequestOptions#defaults()} for none
     * @return a future of the request as created, with its id and status; it fails with what {@link
     *     #requestDeletion(DataRequestScope, Collection, Confirmation)} would throw
     */
    public CompletableFuture<DataRequest> requestDeletionAsync(DataRequestScope scope,
                                                               Collection<DataCategory> categories,
                                                               Confirmation confirmation, RequestOptions options) {
        return calls.create(DataRequestType.DELETION, scope, categories, confirmation, options, false);
    }

    /**
     * The request {@code id}, with its current status (GET).
     *
     * @param id the request's id, as the create returned it; not blank, at most 500 characters
     * @return the request as the server holds it
     * @throws IllegalArgumentException if {@code id} is null, blank or too long; nothing is sent
     * @throws NotFoundException if the server holds no request {@code id}
     * @throws CrmConnectException if the call fails otherwise
     */
    public DataRequest get(String id) {
        return get(id, RequestOptions.defaults());
    }

    /**
     * {@link #get(String)} with per-call options.
     *
     * @param id the request's id, as the create returned it; not blank, at most 500 characters
     * @param options the per-call options; not null, {@link RequestOptions#defaults()} for none
     * @return the request as the server holds it
     * @throws NullPointerException if {@code options} is null
     * @throws IllegalArgumentException if {@code id} is null, blank or too long; nothing is sent
     * @throws NotFoundException if the server holds no request {@code id}
     * @throws CrmConnectException if the call fails otherwise
     */
    public DataRequest get(String id, RequestOptions options) {
        return Futures.await(calls.get(id, options, true));
    }

    /**
     * {@link #get(String)}, completing on the client's executor.
     *
     * @param id the request's id, as the create returned it; not blank, at most 500 characters
     * @return a future of the request as the server holds it; it fails with what {@link #get(String)} would
     *     throw
     */
    public CompletableFuture<DataRequest> getAsync(String id) {
        return getAsync(id, RequestOptions.defaults());
    }

    /**
     * {@link #get(String, RequestOptions)}, completing on the client's executor.
     *
     * @param id the request's id, as the create returned it; not blank, at most 500 characters
     * @param options the per-call options; not null, {@link RequestOptions#defaults()} for none
     * @return a future of the request as the server holds it; it fails with what {@link #get(String)} would
     *     throw
     */
    public CompletableFuture<DataRequest> getAsync(String id, RequestOptions options) {
        return calls.get(id, options, false);
    }

    /**
     * Polls the request {@code id} until it is COMPLETED or FAILED, or {@code timeout} has passed, waiting
     * between polls as the client's {@link DataRequestPolling} says, without holding a thread while it waits.
     *
     * @param id the request's id, as the create returned it
     * @param timeout how long to keep polling, by the polling's clock; positive
     * @return the request as last read: check its {@code status()}, which is still PENDING or IN_PROGRESS when
     *     the timeout passed first
     * @throws IllegalArgumentException before any call, when the id or timeout is invalid
     * @throws CrmConnectException if a poll's call fails; polling stops there
     */
    public DataRequest awaitCompletion(String id, Duration timeout) {
        return awaitCompletion(id, timeout, RequestOptions.defaults());
    }

    /**
     * {@link #awaitCompletion(String, Duration)} with per-call options.
     *
     * @param id the request's id, as the create returned it
     * @param timeout how long to keep polling, by the polling's clock; positive
     * @param options the per-call options; not null, {@link RequestOptions#defaults()} for none
     * @return the request as last read: check its {@code status()}, which is still PENDING or IN_PROGRESS when
     *     the timeout passed first
     * @throws NullPointerException if {@code options} is null
     * @throws IllegalArgumentException before any call, when the id or timeout is invalid
     * @throws CrmConnectException if a poll's call fails; polling stops there
     */
    public DataRequest awaitCompletion(String id, Duration timeout, RequestOptions options) {
        return Futures.await(calls.awaitCompletion(id, timeout, options));
    }

    /**
     * {@link #awaitCompletion(String, Duration)}, completing on the client's executor.
     *
     * @param id the request's id, as the create returned it
     * @param timeout how long to keep polling, by the polling's clock; positive
     * @return a future of the request as last read: check its {@code status()}, which is still PENDING or
     *     IN_PROGRESS when the timeout passed first; it fails with what {@link #awaitCompletion(String,
     *     Duration)} would throw
     */
    public CompletableFuture<DataRequest> awaitCompletionAsync(String id, Duration timeout) {
        return awaitCompletionAsync(id, timeout, RequestOptions.defaults());
    }

    /**
     * {@link #awaitCompletion(String, Duration, RequestOptions)}, completing on the client's executor.
     *
     * @param id the request's id, as the create returned it
     * @param timeout how long to keep polling, by the polling's clock; positive
     * @param options the per-call options; not null, {@link RequestOptions#defaults()} for none
     * @return a future of the request as last read: check its {@code status()}, which is still PENDING or
     *     IN_PROGRESS when the timeout passed first; it fails with what {@link #awaitCompletion(String,
     *     Duration)} would throw
     */
    public CompletableFuture<DataRequest> awaitCompletionAsync(String id, Duration timeout, RequestOptions options) {
        return calls.awaitCompletion(id, timeout, options);
    }
}
