/**
 * Every failure the SDK reports, in one tree under
 * {@link dev.crmconnect.sdk.exception.CrmConnectException} (unchecked).
 *
 * <ul>
 *   <li>A failed call: {@link dev.crmconnect.sdk.exception.ValidationException} (400, 422),
 *       {@link dev.crmconnect.sdk.exception.AuthenticationException} (401, refused credentials),
 *       {@link dev.crmconnect.sdk.exception.NotFoundException} (404),
 *       {@link dev.crmconnect.sdk.exception.ConflictException} (409),
 *       {@link dev.crmconnect.sdk.exception.ComplianceGapException} (410 from the deletion-notice
 *       feed), {@link dev.crmconnect.sdk.exception.RateLimitedException} (429),
 *       {@link dev.crmconnect.sdk.exception.ServerException} (5xx),
 *       {@link dev.crmconnect.sdk.exception.TransportException} (no usable response), each with the
 *       call's {@link dev.crmconnect.sdk.exception.ErrorDetails}.</li>
 *   <li>The poller's store: {@link dev.crmconnect.sdk.exception.CheckpointStoreException} and
 *       {@link dev.crmconnect.sdk.exception.StaleLeaseException}.</li>
 *   <li>A refused webhook push: {@link dev.crmconnect.sdk.exception.WebhookSignatureException} and
 *       {@link dev.crmconnect.sdk.exception.WebhookPayloadException}.</li>
 *   <li>Malformed Rest.li text: {@link dev.crmconnect.sdk.exception.RestLiSyntaxException}.</li>
 * </ul>
 *
 * <p>An invalid argument is a programming error, refused with an {@code IllegalArgumentException}
 * (or {@code NullPointerException}) before anything is sent; it is not part of this tree.
 */
package dev.crmconnect.sdk.exception;
