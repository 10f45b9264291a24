package dev.crmconnect.benchmarks.sink;

import java.nio.charset.StandardCharsets;

/**
 * A deletion-notice feed of {@code total} notices that exists only as a formula: notice {@code i}
 * is {@code n-<i>}, for member {@code urn:li:person:<i>}, published at {@code firstPublishedAt + i *
 * spacingMillis}. Pages are written straight to JSON, so the sink's memory stays flat however long
 * the feed.
 *
 * @param total the number of notices in the feed
 * @param firstPublishedAt when notice 0 was published, epoch milliseconds
 * @param spacingMillis the time between two notices' publication, at least 1
 */
public record NoticeFeedModel(long total, long firstPublishedAt, long spacingMillis) {

    /** The most notices one page holds, as the contract says. */
    public static final int MAX_PAGE = 100;

    /** Checks the components. */
    public NoticeFeedModel {
        if (total < 0 || spacingMillis < 1) {
            throw new IllegalArgumentException("total must not be negative and spacingMillis must be positive");
        }
    }

    /**
     * A feed of {@code total} notices that ends an hour before {@code nowMillis}, spaced at most
     * 10 seconds apart and all within 20 days (inside the contract's 30-day retention).
     */
    public static NoticeFeedModel endingBefore(long nowMillis, long total) {
        long spacing = Math.max(1, Math.min(10_000, 20L * 86_400_000 / Math.max(1, total)));
        return new NoticeFeedModel(total, nowMillis - 3_600_000 - total * spacing, spacing);
    }

    /** When notice {@code i} was published. */
    public long publishedAt(long i) {
        return firstPublishedAt + i * spacingMillis;
    }

    /** The index of the first notice published strictly after {@code publishedAfter}. */
    public long firstAfter(long publishedAfter) {
        if (publishedAfter < firstPublishedAt) {
            return 0;
        }
        return Math.min(total, (publishedAfter - firstPublishedAt) / spacingMillis + 1);
    }

    /** The FINDER page for a raw query with {@code publishedAfter}, {@code start} and {@code count}. */
    public byte[] page(String rawQuery) {
        long publishedAfter = Long.MIN_VALUE;
        long start = 0;
        long count = 10;
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                if (eq < 0) {
                    continue;
                }
                String name = pair.substring(0, eq);
                String value = pair.substring(eq + 1);
                switch (name) {
                    case "publishedAfter" -> publishedAfter = Long.parseLong(value);
                    case "start" -> start = Long.parseLong(value);
                    case "count" -> count = Math.min(MAX_PAGE, Long.parseLong(value));
                    default -> {
                    }
                }
            }
        }
        long first = firstAfter(publishedAfter);
        long available = total - first;
        long from = first + start;
        long to = Math.min(total, from + count);
        StringBuilder json = new StringBuilder(256 + (int) Math.max(0, to - from) * 220).append("{\"elements\":[");
        for (long i = from; i < to; i++) {
            if (i > from) {
                json.append(',');
            }
            long published = publishedAt(i);
            json.append("{\"noticeId\":\"n-").append(i)
                    .append("\",\"member\":\"urn:li:person:").append(i)
                    .append("\",\"exportRequestIds\":[\"r-").append(i)
                    .append("\"],\"exportedAt\":").append(published - 86_400_000)
                    .append(",\"memberDeletedAt\":").append(published - 60_000)
                    .append(",\"publishedAt\":").append(published).append('}');
        }
        json.append("],\"paging\":{\"start\":").append(start).append(",\"count\":").append(count)
                .append(",\"total\":").append(Math.max(0, available)).append("}}");
        return json.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
