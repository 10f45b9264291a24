/**
 * The deletion-notice poller: {@link dev.crmconnect.sdk.poller.DeletionNoticePoller} reads each
 * tenant's feed of members who deleted their LinkedIn account, hands every notice to the
 * customer's {@link dev.crmconnect.sdk.poller.NoticeHandler} and records its
 * {@link dev.crmconnect.sdk.poller.Decision} with an {@link dev.crmconnect.sdk.poller.AuditRecord}.
 *
 * <p>Its durable state lives in a {@link dev.crmconnect.sdk.poller.CheckpointStore} (in memory, in a
 * directory, or in a database shared by several instances): each tenant's
 * {@link dev.crmconnect.sdk.poller.Watermark}, the decisions, the
 * {@link dev.crmconnect.sdk.poller.ParkedNotice parked notices}, the compliance clock and any
 * {@link dev.crmconnect.sdk.poller.ComplianceGap}, and the {@link dev.crmconnect.sdk.poller.Lease}s
 * that let instances share tenants. A {@link dev.crmconnect.sdk.poller.PollerListener} hears of
 * every decision, failure and poll.
 */
package dev.crmconnect.sdk.poller;
