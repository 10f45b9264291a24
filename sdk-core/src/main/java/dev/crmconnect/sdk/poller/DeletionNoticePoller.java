package dev.crmconnect.sdk.poller;

import dev.crmconnect.model.internal.Check;
import dev.crmconnect.sdk.exception.CheckpointStoreException;
import dev.crmconnect.sdk.CrmConnectClient;
import dev.crmconnect.sdk.internal.poller.ComplianceClock;
import dev.crmconnect.sdk.internal.poller.LeaseHeartbeat;
import dev.crmconnect.sdk.internal.poller.PollerSettings;
import dev.crmconnect.sdk.internal.poller.StopSignal;
import dev.crmconnect.sdk.internal.poller.TenantPoller;
import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    private final PollerSettings settings;
    private final List<TenantPoller> tenants;
    private final CheckpointStore store;
    private final ComplianceClock complianceClock;
    private final StopSignal stop = new StopSignal();
    /** Held by the round in progress: rounds never overlap, and close waits for the one in flight. */
    private final ReentrantLock pollLock = new ReentrantLock();
    /** Set on the poller's worker threads, so that close() called from a handler does not wait for itself. */
    private final ThreadLocal<Boolean> onWorker = ThreadLocal.withInitial(() -> false);
    private final LeaseHeartbeat heartbeat;
    private final ThreadPoolExecutor workers;
    private final Object lifecycle = new Object();
    private ScheduledExecutorService scheduler;
    private ScheduledFuture<?> scheduled;
    private boolean closed;

    private DeletionNoticePoller(PollerSettings settings) {
        this.settings = settings;
        this.store = settings.store();
        this.complianceClock = new ComplianceClock(settings);
        this.heartbeat = new LeaseHeartbeat(store, settings.ownerId(), settings.leaseTtl());
        List<TenantPoller> pollers = new ArrayList<>();
        for (NoticeFeed feed : settings.feeds()) {
            pollers.add(new TenantPoller(feed, settings, stop, heartbeat, complianceClock));
        }
        this.tenants = List.copyOf(pollers);
        int parallelism = settings.parallelism();
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
        for (CrmConnectClient client : Check.required("clients", clients)) {
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
        return settings.ownerId();
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
            scheduler = settings.scheduler() != null ? settings.scheduler() : Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "crmconnect-deletion-notice-poller");
                thread.setDaemon(true);
                return thread;
            });
            scheduled = scheduler.scheduleWithFixedDelay(this::tick, 0, settings.interval().toNanos(),
                    TimeUnit.NANOSECONDS);
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
            locked = pollLock.tryLock(settings.closeTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            if (!locked) {
                LOG.warn("the poll in flight did not end within {}; leases are released anyway",
                        settings.closeTimeout());
            }
            heartbeat.stopAndRelease();
            workers.shutdown();
        } finally {
            if (locked) {
                pollLock.unlock();
            }
        }
        if (scheduler != null && scheduler != settings.scheduler()) {
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
        return complianceClock.status(tenant);
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
        return store.auditTrail(tenant, from, to);
    }

    /**
     * Writes the tenant's audit records decided in {@code [from, to)} to {@code out} as JSON lines, as
     * {@link CheckpointStore#exportAuditTrail(String, Instant, Instant, Writer)} does.
     *
     * @param tenant the tenant, as its feed names it; 1 to 255 characters
     * @param from the first instant of the range, inclusive
     * @param to the end of the range, exclusive
     * @param out where to write the lines; flushed, not closed
     * @throws IOException if writing to {@code out} fails
     */
    public void exportAuditTrail(String tenant, Instant from, Instant to, Writer out) throws IOException {
        store.exportAuditTrail(tenant, from, to, out);
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
                    heartbeat.stopAndRelease();
                    workers.shutdown(); // closed from a handler or listener: nothing more to run
                }
            } finally {
                pollLock.unlock();
            }
        }
    }

    /**
     * Polls every tenant once on up to {@link PollerSettings#parallelism} worker threads, each taking the next
     * tenant when done with one, so that a slow tenant holds only its own thread; with one, on the
     * calling thread. Returns when
     * every worker has ended; a tenant not polled (a stop came first) has no summary.
     */
    private PollSummary[] pollConcurrently(Map<Lease, Instant> succeeded) {
        PollSummary[] summaries = new PollSummary[tenants.size()];
        int parallelism = settings.parallelism();
        if (parallelism == 1) {
            // One at a time: on the calling thread, as a single tenant's poller always was.
            for (int i = 0; i < summaries.length && !stop.stopRequested(); i++) {
                summaries[i] = tenants.get(i).poll(succeeded::put);
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
                        summaries[i] = tenants.get(i).poll(succeeded::put);
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
            heartbeat.exclusively(() -> store.recordSuccessfulPolls(succeeded));
        } catch (RuntimeException e) {
            LOG.error("the compliance clocks of {} tenants were not recorded ({}); they show an earlier poll"
                    + " until a later round records theirs", succeeded.size(), e.getClass().getName());
        }
    }

    /** Builds a {@link DeletionNoticePoller}; every setting but the required ones has a default. */
    public static final class Builder {
        private final PollerSettings.Builder settings = PollerSettings.builder();

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
            settings.parallelism(parallelism);
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
            settings.feed(feed);
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
            return feed(Check.required("client", client).deletionNotices().feed());
        }

        /**
         * Adds several clients' tenants, polled in this order, as {@link #client} adds each.
         *
         * @param clients the clients, one per tenant
         * @return this builder
         * @throws IllegalArgumentException if {@code clients} or one of them is null
         */
        public Builder clients(Collection<CrmConnectClient> clients) {
            Check.required("clients", clients).forEach(this::client);
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
            Check.required("feeds", feeds).forEach(this::feed);
            return this;
        }

        /**
         * Decides each notice (required).
         *
         * @param handler the customer's handler
         * @return this builder
         */
        public Builder handler(NoticeHandler handler) {
            settings.handler(handler);
            return this;
        }

        /**
         * Names the handler and its version in every audit record, for example "crm-purge-2.3.1" (required).
         *
         * @param handlerId the handler's name and version; 1 to 255 characters
         * @return this builder
         */
        public Builder handlerId(String handlerId) {
            settings.handlerId(handlerId);
            return this;
        }

        /**
         * Where watermarks, decisions, parked notices, gaps and leases are kept (required).
         *
         * @param store the store; the poller never closes it
         * @return this builder
         */
        public Builder checkpointStore(CheckpointStore store) {
            settings.store(store);
            return this;
        }

        /**
         * The pause between the end of one round and the start of the next (default 1 minute).
         *
         * @param interval the pause; positive
         * @return this builder
         */
        public Builder interval(Duration interval) {
            settings.interval(interval);
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
            settings.overlap(overlap);
            return this;
        }

        /**
         * Notices per feed page, 1 to 100 (default 100).
         *
         * @param pageSize the {@code count} asked of each page, 1 to {@value DeletionNoticePoller#MAX_PAGE_SIZE}
         * @return this builder
         */
        public Builder pageSize(int pageSize) {
            settings.pageSize(pageSize);
            return this;
        }

        /**
         * Pages one poll reads of one tenant at most; the next poll goes on (default 1,000).
         *
         * @param maxPagesPerPoll the most pages per tenant and poll; at least 1
         * @return this builder
         */
        public Builder maxPagesPerPoll(int maxPagesPerPoll) {
            settings.maxPagesPerPoll(maxPagesPerPoll);
            return this;
        }

        /**
         * Handler calls per notice before it is parked, at least 1 (default 5).
         *
         * @param handlerAttempts the most handler calls per notice and poll; at least 1
         * @return this builder
         */
        public Builder handlerAttempts(int handlerAttempts) {
            settings.handlerAttempts(handlerAttempts);
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
            settings.handlerBackoff(initial, max);
            return this;
        }

        /**
         * Told of decisions, failures, parked notices, polls, gaps and the compliance clock (default: none).
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(PollerListener listener) {
            settings.listener(listener);
            return this;
        }

        /**
         * The clock for decision times and the compliance clock (default: the system clock in UTC).
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            settings.clock(clock);
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
            settings.ownerId(ownerId);
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
            settings.leaseTtl(leaseTtl);
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
            settings.scheduler(scheduler);
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
            settings.complianceThresholds(warning, error);
            return this;
        }

        /**
         * How long the feed keeps notices (default 30 days, as the contract says).
         *
         * @param feedRetention the feed's retention; at least 1 day
         * @return this builder
         */
        public Builder feedRetention(Duration feedRetention) {
            settings.feedRetention(feedRetention);
            return this;
        }

        /**
         * How long {@link #close()} waits for the handler call in flight (default 30 seconds).
         *
         * @param closeTimeout the wait; zero or more
         * @return this builder
         */
        public Builder closeTimeout(Duration closeTimeout) {
            settings.closeTimeout(closeTimeout);
            return this;
        }

        /**
         * Checks every setting, all at once, and makes the poller; it polls once {@link DeletionNoticePoller#start()} or
         * {@link DeletionNoticePoller#pollOnce()} is called.
         *
         * @return a new poller
         * @throws IllegalArgumentException naming every setting that is missing or wrong, each as
         *     {@code "<setting>: <rule>"}, for example two feeds of one tenant
         */
        public DeletionNoticePoller build() {
            return new DeletionNoticePoller(settings.build());
        }
    }
}
