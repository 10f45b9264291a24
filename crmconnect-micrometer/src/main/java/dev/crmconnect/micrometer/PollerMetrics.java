package dev.crmconnect.micrometer;

import dev.crmconnect.sdk.poller.AuditRecord;
import dev.crmconnect.sdk.poller.ComplianceGap;
import dev.crmconnect.sdk.poller.ComplianceStatus;
import dev.crmconnect.sdk.poller.DeletionNoticePoller;
import dev.crmconnect.sdk.poller.ParkedNotice;
import dev.crmconnect.sdk.poller.PollSummary;
import dev.crmconnect.sdk.poller.PollerListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Objects;

/**
 * Micrometer meters for the {@link DeletionNoticePoller}: a {@link PollerListener} counting decisions, parked
 * notices, handler failures, polls and gaps and timing the lag, plus one gauge per tenant of the compliance clock's
 * age, bound to a poller once it is built.
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>Name</th><th>Type</th><th>Tags</th><th>What</th></tr>
 *   <tr><td>{@value #DECISIONS}</td><td>counter</td><td>kind</td>
 *       <td>decisions recorded: {@code DELETE}, {@code RETAIN} or {@code FLAG_FOR_REVIEW}</td></tr>
 *   <tr><td>{@value #PARKED}</td><td>counter</td><td></td>
 *       <td>notices parked, or parked again, after their handler kept failing</td></tr>
 *   <tr><td>{@value #HANDLER_FAILURES}</td><td>counter</td><td></td><td>handler calls that threw</td></tr>
 *   <tr><td>{@value #POLLS}</td><td>counter</td><td>outcome</td>
 *       <td>tenant polls by {@link PollSummary.Outcome}</td></tr>
 *   <tr><td>{@value #COMPLIANCE_GAPS}</td><td>counter</td><td></td><td>compliance gaps raised (feed answered 410)</td></tr>
 *   <tr><td>{@value #LAG}</td><td>timer</td><td></td>
 *       <td>per poll that decided notices, the longest a notice waited between its publication and its decision</td></tr>
 *   <tr><td>{@value #COMPLIANCE_CLOCK_AGE}</td><td>gauge, seconds</td><td>tenant</td>
 *       <td>time since the tenant's feed was last read to its end; NaN if never, or if the store cannot be read</td></tr>
 * </table>
 *
 * <p>Cardinality: every meter but the compliance clock's has a fixed, small set of series (three kinds, seven
 * outcomes), whatever the number of tenants; only {@value #COMPLIANCE_CLOCK_AGE} carries a {@code tenant} tag (the
 * tenant as its feed names it, its integration context), one series per tenant polled, as the 30-day clock is kept
 * per tenant. A notice id, a member or a record key is never a tag. Each read of a compliance clock gauge reads the
 * checkpoint store once (one row by primary key with the JDBC store): a scrape of N tenants costs N small reads.
 *
 * <pre>{@code
 * DeletionNoticePoller poller = DeletionNoticePoller.builder(clients)
 *         // ...
 *         .listener(PollerMetrics.listener(meterRegistry))
 *         .build();
 * PollerMetrics.bindComplianceClocks(meterRegistry, poller);
 * }</pre>
 */
public final class PollerMetrics {

    /** The counter of decisions recorded, by decision kind. */
    public static final String DECISIONS = "crmconnect.poller.decisions";
    /** The counter of notices parked. */
    public static final String PARKED = "crmconnect.poller.parked";
    /** The counter of handler calls that threw. */
    public static final String HANDLER_FAILURES = "crmconnect.poller.handler.failures";
    /** The counter of tenant polls, by outcome. */
    public static final String POLLS = "crmconnect.poller.polls";
    /** The counter of compliance gaps raised. */
    public static final String COMPLIANCE_GAPS = "crmconnect.poller.compliance.gaps";
    /** The timer of the lag between a notice's publication and its decision. */
    public static final String LAG = "crmconnect.poller.lag";
    /** The gauge of a tenant's compliance clock age, in seconds. */
    public static final String COMPLIANCE_CLOCK_AGE = "crmconnect.poller.compliance.clock.age";

    private PollerMetrics() {
    }

    /**
     * A listener recording this class's counters and lag timer in {@code registry}.
     *
     * @param registry where the meters are registered
     * @return a listener for {@link DeletionNoticePoller.Builder#listener}
     * @throws NullPointerException if {@code registry} is null
     */
    public static PollerListener listener(MeterRegistry registry) {
        return listener(registry, Tags.empty());
    }

