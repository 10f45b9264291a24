package dev.crmconnect.sdk.poller;

import dev.crmconnect.model.DeletionNotice;
import java.time.Instant;
import java.util.List;

/**
 * One tenant's deletion-notice feed, as the poller reads it: one call is one page of
 * {@code GET /exportDeletionNotices?q=integrationContext}. The client provides one per tenant;
 * tests provide their own.
 *
 * <p>Implementations may retry transient failures themselves; whatever they finally throw fails
 * the tenant's poll, which is reported and tried again on the next interval.
 */
public interface NoticeFeed {

    /**
     * The tenant this feed belongs to.
     *
     * @return the tenant, for example its integration context; unique per poller, at most 255 characters
     */
    String tenant();

    /**
     * The notices published strictly after {@code publishedAfter} (to the millisecond), in the
     * feed's order ({@code publishedAt}, then {@code noticeId}), skipping the first {@code start}
     * and returning at most {@code count}. Fewer than {@code count} means the feed has no more.
     *
     * @param publishedAfter the exclusive lower bound on the notices' {@code publishedAt}
     * @param start how many of the matching notices to skip; not negative
     * @param count the most notices to return, 1 to 100
     * @return the notices, in the feed's order; never null
     * @throws dev.crmconnect.sdk.exception.ComplianceGapException when the feed no longer holds
     *         notices that old (HTTP 410, serviceErrorCode 410001)
     */
    List<DeletionNotice> fetch(Instant publishedAfter, int start, int count);
}
