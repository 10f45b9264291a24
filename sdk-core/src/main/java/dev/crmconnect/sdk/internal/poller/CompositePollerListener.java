package dev.crmconnect.sdk.internal.poller;

import dev.crmconnect.sdk.poller.AuditRecord;
import dev.crmconnect.sdk.poller.ComplianceGap;
import dev.crmconnect.sdk.poller.ComplianceStatus;
import dev.crmconnect.sdk.poller.ParkedNotice;
import dev.crmconnect.sdk.poller.PollSummary;
import dev.crmconnect.sdk.poller.PollerListener;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link PollerListener#composite}: each event to each listener, in order, one's exception not stopping the others. */
public final class CompositePollerListener implements PollerListener {

    private static final Logger LOG = LoggerFactory.getLogger(CompositePollerListener.class);

    private final List<PollerListener> listeners;

    /** Tells each of {@code listeners}, in order; none may be null. */
    public CompositePollerListener(PollerListener... listeners) {
        Objects.requireNonNull(listeners, "listeners must not be null");
        for (PollerListener listener : listeners) {
            Objects.requireNonNull(listener, "a listener must not be null");
        }
        this.listeners = List.of(listeners);
    }

    @Override
    public void noticeDecided(AuditRecord record) {
        each("noticeDecided", l -> l.noticeDecided(record));
    }

    @Override
    public void handlerFailed(String tenant, String noticeId, int attempt, Throwable error) {
        each("handlerFailed", l -> l.handlerFailed(tenant, noticeId, attempt, error));
    }

    @Override
    public void noticeParked(String tenant, ParkedNotice notice) {
        each("noticeParked", l -> l.noticeParked(tenant, notice));
    }

    @Override
    public void pollCompleted(PollSummary summary) {
        each("pollCompleted", l -> l.pollCompleted(summary));
    }

    @Override
    public void pollFailed(String tenant, Throwable error) {
        each("pollFailed", l -> l.pollFailed(tenant, error));
    }

    @Override
    public void complianceGapRaised(String tenant, ComplianceGap gap) {
        each("complianceGapRaised", l -> l.complianceGapRaised(tenant, gap));
    }

    @Override
    public void complianceClockWarning(ComplianceStatus status) {
        each("complianceClockWarning", l -> l.complianceClockWarning(status));
    }

    @Override
    public void complianceClockError(ComplianceStatus status) {
        each("complianceClockError", l -> l.complianceClockError(status));
    }

    private void each(String event, Consumer<PollerListener> call) {
        for (PollerListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                // The message may carry what the listener saw: the type only.
                LOG.warn("poller listener {} threw {} on {}; ignored", listener, e.getClass().getName(), event);
            }
        }
    }

    @Override
    public String toString() {
        return "PollerListener.composite" + listeners;
    }
}