    /**
     * A listener recording this class's counters and lag timer in {@code registry}, each with {@code tags} too.
     *
     * @param registry where the meters are registered
     * @param tags tags added to every meter, for example the poller's name; their values must be bounded
     * @return a listener for {@link DeletionNoticePoller.Builder#listener}
     * @throws NullPointerException if {@code registry} or {@code tags} is null
     */
    public static PollerListener listener(MeterRegistry registry, Iterable<Tag> tags) {
        return new MetricsListener(Objects.requireNonNull(registry, "registry must not be null"),
                Tags.of(Objects.requireNonNull(tags, "tags must not be null")));
    }

    /**
     * Registers a {@value #COMPLIANCE_CLOCK_AGE} gauge for each of the poller's tenants. The gauges hold the poller
     * weakly: once it is gone they read NaN.
     *
     * @param registry where the gauges are registered
     * @param poller the poller whose tenants' clocks are read
     * @throws NullPointerException if {@code registry} or {@code poller} is null
     */
    public static void bindComplianceClocks(MeterRegistry registry, DeletionNoticePoller poller) {
        bindComplianceClocks(registry, poller, Tags.empty());
    }

    /**
     * As {@link #bindComplianceClocks(MeterRegistry, DeletionNoticePoller)}, each gauge with {@code tags} too.
     *
     * @param registry where the gauges are registered
     * @param poller the poller whose tenants' clocks are read
     * @param tags tags added to every gauge; their values must be bounded
     * @throws NullPointerException if an argument is null
     */
    public static void bindComplianceClocks(MeterRegistry registry, DeletionNoticePoller poller, Iterable<Tag> tags) {
        Objects.requireNonNull(registry, "registry must not be null");
        Objects.requireNonNull(poller, "poller must not be null");
        Tags common = Tags.of(Objects.requireNonNull(tags, "tags must not be null"));
        for (String tenant : poller.tenants()) {
            Gauge.builder(COMPLIANCE_CLOCK_AGE, poller, p -> ageSeconds(p, tenant))
                    .description("Time since the tenant's deletion-notice feed was last read to its end")
                    .baseUnit("seconds")
                    .tags(common.and("tenant", tenant))
                    .register(registry);
        }
    }

    private static double ageSeconds(DeletionNoticePoller poller, String tenant) {
        ComplianceStatus status;
        try {
            status = poller.complianceStatus(tenant);
        } catch (RuntimeException e) {
            return Double.NaN; // the store is unreadable now; a gauge never throws
        }
        Duration since = status.sinceLastSuccessfulPoll();
        return since == null ? Double.NaN : since.toMillis() / 1000.0;
    }

    /** Records the counters and the lag; one instance may serve several pollers, on any threads. */
    private static final class MetricsListener implements PollerListener {

        private final MeterRegistry registry;
        private final Tags common;

        MetricsListener(MeterRegistry registry, Tags common) {
            this.registry = registry;
            this.common = common;
        }

        @Override
        public void noticeDecided(AuditRecord record) {
            Counter.builder(DECISIONS).description("Deletion notices decided, by decision kind")
                    .tags(common.and("kind", record.decision().kind().name())).register(registry).increment();
        }

        @Override
        public void handlerFailed(String tenant, String noticeId, int attempt, Throwable error) {
            Counter.builder(HANDLER_FAILURES).description("Notice handler calls that threw")
                    .tags(common).register(registry).increment();
        }

        @Override
        public void noticeParked(String tenant, ParkedNotice notice) {
            Counter.builder(PARKED).description("Deletion notices parked after their handler kept failing")
                    .tags(common).register(registry).increment();
        }

        @Override
        public void pollCompleted(PollSummary summary) {
            Counter.builder(POLLS).description("Tenant polls of the deletion-notice feed, by outcome")
                    .tags(common.and("outcome", summary.outcome().name())).register(registry).increment();
            if (summary.decided() > 0 && summary.lag() != null) {
                Timer.builder(LAG).description("Longest wait between a notice's publication and its decision, per poll")
                        .tags(common).register(registry).record(summary.lag());
            }
        }

        @Override
        public void complianceGapRaised(String tenant, ComplianceGap gap) {
            Counter.builder(COMPLIANCE_GAPS).description("Compliance gaps raised: the feed no longer held the watermark")
                    .tags(common).register(registry).increment();
        }

        @Override
        public String toString() {
            return "PollerMetrics[" + registry.getClass().getSimpleName() + "]";
        }
    }
}
