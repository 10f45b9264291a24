package dev.crmconnect.sdk.internal.poller;

import dev.crmconnect.model.internal.Check;
import dev.crmconnect.sdk.poller.ComplianceStatus;
import dev.crmconnect.sdk.poller.ComplianceStore;
import dev.crmconnect.sdk.poller.PollerListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compliance clock of each tenant, read from the store: its level by the thresholds, and the
 * warning or error told to the log and the listener.
 */
public final class ComplianceClock {

    private static final Logger LOG = LoggerFactory.getLogger(ComplianceClock.class);

    private final ComplianceStore store;
    private final Clock clock;
    private final Duration warningAfter;
    private final Duration errorAfter;
    private final PollerListener listener;

    /** Reads {@code settings}' store by its clock and thresholds, and tells its listener. */
    public ComplianceClock(PollerSettings settings) {
        this.store = settings.store();
        this.clock = settings.clock();
        this.warningAfter = settings.complianceWarningAfter();
        this.errorAfter = settings.complianceErrorAfter();
        this.listener = settings.listener();
    }

    /** The tenant's level, last successful poll and time since. */
    public ComplianceStatus status(String tenant) {
        Check.storedId("tenant", tenant);
        Instant last = store.lastSuccessfulPoll(tenant).orElse(null);
        if (last == null) {
            return new ComplianceStatus(tenant, ComplianceStatus.Level.WARNING, null, null);
        }
        Duration since = Duration.between(last, clock.instant());
        if (since.isNegative()) {
            since = Duration.ZERO;
        }
        ComplianceStatus.Level level = since.compareTo(errorAfter) > 0 ? ComplianceStatus.Level.ERROR
                : since.compareTo(warningAfter) > 0 ? ComplianceStatus.Level.WARNING
                : ComplianceStatus.Level.OK;
        return new ComplianceStatus(tenant, level, last, since);
    }

    /** Tells the log and the listener when the tenant's clock shows a warning or an error. */
    void report(String tenant) {
        ComplianceStatus status;
        try {
            status = status(tenant);
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
}
