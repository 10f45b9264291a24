package dev.crmconnect.sdk.internal.poller;

import dev.crmconnect.model.internal.Check;
import dev.crmconnect.model.DeletionNotice;
import dev.crmconnect.sdk.poller.AuditRecord;
import dev.crmconnect.sdk.poller.CheckpointStore;
import dev.crmconnect.sdk.poller.ComplianceGap;
import dev.crmconnect.sdk.poller.Lease;
import dev.crmconnect.sdk.poller.NoticeFeed;
import dev.crmconnect.sdk.exception.ComplianceGapException;
import dev.crmconnect.sdk.poller.ParkedNotice;
import dev.crmconnect.sdk.poller.PollSummary;
import dev.crmconnect.sdk.poller.PollSummary.Outcome;
import dev.crmconnect.sdk.exception.StaleLeaseException;
import dev.crmconnect.sdk.poller.Watermark;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one tenant's feed under the tenant's {@link TenantLease}: retries its parked notices, reads the feed from the overlap before the
 * watermark, hands each notice without a decision to the handler, records the decisions, and
 * moves the watermark past what is decided or parked. One poll at a time.
 *
 * <p>A poll that reads the feed to its end does not write the compliance clock itself: it hands
 * its start to the round, which records every tenant's in one write (see
 * {@link CheckpointStore#recordSuccessfulPolls}), so an idle tenant costs no write of its own.
 *
 * <p>Pages after the first are asked for from just before the newest notice read so far,
 * skipping the notices read at that instant, rather than by a growing offset from the read's
 * start: notices expiring from the feed's old end, or appearing late in the middle, then cannot
 * shift an unread notice behind the offset. A notice that appears late behind the read's
 * position is read by a later poll's overlap.
 */
public final class TenantPoller {

    private static final Logger LOG = LoggerFactory.getLogger(TenantPoller.class);

    private final NoticeFeed feed;
    private final String tenant;
    private final PollerSettings settings;
    private final CheckpointStore store;
    private final StopSignal stop;
    private final HandlerCalls calls;
    private final TenantLease tenantLease;
    private final ComplianceClock complianceClock;
    private final RecentDecisions recent = new RecentDecisions();

    /**
     * Polls {@code feed}'s tenant with {@code settings}, stopping early when {@code stop} says so,
     * under a lease that {@code heartbeat} keeps alive.
     */
    public TenantPoller(NoticeFeed feed, PollerSettings settings, StopSignal stop, LeaseHeartbeat heartbeat,
                        ComplianceClock complianceClock) {
        this.feed = feed;
        this.tenant = Check.storedId("feed.tenant", feed.tenant());
        this.settings = settings;
        this.store = settings.store();
        this.stop = stop;
        this.tenantLease = new TenantLease(tenant, heartbeat);
        this.complianceClock = complianceClock;
        this.calls = new HandlerCalls(settings, stop);
    }

    /** The tenant polled. */
    public String tenant() {
        return tenant;
    }

    /**
     * Polls once: takes or keeps the tenant's lease (skipping the tenant if another instance holds
     * it), runs the poll, and tells the listener and the log how it went. Failures of the feed and
     * the store end the poll and are in the summary; nothing is thrown but fatal errors. A poll
     * that reads the feed to its end hands its lease and start to {@code succeeded}, for the round
     * to record.
     */
    public PollSummary poll(BiConsumer<Lease, Instant> succeeded) {
        PollSummary summary;
        try {
            Lease current = tenantLease.acquire();
            summary = current == null ? notPolled(Outcome.SKIPPED_LEASE_HELD, null)
                    : new Run(current, succeeded).execute();
        } catch (RuntimeException e) {
            summary = notPolled(Outcome.FAILED, e);
        }
        report(summary);
        return summary;
    }

    private void report(PollSummary summary) {
        Outcome outcome = summary.outcome();
        if (outcome == Outcome.LEASE_LOST) {
            tenantLease.lost();
        }
        if (outcome == Outcome.SKIPPED_COMPLIANCE_GAP) {
            LOG.warn("tenant {}: not polled until its compliance gap is acknowledged", tenant);
        }
        if (outcome == Outcome.FAILED || outcome == Outcome.LEASE_LOST) {
            LOG.warn("tenant {}: poll ended {} with {}", tenant, outcome, summary.failure().getClass().getName());
            settings.listener().pollFailed(tenant, summary.failure());
        }
        settings.listener().pollCompleted(summary);
        // A completed poll has just reset the clock (recorded as the round ends): nothing to report.
        if (outcome != Outcome.SKIPPED_LEASE_HELD && outcome != Outcome.LEASE_LOST && outcome != Outcome.COMPLETED) {
            complianceClock.report(tenant);
        }
    }

    /** Gives the tenant's lease up, so another instance may take the tenant at once. */
    public void releaseLease() {
        tenantLease.release();
    }

    private PollSummary notPolled(Outcome outcome, Throwable failure) {
        return PollSummary.builder(tenant, outcome).failure(failure).build();
    }

    /** One poll: its lease, its progress and its counts. */
    private final class Run {

        private final Lease lease;
        private final BiConsumer<Lease, Instant> succeeded;
        private final Instant startedAt = settings.clock().instant();
        /** Parked notices tried by this poll: not handed over again when the read meets them. */
        private final Set<String> parkedThisPoll = new HashSet<>();
        private Watermark watermark;
        private int pages;
        private int noticesRead;
        private int decided;
        private int alreadyDecided;
        private int parked;
        private int handlerFailures;
        private Duration lag = Duration.ZERO;

        Run(Lease lease, BiConsumer<Lease, Instant> succeeded) {
            this.lease = lease;
            this.succeeded = succeeded;
        }

        PollSummary execute() {
            try {
                watermark = store.watermark(tenant).orElse(null);
                Optional<ComplianceGap> gap = store.complianceGap(tenant);
                if (gap.isPresent() && !gap.get().acknowledged()) {
                    return summary(Outcome.SKIPPED_COMPLIANCE_GAP, null);
                }
                if (!retryParked()) {
                    return summary(Outcome.INCOMPLETE, null);
                }
                Instant from = ReadStart.of(watermark, store.lastSuccessfulPoll(tenant).orElse(null),
                        gap.orElse(null), startedAt, settings.overlap(), settings.feedRetention());
                recent.forgetPublishedBefore(from);
                return read(from);
            } catch (StaleLeaseException e) {
                return summary(Outcome.LEASE_LOST, e);
            } catch (RuntimeException e) {
                return summary(Outcome.FAILED, e);
            }
        }

        /** Gives each parked notice one more handler call; false if a stop came first. */
        private boolean retryParked() {
            for (ParkedNotice parkedNotice : store.parked(tenant)) {
                parkedThisPoll.add(parkedNotice.noticeId());
                if (stop.stopRequested()) {
                    return false;
                }
                DeletionNotice notice = parkedNotice.notice();
                checkLease();
                HandlerCalls.Result result = calls.call(tenant, notice, parkedNotice.attempts(), 1);
                handlerFailures += result.failures();
                if (result instanceof HandlerCalls.Decided d) {
                    record(List.of(auditRecord(notice, d)), List.of(notice));
                } else if (result instanceof HandlerCalls.Failed f) {
                    park(notice, parkedNotice.attempts() + f.failures(), f.lastError());
                } else {
                    return false;
                }
            }
            return true;
        }

        private PollSummary read(Instant from) {
            Set<String> seen = new HashSet<>();
            Instant publishedAfter = from;
            int start = 0;
            Instant newest = null;
            int readAtNewest = 0;
            while (true) {
                if (stop.stopRequested()) {
                    return summary(Outcome.INCOMPLETE, null);
                }
                if (pages == settings.maxPagesPerPoll()) {
                    LOG.warn("tenant {}: stopped after {} pages in one poll; the next poll goes on", tenant, pages);
                    return summary(Outcome.INCOMPLETE, null);
                }
                checkLease();
                List<DeletionNotice> page;
                try {
                    page = feed.fetch(publishedAfter, start, settings.pageSize());
                } catch (ComplianceGapException e) {
                    return raiseGap(publishedAfter, e);
                }
                if (page == null) {
                    throw new IllegalStateException("the feed of tenant " + tenant + " returned no page");
                }
                pages++;
                boolean progress = false;
                boolean abandoned = false;
                Watermark reached = null;
                List<AuditRecord> decisions = new ArrayList<>();
                List<DeletionNotice> decidedNotices = new ArrayList<>();
                Set<String> decidedBefore = decidedBefore(page, seen);
                for (DeletionNotice notice : page) {
                    if (!seen.add(notice.noticeId())) {
                        continue; // read earlier in this poll
                    }
                    progress = true;
                    noticesRead++;
                    Instant publishedAt = notice.publishedAt().truncatedTo(ChronoUnit.MILLIS);
                    if (newest == null || publishedAt.isAfter(newest)) {
                        newest = publishedAt;
                        readAtNewest = 1;
                    } else if (publishedAt.equals(newest)) {
                        readAtNewest++;
                    }
                    if (!resolve(notice, decidedBefore, decisions, decidedNotices)) {
                        abandoned = true;
                        break;
                    }
                    reached = later(reached, new Watermark(publishedAt, notice.noticeId()));
                }
                // Decisions are durable before the watermark passes them.
                record(decisions, decidedNotices);
                if (reached != null) {
                    store.advanceWatermark(lease, reached);
                    watermark = later(watermark, reached);
                }
                if (abandoned) {
                    return summary(Outcome.INCOMPLETE, null);
                }
                if (page.size() < settings.pageSize()) {
                    succeeded.accept(lease, startedAt);
                    return summary(Outcome.COMPLETED, null);
                }
                if (!progress) {
                    throw new IllegalStateException("the feed of tenant " + tenant + " returned a full page of "
                            + "notices already read in this poll (publishedAfter " + publishedAfter + ", start "
                            + start + "): it makes no progress");
                }
                publishedAfter = newest.minusMillis(1);
                start = readAtNewest;
            }
        }

        /**
         * The notices of {@code page} new to this read that the store has a decision for, asked in
         * one look-up: one round trip per page for a database, rather than one per notice.
         */
        private Set<String> decidedBefore(List<DeletionNotice> page, Set<String> seen) {
            Set<String> unknown = new LinkedHashSet<>();
            for (DeletionNotice notice : page) {
                String noticeId = notice.noticeId();
                if (!seen.contains(noticeId) && !parkedThisPoll.contains(noticeId) && !recent.contains(noticeId)) {
                    unknown.add(noticeId);
                }
            }
            return unknown.isEmpty() ? Set.of() : store.decisions(tenant, unknown).keySet();
        }

        /**
         * Settles one notice new to this read: skipped if parked or decided (known to
         * {@code recent} or in {@code decidedBefore}), else decided (added to {@code decisions})
         * or parked. False if a stop came first: the notice is left as it was.
         */
        private boolean resolve(DeletionNotice notice, Set<String> decidedBefore, List<AuditRecord> decisions,
                                List<DeletionNotice> decidedNotices) {
            String noticeId = notice.noticeId();
            if (parkedThisPoll.contains(noticeId)) {
                return true;
            }
            if (recent.contains(noticeId) || decidedBefore.contains(noticeId)) {
                recent.add(noticeId, notice.publishedAt());
                alreadyDecided++;
                return true;
            }
            if (stop.stopRequested()) {
                return false;
            }
            checkLease();
            HandlerCalls.Result result = calls.call(tenant, notice, 0, settings.handlerAttempts());
            handlerFailures += result.failures();
            if (result instanceof HandlerCalls.Decided d) {
                decisions.add(auditRecord(notice, d));
                decidedNotices.add(notice);
                return true;
            }
            if (result instanceof HandlerCalls.Failed f) {
                park(notice, f.failures(), f.lastError());
                parkedThisPoll.add(noticeId);
                return true;
            }
            return false;
        }

        private AuditRecord auditRecord(DeletionNotice notice, HandlerCalls.Decided decided) {
            return new AuditRecord(tenant, notice.noticeId(), notice.member(), decided.decision(),
                    settings.clock().instant(), settings.handlerId());
        }

        /** Records decisions together; {@code notices} are theirs, in the same order. */
        private void record(List<AuditRecord> decisions, List<DeletionNotice> notices) {
            if (decisions.isEmpty()) {
                return;
            }
            Set<String> recordedNow = store.recordDecisions(lease, decisions);
            for (int i = 0; i < decisions.size(); i++) {
                AuditRecord record = decisions.get(i);
                Instant publishedAt = notices.get(i).publishedAt();
                recent.add(record.noticeId(), publishedAt);
                if (recordedNow.contains(record.noticeId())) {
                    decided++;
                    Duration waited = Duration.between(publishedAt, record.decidedAt());
                    if (waited.compareTo(lag) > 0) {
                        lag = waited;
                    }
                    settings.listener().noticeDecided(record);
                } else {
                    alreadyDecided++; // decided meanwhile by another instance
                }
            }
        }

        private void park(DeletionNotice notice, int attempts, Throwable lastError) {
            ParkedNotice parkedNotice = new ParkedNotice(notice, attempts, describe(lastError),
                    settings.clock().instant());
            store.park(lease, parkedNotice);
            parked++;
            LOG.warn("tenant {}: notice {} parked after {} failed handler calls", tenant, notice.noticeId(), attempts);
            settings.listener().noticeParked(tenant, parkedNotice);
        }

        private PollSummary raiseGap(Instant publishedAfter, ComplianceGapException e) {
            String detail = "the feed answered 410 for notices published after " + publishedAfter
                    + ": notices older than its retention may have been missed (" + e.getMessage() + ")";
            store.raiseComplianceGap(lease, settings.clock().instant(),
                    StoreRules.cut(detail, StoreRules.MAX_TEXT_LENGTH));
            ComplianceGap gap = store.complianceGap(tenant).orElseThrow(() ->
                    new IllegalStateException("the store lost the compliance gap just raised for tenant " + tenant));
            LOG.error("tenant {}: compliance gap raised; polling stops until an operator acknowledges it", tenant);
            settings.listener().complianceGapRaised(tenant, gap);
            return summary(Outcome.COMPLIANCE_GAP_RAISED, e);
        }

        /** Throws when the lease was taken over; the heartbeat renews it, or this does if it fell behind. */
        private void checkLease() {
            tenantLease.check(lease);
        }

        private PollSummary summary(Outcome outcome, Throwable failure) {
            return PollSummary.builder(tenant, outcome).pages(pages).noticesRead(noticesRead).decided(decided)
                    .alreadyDecided(alreadyDecided).parked(parked).handlerFailures(handlerFailures)
                    .watermark(watermark).lag(lag).failure(failure).build();
        }
    }

    private static Watermark later(Watermark a, Watermark b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    private static String describe(Throwable error) {
        if (error == null) {
            return null;
        }
        return error.getMessage() == null ? error.getClass().getName()
                : error.getClass().getName() + ": " + error.getMessage();
    }
}
