package dev.crmconnect.sdk.poller;

import java.util.ArrayList;
import java.util.List;

/** Keeps every event it is told, for assertions. */
final class RecordingListener implements PollerListener {

    final List<AuditRecord> decided = java.util.Collections.synchronizedList(new ArrayList<>());
    final List<String> handlerFailures = java.util.Collections.synchronizedList(new ArrayList<>());
    final List<ParkedNotice> parked = java.util.Collections.synchronizedList(new ArrayList<>());
    final List<PollSummary> polls = java.util.Collections.synchronizedList(new ArrayList<>());
    final List<Throwable> pollFailures = java.util.Collections.synchronizedList(new ArrayList<>());
    final List<String> gaps = java.util.Collections.synchronizedList(new ArrayList<>());
    final List<ComplianceStatus> warnings = java.util.Collections.synchronizedList(new ArrayList<>());
    final List<ComplianceStatus> errors = java.util.Collections.synchronizedList(new ArrayList<>());

    @Override
    public synchronized void noticeDecided(AuditRecord record) {
        decided.add(record);
    }

    @Override
    public synchronized void handlerFailed(String tenant, String noticeId, int attempt, Throwable error) {
        handlerFailures.add(noticeId + "#" + attempt);
    }

    @Override
    public synchronized void noticeParked(String tenant, ParkedNotice notice) {
        parked.add(notice);
    }

    @Override
    public synchronized void pollCompleted(PollSummary summary) {
        polls.add(summary);
    }

    @Override
    public synchronized void pollFailed(String tenant, Throwable error) {
        pollFailures.add(error);
    }

    @Override
    public synchronized void complianceGapRaised(String tenant, ComplianceGap gap) {
        gaps.add(tenant);
    }

    @Override
    public synchronized void complianceClockWarning(ComplianceStatus status) {
        warnings.add(status);
    }

    @Override
    public synchronized void complianceClockError(ComplianceStatus status) {
        errors.add(status);
    }

    synchronized List<String> decidedIds() {
        return decided.stream().map(AuditRecord::noticeId).toList();
    }
}
