package dev.crmconnect.testkit.internal;

import dev.crmconnect.testkit.FakeClock;
import dev.crmconnect.testkit.Quotas;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts records per minute and requests per day per client id on the fake's clock, in fixed
 * windows (the minute, and the UTC day).
 */
final class QuotaMeter {

    private static final long MINUTE = 60_000;
    private static final long DAY = 86_400_000;

    private static final class Usage {
        long minute = -1;
        long records;
        long day = -1;
        long requests;
    }

    private final FakeClock clock;
    private final Map<String, Usage> usage = new HashMap<>();
    private Quotas quotas;

    QuotaMeter(FakeClock clock, Quotas quotas) {
        this.clock = clock;
        this.quotas = quotas;
    }

    synchronized void configure(Quotas value) {
        this.quotas = value;
    }

    synchronized Quotas quotas() {
        return quotas;
    }

    synchronized void clear() {
        usage.clear();
    }

    /** Counts the call and returns null, or returns the 429 to answer (and counts nothing). */
    synchronized HttpReply admit(String clientId, int records) {
        long now = clock.millis();
        Usage u = usage.computeIfAbsent(clientId, k -> new Usage());
        long minute = Math.floorDiv(now, MINUTE);
        long day = Math.floorDiv(now, DAY);
        if (u.minute != minute) {
            u.minute = minute;
            u.records = 0;
        }
        if (u.day != day) {
            u.day = day;
            u.requests = 0;
        }
        if (u.requests + 1 > quotas.requestsPerDay()) {
            return throttled("Daily request limit exceeded for this application", (day + 1) * DAY, now);
        }
        if (u.records + records > quotas.recordsPerMinute()) {
            return throttled("Per-minute record limit exceeded for this application", (minute + 1) * MINUTE, now);
        }
        u.requests++;
        u.records += records;
        return null;
    }

    /** A 429 with the configured Retry-After style, pointing at {@code retryAtMillis}. */
    synchronized HttpReply throttled(String message, long retryAtMillis, long nowMillis) {
        HttpReply reply = HttpReply.error(429, ErrorCodes.THROTTLED, message);
        long waitSeconds = Math.max(1, (retryAtMillis - nowMillis + 999) / 1000);
        switch (quotas.retryAfter()) {
            case SECONDS -> reply.header("Retry-After", Long.toString(waitSeconds));
            case HTTP_DATE -> reply.header("Retry-After", DateTimeFormatter.RFC_1123_DATE_TIME.format(
                    Instant.ofEpochMilli(nowMillis + waitSeconds * 1000).atOffset(ZoneOffset.UTC)));
            case NONE -> {
            }
        }
        return reply;
    }
}
