/**
 * The CRM Connect client: {@link dev.crmconnect.sdk.CrmConnectClient} is the entry point, one per
 * tenant, and gives a service per resource of the contract.
 *
 * <ul>
 *   <li>Each resource has one final service: {@link dev.crmconnect.sdk.ContactService},
 *       {@link dev.crmconnect.sdk.PoolService} and its {@link dev.crmconnect.sdk.PoolMemberService},
 *       {@link dev.crmconnect.sdk.VacancyService}, {@link dev.crmconnect.sdk.ApplicationService},
 *       {@link dev.crmconnect.sdk.EmailInteractionService}, {@link dev.crmconnect.sdk.NoteService},
 *       {@link dev.crmconnect.sdk.ExportedCandidateService}, {@link dev.crmconnect.sdk.DeletionNoticeService}
 *       and {@link dev.crmconnect.sdk.DataRequestService}.</li>
 *   <li>Every operation comes as four overloads: {@code op(args)}, {@code op(args, RequestOptions)},
 *       {@code opAsync(args)} and {@code opAsync(args, RequestOptions)}. The async forms return a
 *       {@code CompletableFuture}, never block and never throw: a bad argument fails the future.
 *       {@link dev.crmconnect.sdk.RequestOptions} carry a timeout, an idempotency key, extra headers.</li>
 *   <li>Synced records are written by {@code upsert} and {@code delete} in batches of at most 100,
 *       each record getting its own {@link dev.crmconnect.sdk.RecordResult} in a
 *       {@link dev.crmconnect.sdk.BatchResult}; one bad record never fails the others.</li>
 *   <li>Listings are {@code list(...)} and, for a finder, {@code listBy<Criterion>(...)}: the sync
 *       form returns a lazy {@link dev.crmconnect.sdk.PagedIterable}, the async form a future of the
 *       first {@link dev.crmconnect.sdk.Page}, which fetches the next with {@code nextAsync()}.</li>
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
