/**
 * The CRM Connect client: {@link dev.crmconnect.sdk.CrmConnectClient} is the entry point, one per
 * tenant, and gives a service per resource of the contract.
 *
 * <ul>
 *   <li>Synced records ({@link dev.crmconnect.sdk.SyncedRecords}, {@link dev.crmconnect.sdk.ReadableRecords}
 *       and the services built on them) are written by {@code upsert} and {@code delete} in batches
 *       of at most 100, each record getting its own {@link dev.crmconnect.sdk.RecordResult} in a
 *       {@link dev.crmconnect.sdk.BatchResult}; one bad record never fails the others.</li>
 *   <li>Listings are lazy {@link dev.crmconnect.sdk.PagedIterable}s, fetched a
 *       {@link dev.crmconnect.sdk.Page} at a time.</li>
 *   <li>Calls have an {@code ...Async} twin that returns a {@code CompletableFuture} and never blocks,
 *       and an overload taking {@link dev.crmconnect.sdk.RequestOptions} (a timeout, an idempotency
 *       key, extra headers).</li>
 *   <li>Failures are unchecked {@link dev.crmconnect.sdk.exception.CrmConnectException}s, one subclass per
 *       kind: {@link dev.crmconnect.sdk.exception.ValidationException}, {@link dev.crmconnect.sdk.exception.NotFoundException},
 *       {@link dev.crmconnect.sdk.exception.RateLimitedException}, {@link dev.crmconnect.sdk.exception.TransportException}
 *       and so on. Invalid arguments are refused with an {@code IllegalArgumentException} before any
 *       call.</li>
 *   <li>The client retries by its {@link dev.crmconnect.sdk.RetryPolicy}, paces itself by its
 *       {@link dev.crmconnect.sdk.Throttle} to stay within LinkedIn's quotas, and reports each
 *       attempt to its {@link dev.crmconnect.sdk.ClientListener}.</li>
 * </ul>
 */
package dev.crmconnect.sdk;
