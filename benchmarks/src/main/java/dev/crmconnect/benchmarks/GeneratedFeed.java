package dev.crmconnect.benchmarks;

import dev.crmconnect.benchmarks.sink.NoticeFeedModel;
import dev.crmconnect.model.DeletionNotice;
import dev.crmconnect.sdk.poller.NoticeFeed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A tenant's notice feed generated in this process from a {@link NoticeFeedModel}, with no HTTP
 * and no JSON: what the poller and its checkpoint store cost on their own.
 */
final class GeneratedFeed implements NoticeFeed {

    private final String tenant;
    private final NoticeFeedModel model;

    GeneratedFeed(String tenant, NoticeFeedModel model) {
        this.tenant = tenant;
        this.model = model;
    }

    @Override
    public String tenant() {
        return tenant;
    }

    @Override
    public List<DeletionNotice> fetch(Instant publishedAfter, int start, int count) {
        long from = model.firstAfter(publishedAfter.toEpochMilli()) + start;
        long to = Math.min(model.total(), from + count);
        List<DeletionNotice> page = new ArrayList<>((int) Math.max(0, to - from));
        for (long i = from; i < to; i++) {
            long published = model.publishedAt(i);
            page.add(DeletionNotice.builder()
                    .noticeId("n-" + i)
                    .member("urn:li:person:" + i)
                    .exportRequestIds("r-" + i)
                    .exportedAt(Instant.ofEpochMilli(published - 86_400_000))
                    .memberDeletedAt(Instant.ofEpochMilli(published - 60_000))
                    .publishedAt(Instant.ofEpochMilli(published))
                    .build());
        }
        return page;
    }
}
