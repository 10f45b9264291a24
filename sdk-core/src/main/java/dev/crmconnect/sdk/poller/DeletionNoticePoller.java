package dev.crmconnect.sdk.poller;

import dev.crmconnect.sdk.exception.CheckpointStoreException;
import dev.crmconnect.sdk.CrmConnectClient;
import dev.crmconnect.sdk.internal.poller.Checks;
import dev.crmconnect.sdk.internal.poller.LeaseKeeper;
import dev.crmconnect.sdk.internal.poller.PollerSettings;
import dev.crmconnect.sdk.internal.poller.SafeListener;
import dev.crmconnect.sdk.internal.poller.StopSignal;
import dev.crmconnect.sdk.internal.poller.TenantPoller;
import dev.crmconnect.sdk.poller.PollSummary.Outcome;
import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the deletion-notice feeds of one or more tenants, hands each notice to the
 * {@link NoticeHandler} and records its decision in the {@link CheckpointStore}: a notice is never
 * missed and, once decided, never handed over again.
 *
 * <p>Per tenant and poll: take or renew the tenant's lease (skip the tenant if another instance
 * holds it); skip it while an unacknowledged compliance gap stands; give each parked notice one
 * more handler call; read the feed from the overlap window before the watermark, page by page;
 * hand every notice without a decision to the handler (retried with backoff, then parked); record
 * each page's decisions together, then move the watermark past them; once the feed is read to
 * its end, reset the compliance clock. Up to {@link Builder#parallelism} tenants are polled at
 * once (default {@value #DEFAULT_PARALLELISM}), each by one thread at a time: a slow or failing
 * tenant holds only its own slot, and one tenant's failure never stops the others. Leases are kept
 * from poll to poll, renewed by a heartbeat of their own (every third of the lease time, all in one
 * store call) whatever the rounds are doing, and released by {@link #close()}.
 *
 * <p>The compliance clock is written lazily: each round records the successful polls of all its
 * tenants in one write as it ends, so an idle tenant costs no write of its own. A crash before
 * that write loses at most one round's resets: the clock then shows an earlier poll, which warns
 * sooner, never later.
 *
 * <p>A 410 from the feed raises a {@link ComplianceGap} and stops the tenant until
 * {@link #acknowledgeComplianceGap} is called. The tenant then resumes from its watermark if the
 * feed still holds it, else from the oldest notices the feed holds (its retention, less a quarter
 * hour for clocks that disagree), so that nothing still available is missed; notices decided
 * before are not handed over again. A watermark older than the retention is not a gap when the
 * feed was read to its end recently (a quiet feed): the read then starts at the oldest notices too.
 *
 * <pre>{@code
 * DeletionNoticePoller poller = DeletionNoticePoller.builder(clientOfTenantA, clientOfTenantB)
 *         .handler(notice -> Decision.delete("contact and notes"))
 *         .handlerId("crm-purge-2.3.1")
 *         .checkpointStore(CheckpointStore.jdbc(dataSource))   // or file(path), inMemory()
 *         .build();
 * poller.start();                                             // or pollOnce() from your own scheduler
 * }</pre>
 * Each client is one tenant, read through {@code client.deletionNotices().feed()}; {@link
 * Builder#feed} takes any other {@link NoticeFeed}.
 *
 * <p>Thread-safe; rounds never overlap, nor do two polls of one tenant. The handler and the
 * listener are called from the poller's worker threads, for several tenants at once (one notice
 * at a time per tenant). Does not close the checkpoint store nor the clients.
 */
public final class DeletionNoticePoller implements AutoCloseable {

    /** How late the feed may publish a notice after a later one; the overlap must exceed it. */
    public static final Duration FEED_PUBLICATION_LAG = Duration.ofMinutes(5);
    /** The most notices a feed page may hold. */
    public static final int MAX_PAGE_SIZE = 100;
    /** Tenants polled at once unless {@link Builder#parallelism} says otherwise. */
    public static final int DEFAULT_PARALLELISM = 16;
    /** The most tenants {@link Builder#parallelism} allows at once. */
    public static final int MAX_PARALLELISM = 256;

    private static final Logger LOG = LoggerFactory.getLogger(DeletionNoticePoller.class);

    private final List<TenantPoller> tenants;
    private final PollerSettings settings;
    private final CheckpointStore store;
    private final PollerListener listener;
    private final String ownerId;
    private final Duration interval;
    private final Duration complianceWarningAfter;
    private final Duration complianceErrorAfter;
    private final Duration closeTimeout;
    private final ScheduledExecutorService givenScheduler;
    private final StopSignal stop = new StopSignal();
    /** Held by the round in progress: rounds never overlap, and close waits for the one in flight. */
    private final ReentrantLock pollLock = new ReentrantLock();
    /** Set on the poller's worker threads, so that close() called from a handler does not wait for itself. */
    private final ThreadLocal<Boolean> onWorker = ThreadLocal.withInitial(() -> false);
    private final LeaseKeeper leases;
    private final int parallelism;
    private final ThreadPoolExecutor workers;
    private final Object lifecycle = new Object();
    private ScheduledExecutorService scheduler;
    private ScheduledFuture<?> scheduled;
    private boolean closed;

    private DeletionNoticePoller(Builder builder) {
        this.store = builder.store;
        this.listener = new SafeListener(builder.listener);
        this.ownerId = builder.ownerId;
        this.interval = builder.interval;
        this.complianceWarningAfter = builder.complianceWarningAfter;
        this.complianceErrorAfter = builder.complianceErrorAfter;
        this.closeTimeout = builder.closeTimeout;
        this.givenScheduler = builder.scheduler;
        this.settings = new PollerSettings(builder.handler, builder.handlerId, builder.store, listener,
                builder.clock, builder.overlap, builder.pageSize, builder.maxPagesPerPoll, builder.feedRetention,
                builder.handlerAttempts, builder.backoffInitial, builder.backoffMax, builder.leaseTtl);
        this.leases = new LeaseKeeper(store, ownerId, builder.leaseTtl);
        List<TenantPoller> pollers = new ArrayList<>();
        for (NoticeFeed feed : builder.feeds) {
            pollers.add(new TenantPoller(feed, settings, stop, leases));
        }
        this.tenants = List.copyOf(pollers);
        this.parallelism = Math.min(builder.parallelism, tenants.size());
        // Threads start with a round and end after a minute idle: an idle poller holds none.
        AtomicInteger threadNumber = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(parallelism, parallelism, 1, TimeUnit.MINUTES,
                new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, "crmconnect-poller-" + threadNumber.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        workers.allowCoreThreadTimeOut(true);
    }

    /**
     * A builder; feeds, handler, handler id and checkpoint store are required.
     *
     * @return a new builder with no feed
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder polling these clients' tenants, in this order, as {@link Builder#client} adds
     * each; handler, handler id and checkpoint store are still required.
     *
     * @param clients the clients, one per tenant
     * @return a new builder holding the clients' feeds
     * @throws IllegalArgumentException if {@code clients} or one of them is null
     */
    public static Builder builder(CrmConnectClient... clients) {
        Builder builder = new Builder();
        for (CrmConnectClient client : Checks.required(clients, "clients")) {
            builder.client(client);
        }
        return builder;
    }

    /**
     * The tenants polled, in polling order.
     *
     * @return the tenants as their feeds name them
     */
    public List<String> tenants() {
        return tenants.stream().map(TenantPoller::tenant).toList();
    }

    /**
     * The id this instance takes leases under.
     *
     * @return the owner id given to the builder, or the random one it made
     */
    public String ownerId() {
        return ownerId;
    }

    /**
     * Polls every tenant once on the calling thread, waiting for a poll in progress to end first.
     * Returns one summary per tenant polled, in order; fewer if {@link #close()} came meanwhile.
     *
     * @return one summary per tenant polled, in polling order; a tenant's failure is in its summary, never thrown
     * @throws IllegalStateException if the poller is closed
     */
    public List<PollSummary> pollOnce() {
        synchronized (lifecycle) {
            if (closed) {
                throw new IllegalStateException("the poller is closed");
            }
        }
        return pollRound();
    }

    /**
     * Polls every tenant now and then every interval after the previous round ends, on the
     * scheduler given to the builder or else on one daemon thread of the poller's own.
     *
     * @throws IllegalStateException if already started or closed
     */
    public void start() {
        synchronized (lifecycle) {
            if (closed) {
                throw new IllegalStateException("the poller is closed");
            }
            if (scheduled != null) {
                throw new IllegalStateException("the poller is already started");
            }
            scheduler = givenScheduler != null ? givenScheduler : Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "crmconnect-deletion-notice-poller");
                thread.setDaemon(true);
                return thread;
            });
            scheduled = scheduler.scheduleWithFixedDelay(this::tick, 0, interval.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    /**
     * Stops polling: no notice reaches the handler once this returns. A handler call in flight
     * finishes and its decision is recorded (waiting at most the close timeout); a notice not yet
     * handed over is left for the next run, which resumes from the checkpoint. Then releases the
     * leases, so other instances may take the tenants at once, and stops the poller's own thread.
     * Called from the handler or the listener, it returns at once and the poll ends after the
     * notice in flight. Idempotent; a second call waits as the first does.
     */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (!closed) {
                closed = true;
                stop.stop();
                if (scheduled != null) {
                    scheduled.cancel(false);
                }
            }
        }
        if (pollLock.isHeldByCurrentThread() || onWorker.get()) {
            return; // the round in progress releases the leases as it ends
        }
        boolean locked = false;
        try {
            locked = pollLock.tryLock(closeTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            if (!locked) {
                LOG.warn("the poll in flight did not end within {}; leases are released anyway", closeTimeout);
            }
            leases.releaseAll();
            workers.shutdown();
        } finally {
            if (locked) {
                pollLock.unlock();
            }
        }
        if (scheduler != null && scheduler != givenScheduler) {
            scheduler.shutdown();
        }
    }

    /**
     * The tenant's compliance clock, from its last successful poll by the poller's clock: past the
     * warning threshold (default 7 days), or never polled successfully, is a warning; past the
     * error threshold (default 30 days) an error.
     *
     * @param tenant the tenant, as its feed names it; 1 to 255 characters
     * @return the tenant's level, last successful poll and time since
     * @throws IllegalArgumentException if {@code tenant} is null, blank or too long
     * @throws CheckpointStoreException if the store cannot be read
     */
    public ComplianceStatus complianceStatus(String tenant) {
        Checks.id(tenant, "tenant");
        Instant last = store.lastSuccessfulPoll(tenant).orElse(null);
        if (last == null) {
            return new ComplianceStatus(tenant, ComplianceStatus.Level.WARNING, null, null);
        }
        Duration since = Duration.between(last, settings.clock().instant());
        if (since.isNegative()) {
            since = Duration.ZERO;
        }
        ComplianceStatus.Level level = since.compareTo(complianceErrorAfter) > 0 ? ComplianceStatus.Level.ERROR
                : since.compareTo(complianceWarningAfter) > 0 ? ComplianceStatus.Level.WARNING
                : ComplianceStatus.Level.OK;
        return new ComplianceStatus(tenant, level, last, since);
    }

    /**
     * The tenant's latest compliance gap, acknowledged or not.
     *
     * @param tenant the tenant, as its feed names it; 1 to 255 characters
     * @return the latest gap; empty if none was ever raised
     */
    public Optional<ComplianceGap> complianceGap(String tenant) {
        return store.complianceGap(tenant);
    }

    /**
     * An operator acknowledges the tenant's compliance gap, by the poller's clock; the tenant is
     * polled again from the next poll on, from its watermark if the feed still holds it, else from
     * the oldest notices the feed holds. True if an unacknowledged gap was acknowledged now.
     *
     * @param tenant the tenant, as its feed names it; 1 to 255 characters
     * @param acknowledgedBy who acknowledged it, kept with the gap, for example an operator's login; 1 to 255
     *     characters
     * @return true if an unacknowledged gap was acknowledged now, false if there was none
     */
    public boolean acknowledgeComplianceGap(String tenant, String acknowledgedBy) {
        return store.acknowledgeComplianceGap(tenant, settings.clock().instant(), acknowledgedBy);
    }

    /**
     * The tenant's audit records decided in {@code [from, to)}, by decision time then notice id.
     *
     * @param tenant the tenant, as its feed names it; 1 to 255 characters
     * @param from the first instant of the range, inclusive
     * @param to the end of the range, exclusive
     * @return the audit records in the range, possibly none
     */
    public List<AuditRecord> auditTrail(String tenant, Instant from, Instant to) {
        return store.audit(tenant, from, to);
    }

    /**
     * Writes the tenant's audit records decided in {@code [from, to)} to {@code out} as JSON lines, as
     * {@link CheckpointStore#exportAudit(String, Instant, Instant, Writer)} does.
     *
     * @param tenant the tenant, as its feed names it; 1 to 255 characters
     * @param from the first instant of the range, inclusive
     * @param to the end of the range, exclusive
     * @param out where to write the lines; flushed, not closed
     * @throws IOException if writing to {@code out} fails
     */
    public void exportAuditTrail(String tenant, Instant from, Instant to, Writer out) throws IOException {
        store.exportAudit(tenant, from, to, out);
    }

    private void tick() {
        try {
            pollRound();
        } catch (VirtualMachineError fatal) {
            throw fatal;
        } catch (Throwable unexpected) {
            // Keep the schedule alive: a round that threw must not end all later ones.
            LOG.error("a poll round failed with {}; the next round runs as scheduled", unexpected.getClass().getName());
        }
    }

    private List<PollSummary> pollRound() {
        pollLock.lock();
        Map<Lease, Instant> succeeded = new ConcurrentHashMap<>();
        try {
            PollSummary[] summaries = pollConcurrently(succeeded);
            List<PollSummary> polled = new ArrayList<>();
            for (PollSummary summary : summaries) {
                if (summary != null) {
                    polled.add(summary);
                }
            }
            return polled;
        } finally {
            try {
                recordSuccessfulPolls(succeeded);
                if (stop.stopped()) {
                    leases.releaseAll();
                    workers.shutdown(); // closed from a handler or listener: nothing more to run
                }
            } finally {
                pollLock.unlock();
            }
        }
    }

    /**
     * Polls every tenant once on up to {@link #parallelism} worker threads, each taking the next
     * tenant when done with one, so that a slow tenant holds only its own thread; with one, on the
     * calling thread. Returns when
     * every worker has ended; a tenant not polled (a stop came first) has no summary.
     */
    private PollSummary[] pollConcurrently(Map<Lease, Instant> succeeded) {
        PollSummary[] summaries = new PollSummary[tenants.size()];
        if (parallelism == 1) {
            // One at a time: on the calling thread, as a single tenant's poller always was.
            for (int i = 0; i < summaries.length && !stop.stopRequested(); i++) {
                summaries[i] = pollTenant(tenants.get(i), succeeded);
            }
            return summaries;
        }
        AtomicInteger next = new AtomicInteger();
        CountDownLatch ended = new CountDownLatch(parallelism);
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < parallelism; w++) {
            running.add(workers.submit(() -> {
                onWorker.set(true);
                try {
                    for (int i = next.getAndIncrement(); i < summaries.length && !stop.stopRequested();
                         i = next.getAndIncrement()) {
                        summaries[i] = pollTenant(tenants.get(i), succeeded);
                    }
                } finally {
                    onWorker.set(false);
                    ended.countDown();
                }
            }));
        }
        boolean interrupted = false;
        while (true) {
            try {
                ended.await();
                break;
            } catch (InterruptedException e) {
                // As before on one thread: an interrupt ends the round after the notices in flight.
                interrupted = true;
                running.forEach(task -> task.cancel(true));
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        for (Future<?> task : running) {
            rethrowFatal(task);
        }
        return summaries;
    }

    private static void rethrowFatal(Future<?> task) {
        if (task.isCancelled()) {
            return;
        }
        try {
            task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("a poll worker failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The round's successful polls in one store write; a failure leaves the clocks earlier, which is safe. */
    private void recordSuccessfulPolls(Map<Lease, Instant> succeeded) {
        if (succeeded.isEmpty()) {
            return;
        }
        try {
            leases.exclusively(() -> store.recordSuccessfulPolls(succeeded));
        } catch (RuntimeException e) {
            LOG.error("the compliance clocks of {} tenants were not recorded ({}); they show an earlier poll"
                    + " until a later round records theirs", succeeded.size(), e.getClass().getName());
        }
    }

    private PollSummary pollTenant(TenantPoller tenant, Map<Lease, Instant> succeeded) {
        PollSummary summary;
        try {
            Lease lease = leases.hold(tenant.tenant());
            summary = lease == null ? tenant.notPolled(Outcome.SKIPPED_LEASE_HELD, null)
                    : tenant.poll(lease, succeeded::put);
        } catch (RuntimeException e) {
            summary = tenant.notPolled(Outcome.FAILED, e);
        }
        if (summary.outcome() == Outcome.LEASE_LOST) {
            leases.forget(tenant.tenant());
        }
        if (summary.outcome() == Outcome.SKIPPED_COMPLIANCE_GAP) {
            LOG.warn("tenant {}: not polled until its compliance gap is acknowledged", tenant.tenant());
        }
        if (summary.outcome() == Outcome.FAILED || summary.outcome() == Outcome.LEASE_LOST) {
            LOG.warn("tenant {}: poll ended {} with {}", tenant.tenant(), summary.outcome(),
                    summary.failure().getClass().getName());
            listener.pollFailed(tenant.tenant(), summary.failure());
        }
        listener.pollCompleted(summary);
        // A completed poll has just reset the clock (recorded as the round ends): nothing to report.
        if (summary.outcome() != Outcome.SKIPPED_LEASE_HELD && summary.outcome() != Outcome.LEASE_LOST
                && summary.outcome() != Outcome.COMPLETED) {
            reportComplianceClock(tenant.tenant());
        }
        return summary;
    }

    private void reportComplianceClock(String tenant) {
        ComplianceStatus status;
        try {
            status = complianceStatus(tenant);
        } catch (RuntimeException e) {
            LOG.warn("tenant {}: compliance clock unreadable: {}", tenant, e.getClass().getName());
            return;
        }
        if (status.level() == ComplianceStatus.Level.ERROR) {
            LOG.error("tenant {}: no successful poll for {}", tenant, status.sinceLastSuccessfulPoll());
            listener.complianceClockError(status);
        } else if (status.level() == ComplianceStatus.Level.WARNING) {
            LOG.warn("tenant {}: no successful poll for {}", tenant,
                    status.sinceLastSuccessfulPoll() == null ? "ever" : status.sinceLastSuccessfulPoll());
            listener.complianceClockWarning(status);
        }
    }

    /** Builds a {@link DeletionNoticePoller}; every setting but the required ones has a default. */
    public static final class Builder {
        private final List<NoticeFeed> feeds = new ArrayList<>();
        private NoticeHandler handler;
        private String handlerId;
        private CheckpointStore store;
        private Duration interval = Duration.ofMinutes(1);
        private Duration overlap = Duration.ofMinutes(10);
        private int pageSize = MAX_PAGE_SIZE;
        private int maxPagesPerPoll = 1_000;
        private int handlerAttempts = 5;
        private Duration backoffInitial = Duration.ofMillis(200);
        private Duration backoffMax = Duration.ofSeconds(5);
        private PollerListener listener = new PollerListener() {
        };
        private Clock clock = Clock.systemUTC();
        private String ownerId = "poller-" + UUID.randomUUID();
        private Duration leaseTtl = Duration.ofMinutes(5);
        private ScheduledExecutorService scheduler;
        private Duration complianceWarningAfter = Duration.ofDays(7);
        private Duration complianceErrorAfter = Duration.ofDays(30);
        private Duration feedRetention = Duration.ofDays(30);
        private Duration closeTimeout = Duration.ofSeconds(30);
        private int parallelism = DEFAULT_PARALLELISM;

        private Builder() {
        }

        /**
         * How many tenants are polled at once, each on a worker thread of the poller's own (default
         * {@value DeletionNoticePoller#DEFAULT_PARALLELISM}); one tenant is never polled by two at once.
         * Threads start with a round and end after a minute idle; with 1 (or one tenant), the round runs on the
         * thread that calls {@link DeletionNoticePoller#pollOnce()} or on the scheduler's. With a database
         * store, give its pool at least this many connections, plus one for the lease heartbeat.
         *
         * @param parallelism tenants polled at once, 1 to {@value DeletionNoticePoller#MAX_PARALLELISM}
         * @return this builder
         */
        public Builder parallelism(int parallelism) {
            this.parallelism = parallelism;
            return this;
        }

        /**
         * Adds a tenant's feed (required: at least one; one per tenant).
         *
         * @param feed the feed; its tenant must differ from every other feed's
         * @return this builder
         * @throws IllegalArgumentException if {@code feed} is null
         */
        public Builder feed(NoticeFeed feed) {
            feeds.add(Checks.required(feed, "feed"));
            return this;
        }

        /**
         * Adds the client's tenant: its feed is {@code client.deletionNotices().feed()}.
         *
         * @param client the client of the tenant
         * @return this builder
         * @throws IllegalArgumentException if {@code client} is null
         */
        public Builder client(CrmConnectClient client) {
            return feed(Checks.required(client, "client").deletionNotices().feed());
        }

        /**
         * Adds several clients' tenants, polled in this order, as {@link #client} adds each.
         *
         * @param clients the clients, one per tenant
         * @return this builder
         * @throws IllegalArgumentException if {@code clients} or one of them is null
         */
        public Builder clients(Collection<CrmConnectClient> clients) {
            Checks.required(clients, "clients").forEach(this::client);
            return this;
        }

        /**
         * Adds several tenants' feeds, polled in this order.
         *
         * @param feeds the feeds, one per tenant
         * @return this builder
         * @throws IllegalArgumentException if {@code feeds} or one of them is null
         */
        public Builder feeds(Collection<? extends NoticeFeed> feeds) {
            Checks.required(feeds, "feeds").forEach(this::feed);
            return this;
        }

        /**
         * Decides each notice (required).
         *
         * @param handler the customer's handler
         * @return this builder
         */
        public Builder handler(NoticeHandler handler) {
            this.handler = handler;
            return this;
        }

        /**
         * Names the handler and its version in every audit record, for example "crm-purge-2.3.1" (required).
         *
         * @param handlerId the handler's name and version; 1 to 255 characters
         * @return this builder
         */
        public Builder handlerId(String handlerId) {
            this.handlerId = handlerId;
            return this;
        }

        /**
         * Where watermarks, decisions, parked notices, gaps and leases are kept (required).
         *
         * @param store the store; the poller never closes it
         * @return this builder
         */
        public Builder checkpointStore(CheckpointStore store) {
            this.store = store;
            return this;
        }

        /**
         * The pause between the end of one round and the start of the next (default 1 minute).
         *
         * @param interval the pause; positive
         * @return this builder
         */
        public Builder interval(Duration interval) {
            this.interval = interval;
            return this;
        }

        /**
         * How far before the watermark each read starts, to catch notices published late (default
         * 10 minutes; must exceed {@link #FEED_PUBLICATION_LAG}).
         *
         * @param overlap the overlap; longer than {@link DeletionNoticePoller#FEED_PUBLICATION_LAG}
         * @return this builder
         */
        public Builder overlap(Duration overlap) {
            this.overlap = overlap;
            return this;
        }

        /**
         * Notices per feed page, 1 to 100 (default 100).
         *
         * @param pageSize the {@code count} asked of each page, 1 to {@value DeletionNoticePoller#MAX_PAGE_SIZE}
         * @return this builder
         */
        public Builder pageSize(int pageSize) {
            this.pageSize = pageSize;
            return this;
        }

        /**
         * Pages one poll reads of one tenant at most; the next poll goes on (default 1,000).
         *
         * @param maxPagesPerPoll the most pages per tenant and poll; at least 1
         * @return this builder
         */
        public Builder maxPagesPerPoll(int maxPagesPerPoll) {
            this.maxPagesPerPoll = maxPagesPerPoll;
            return this;
        }

        /**
         * Handler calls per notice before it is parked, at least 1 (default 5).
         *
         * @param handlerAttempts the most handler calls per notice and poll; at least 1
         * @return this builder
         */
        public Builder handlerAttempts(int handlerAttempts) {
            this.handlerAttempts = handlerAttempts;
            return this;
        }

        /**
         * The pause after a failed handler call, doubled after each further failure up to
         * {@code max} (default 200 ms, up to 5 s).
         *
         * @param initial the pause after the first failure; zero or more
         * @param max the longest pause; at least {@code initial}
         * @return this builder
         */
        public Builder handlerBackoff(Duration initial, Duration max) {
            this.backoffInitial = initial;
            this.backoffMax = max;
            return this;
        }

        /**
         * Told of decisions, failures, parked notices, polls, gaps and the compliance clock (default: none).
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(PollerListener listener) {
            this.listener = listener;
            return this;
        }

        /**
         * The clock for decision times and the compliance clock (default: the system clock in UTC).
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * The id leases are taken under; unique per instance (default: a random one). An instance
         * restarted under the same id after a crash waits for its old leases to expire.
         *
         * @param ownerId the id, 1 to 255 characters, for example a host name and process id
         * @return this builder
         */
        public Builder ownerId(String ownerId) {
            this.ownerId = ownerId;
            return this;
        }

        /**
         * How long a lease lasts unless renewed (default 5 minutes): a dead instance's tenants are
         * taken over after at most this. Make it longer than the interval, or instances take
         * tenants from each other between rounds.
         *
         * @param leaseTtl the lease's time to live; positive
         * @return this builder
         */
        public Builder leaseTtl(Duration leaseTtl) {
            this.leaseTtl = leaseTtl;
            return this;
        }

        /**
         * Runs {@link #start()}'s rounds on this scheduler, which {@link #close()} leaves running
         * (default: a daemon thread of the poller's own).
         *
         * @param scheduler the scheduler, or null for the poller's own thread
         * @return this builder
         */
        public Builder scheduler(ScheduledExecutorService scheduler) {
            this.scheduler = scheduler;
            return this;
        }

        /**
         * The compliance clock's warning and error thresholds (default 7 and 30 days).
         *
         * @param warning how long after the last successful poll a tenant's clock shows a warning; positive
         * @param error how long after the last successful poll a tenant's clock shows an error; longer than
         *     {@code warning}
         * @return this builder
         */
        public Builder complianceThresholds(Duration warning, Duration error) {
            this.complianceWarningAfter = warning;
            this.complianceErrorAfter = error;
            return this;
        }

        /**
         * How long the feed keeps notices (default 30 days, as the contract says).
         *
         * @param feedRetention the feed's retention; at least 1 day
         * @return this builder
         */
        public Builder feedRetention(Duration feedRetention) {
            this.feedRetention = feedRetention;
            return this;
        }

        /**
         * How long {@link #close()} waits for the handler call in flight (default 30 seconds).
         *
         * @param closeTimeout the wait; zero or more
         * @return this builder
         */
        public Builder closeTimeout(Duration closeTimeout) {
            this.closeTimeout = closeTimeout;
            return this;
        }

        /**
         * Checks the settings and makes the poller; it polls once {@link DeletionNoticePoller#start()} or
         * {@link DeletionNoticePoller#pollOnce()} is called.
         *
         * @return a new poller
         * @throws IllegalArgumentException naming the setting that is missing or wrong, for example two feeds of
         *     one tenant
         */
        public DeletionNoticePoller build() {
            if (feeds.isEmpty()) {
                throw new IllegalArgumentException("feeds must hold at least one feed");
            }
            Set<String> tenantNames = new HashSet<>();
            for (NoticeFeed feed : feeds) {
                if (!tenantNames.add(Checks.id(feed.tenant(), "feed.tenant"))) {
                    throw new IllegalArgumentException("feeds must have distinct tenants; one appears twice: "
                            + feed.tenant());
                }
            }
            Checks.required(handler, "handler");
            Checks.id(handlerId, "handlerId");
            Checks.required(store, "checkpointStore");
            positive(interval, "interval");
            if (Checks.required(overlap, "overlap").compareTo(FEED_PUBLICATION_LAG) <= 0) {
                throw new IllegalArgumentException("overlap must be longer than the feed's publication lag of "
                        + FEED_PUBLICATION_LAG);
            }
            if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
                throw new IllegalArgumentException("pageSize must be between 1 and " + MAX_PAGE_SIZE);
            }
            if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
                throw new IllegalArgumentException("parallelism must be between 1 and " + MAX_PARALLELISM);
            }
            if (maxPagesPerPoll < 1) {
                throw new IllegalArgumentException("maxPagesPerPoll must be at least 1");
            }
            if (handlerAttempts < 1) {
                throw new IllegalArgumentException("handlerAttempts must be at least 1");
            }
            if (Checks.required(backoffInitial, "handlerBackoff.initial").isNegative()) {
                throw new IllegalArgumentException("handlerBackoff.initial must not be negative");
            }
            if (Checks.required(backoffMax, "handlerBackoff.max").compareTo(backoffInitial) < 0) {
                throw new IllegalArgumentException(
                        "handlerBackoff.max must not be shorter than handlerBackoff.initial");
            }
            Checks.required(listener, "listener");
            Checks.required(clock, "clock");
            Checks.id(ownerId, "ownerId");
            positive(leaseTtl, "leaseTtl");
            positive(complianceWarningAfter, "complianceThresholds.warning");
            Checks.required(complianceErrorAfter, "complianceThresholds.error");
            if (complianceErrorAfter.compareTo(complianceWarningAfter) <= 0) {
                throw new IllegalArgumentException(
                        "complianceThresholds.error must be longer than the warning threshold");
            }
            if (Checks.required(feedRetention, "feedRetention").compareTo(Duration.ofDays(1)) < 0) {
                throw new IllegalArgumentException("feedRetention must be at least 1 day");
            }
            if (Checks.required(closeTimeout, "closeTimeout").isNegative()) {
                throw new IllegalArgumentException("closeTimeout must not be negative");
            }
            return new DeletionNoticePoller(this);
        }

        private static void positive(Duration value, String field) {
            if (Checks.required(value, field).isNegative() || value.isZero()) {
                throw new IllegalArgumentException(field + " must be positive");
            }
        }
    }
}
