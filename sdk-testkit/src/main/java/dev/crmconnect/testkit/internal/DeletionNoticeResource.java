package dev.crmconnect.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code /exportDeletionNotices?q=integrationContext&publishedAfter=}: notices published strictly
 * after the watermark and already visible, oldest first; 410 past the 30-day retention.
 */
final class DeletionNoticeResource {

    static final long RETENTION_MILLIS = Duration.ofDays(30).toMillis();

    private static final Comparator<TenantData.Notice> FEED_ORDER =
            Comparator.comparingLong(TenantData.Notice::publishedAt).thenComparing(TenantData.Notice::noticeId);

    HttpReply handle(ApiRequest request) {
        if (!"integrationContext".equals(request.param("q"))) {
            throw ApiException.badRequest("q: exportDeletionNotices has no finder named '" + request.param("q")
                    + "' (use q=integrationContext)");
        }
        request.requireOwnContext(true);
        long retainedFrom = request.now - RETENTION_MILLIS;
        long publishedAfter = Long.MIN_VALUE;
        if (request.param("publishedAfter") != null) {
            publishedAfter = request.longParam("publishedAfter");
            if (publishedAfter < retainedFrom) {
                throw new ApiException(410, ErrorCodes.RETENTION_EXCEEDED,
                        "publishedAfter: is older than the 30-day retention of deletion notices");
            }
        }
        request.data.notices.removeIf(n -> n.publishedAt() < retainedFrom);
        List<TenantData.Notice> visible = new ArrayList<>();
        for (TenantData.Notice notice : request.data.notices) {
            if (notice.publishedAt() > publishedAfter && notice.visibleAt() <= request.now) {
                visible.add(notice);
            }
        }
        visible.sort(FEED_ORDER);
        List<ObjectNode> elements = new ArrayList<>();
        visible.forEach(n -> elements.add(json(n)));
        return Replies.page(elements, request);
    }

    static ObjectNode json(TenantData.Notice notice) {
        ObjectNode node = WireJson.object();
        node.put("noticeId", notice.noticeId());
        node.put("member", notice.member());
        notice.exportRequestIds().forEach(node.putArray("exportRequestIds")::add);
        node.put("exportedAt", notice.exportedAt());
        node.put("memberDeletedAt", notice.memberDeletedAt());
        node.put("publishedAt", notice.publishedAt());
        return node;
    }
}
