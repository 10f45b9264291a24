package dev.crmconnect.spring.internal;

import dev.crmconnect.sdk.poller.AuditRecord;
import dev.crmconnect.sdk.poller.ComplianceGap;
import dev.crmconnect.sdk.poller.ComplianceStatus;
import dev.crmconnect.sdk.poller.ParkedNotice;
import dev.crmconnect.sdk.poller.PollSummary;
import dev.crmconnect.sdk.poller.PollerListener;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Tells every poller listener bean, in order; one that throws is logged and the others are still told. */
final class CompositePollerListener implements PollerListener {

    private static final Logger LOG = LoggerFactory.getLogger(CompositePollerListener.class);

    private final List<PollerListener> listeners;

    CompositePollerListener(List<PollerListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void noticeDecided(AuditRecord record) {
        each(l -> l.noticeDecided(record));
    }

    @Override
    public void handlerFailed(String tenant, String noticeId, int attempt, Throwable error) {
        each(l -> l.handlerFailed(tenant, noticeId, attempt, error));
    }

    @Override
    public void noticeParked(String tenant, ParkedNotice notice) {
        each(l -> l.noticeParked(tenant, notice));
    }

    @Override
    public void pollCompleted(PollSummary summary) {
        each(l -> l.pollCompleted(summary));
    }

    @Override
    public void pollFailed(String tenant, Throwable error) {
        each(l -> l.pollFailed(tenant, error));
    }

    @Override
    public void complianceGapRaised(String tenant, ComplianceGap gap) {
        each(l -> l.complianceGapRaised(tenant, gap));
    }

    @Override
    public void complianceClockWarning(ComplianceStatus status) {
        each(l -> l.complianceClockWarning(status));
    }

    @Override
    public void complianceClockError(ComplianceStatus status) {
        each(l -> l.complianceClockError(status));
    }

    private void each(Consumer<PollerListener> call) {
        for (PollerListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                // The message may carry what the listener saw: the type only.
                LOG.warn("poller listener {} failed with {}", listener, e.getClass().getName());
            }
        }
    }
}
