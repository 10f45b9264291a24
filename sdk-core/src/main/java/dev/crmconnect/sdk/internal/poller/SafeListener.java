package dev.crmconnect.sdk.internal.poller;

import dev.crmconnect.sdk.poller.AuditRecord;
import dev.crmconnect.sdk.poller.ComplianceGap;
import dev.crmconnect.sdk.poller.ComplianceStatus;
import dev.crmconnect.sdk.poller.ParkedNotice;
import dev.crmconnect.sdk.poller.PollSummary;
import dev.crmconnect.sdk.poller.PollerListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Passes events on to the application's listener; what it throws is logged, never let through to the poll. */
public final class SafeListener implements PollerListener {

    private static final Logger LOG = LoggerFactory.getLogger(SafeListener.class);

    private final PollerListener delegate;

    /** Guards {@code delegate}. */
    public SafeListener(PollerListener delegate) {
        this.delegate = delegate;
    }

    @Override
    public void noticeDecided(AuditRecord record) {
        guarded("noticeDecided", () -> delegate.noticeDecided(record));
    }

    @Override
    public void handlerFailed(String tenant, String noticeId, int attempt, Throwable error) {
        guarded("handlerFailed", () -> delegate.handlerFailed(tenant, noticeId, attempt, error));
    }

    @Override
    public void noticeParked(String tenant, ParkedNotice notice) {
        guarded("noticeParked", () -> delegate.noticeParked(tenant, notice));
    }

    @Override
    public void pollCompleted(PollSummary summary) {
        guarded("pollCompleted", () -> delegate.pollCompleted(summary));
    }

    @Override
    public void pollFailed(String tenant, Throwable error) {
        guarded("pollFailed", () -> delegate.pollFailed(tenant, error));
    }

    @Override
    public void complianceGapRaised(String tenant, ComplianceGap gap) {
        guarded("complianceGapRaised", () -> delegate.complianceGapRaised(tenant, gap));
    }

    @Override
    public void complianceClockWarning(ComplianceStatus status) {
        guarded("complianceClockWarning", () -> delegate.complianceClockWarning(status));
    }

    @Override
    public void complianceClockError(ComplianceStatus status) {
        guarded("complianceClockError", () -> delegate.complianceClockError(status));
    }

    private static void guarded(String event, Runnable call) {
        try {
            call.run();
        } catch (VirtualMachineError fatal) {
            throw fatal;
        } catch (Throwable e) {
            LOG.warn("the poller listener threw {} on {}; ignored", e.getClass().getName(), event);
        }
    }
}
