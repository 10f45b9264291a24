package dev.crmconnect.sdk.poller;

import dev.crmconnect.sdk.exception.ComplianceGapException;
import dev.crmconnect.sdk.exception.ErrorDetails;
import dev.crmconnect.model.DeletionNotice;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * One tenant's feed as the contract describes it, in memory, on a shared clock: notices become
 * visible after their own publication lag (so a notice may appear after a later-published one),
 * are kept for the retention, and a {@code publishedAfter} older than the retention gets a 410.
 * Faults are drawn from a seeded random; a switch makes every call a 410.
 */
final class FakeNoticeFeed implements NoticeFeed {

    static final Duration RETENTION = Duration.ofDays(30);
    static final Duration MAX_LAG = Duration.ofMinutes(5);

    private record Entry(DeletionNotice notice, Instant visibleAt) {
    }

    private static final Comparator<DeletionNotice> FEED_ORDER =
            Comparator.comparing(DeletionNotice::publishedAt).thenComparing(DeletionNotice::noticeId);

    private final String tenant;
    private final Clock clock;
    private final String idPrefix;
    private final List<Entry> entries = new ArrayList<>();
    private final List<Instant> askedFrom = new ArrayList<>();
    private Random faults = new Random(0);
    private double faultRate;
    private boolean gone;
    private int fetches;
    private int next;

    /** Notice ids are {@code dn-000000}, {@code dn-000001}, ... */
    FakeNoticeFeed(String tenant, Clock clock) {
        this(tenant, clock, "dn-");
    }

    /** Notice ids start with {@code idPrefix}, so that several feeds' ids differ. */
    FakeNoticeFeed(String tenant, Clock clock, String idPrefix) {
        this.tenant = tenant;
        this.clock = clock;
        this.idPrefix = idPrefix;
    }

    @Override
    public String tenant() {
        return tenant;
    }

    /** Fails this share of calls with a transient error, drawn from {@code seed}. */
    synchronized FakeNoticeFeed faults(long seed, double rate) {
        this.faults = new Random(seed);
        this.faultRate = rate;
        return this;
    }

    /** Every call answers 410 while set. */
    synchronized void gone(boolean gone) {
        this.gone = gone;
    }

    /** Publishes a notice at {@code publishedAt}, visible {@code lag} later. */
    synchronized DeletionNotice publish(Instant publishedAt, Duration lag) {
        int number = next++;
        DeletionNotice notice = DeletionNotice.builder()
                .noticeId(idPrefix + String.format("%06d", number))
                .member("urn:li:person:m" + number)
                .exportRequestIds("export-" + number)
                .publishedAt(publishedAt)
                .build();
        entries.add(new Entry(notice, publishedAt.plus(lag)));
        return notice;
    }

    /** Publishes a notice now, visible at once. */
    DeletionNotice publishNow() {
        return publish(clock.instant(), Duration.ZERO);
    }

    /** Every notice published, visible or not. */
    synchronized List<DeletionNotice> published() {
        return entries.stream().map(Entry::notice).toList();
    }

    /** The notices visible now and still retained, in feed order. */
    synchronized List<DeletionNotice> visible() {
        Instant now = clock.instant();
        return entries.stream()
                .filter(e -> !e.visibleAt().isAfter(now) && !e.notice().publishedAt().isBefore(now.minus(RETENTION)))
                .map(Entry::notice)
                .sorted(FEED_ORDER)
                .toList();
    }

    synchronized int fetches() {
        return fetches;
    }

    /** The {@code publishedAfter} of every call, in order. */
    synchronized List<Instant> askedFrom() {
        return List.copyOf(askedFrom);
    }

    @Override
    public synchronized List<DeletionNotice> fetch(Instant publishedAfter, int start, int count) {
        fetches++;
        askedFrom.add(publishedAfter);
        if (gone || publishedAfter.isBefore(clock.instant().minus(RETENTION))) {
            throw new ComplianceGapException("410 serviceErrorCode 410001: publishedAfter is older than the retention",
                    ErrorDetails.builder().status(410).serviceErrorCode(ComplianceGapException.SERVICE_ERROR_CODE).build(),
                    null);
        }
        if (faultRate > 0 && faults.nextDouble() < faultRate) {
            throw new IllegalStateException("injected transient failure");
        }
        List<DeletionNotice> after = visible().stream()
                .filter(n -> n.publishedAt().isAfter(publishedAfter))
                .toList();
        return List.copyOf(after.subList(Math.min(start, after.size()), Math.min(start + count, after.size())));
    }
}
