package dev.crmconnect.sdk.poller;

import dev.crmconnect.sdk.internal.poller.CompositePollerListener;

/**
 * What the poller tells the application, for metrics, alerts and logs; every method does nothing
 * unless overridden. Called on the polling threads, for several tenants at once: keep it quick and
 * thread-safe. A listener that throws is logged and otherwise ignored.
 */
public interface PollerListener {

    /**
     * A decision was recorded; {@code record} is in the audit trail.
     *
     * @param record the decision's audit record
     */
    default void noticeDecided(AuditRecord record) {
    }

    /**
     * The handler threw on its {@code attempt}-th call for the notice (counting from 1, parked retries included).
     *
     * @param tenant the notice's tenant
     * @param noticeId the notice's {@code noticeId}
     * @param attempt the number of the failed call, from 1
     * @param error what the handler threw
     */
    default void handlerFailed(String tenant, String noticeId, int attempt, Throwable error) {
    }

    /**
     * The handler kept failing: the notice is parked and will be retried on later polls.
     *
     * @param tenant the notice's tenant
     * @param notice the parked notice, its failure count and last error
     */
    default void noticeParked(String tenant, ParkedNotice notice) {
    }

    /**
     * A tenant's poll ended, whatever its outcome; failures also reach {@link #pollFailed}.
     *
     * @param summary how the poll went
     */
    default void pollCompleted(PollSummary summary) {
    }

    /**
     * A tenant's poll failed or lost its lease; the next poll retries.
     *
     * @param tenant the tenant
     * @param error why the poll failed or lost its lease
     */
    default void pollFailed(String tenant, Throwable error) {
    }

    /**
     * The feed answered 410: the tenant stops until an operator acknowledges {@code gap}.
     *
     * @param tenant the tenant
     * @param gap the gap just raised
     */
    default void complianceGapRaised(String tenant, ComplianceGap gap) {
    }

    /**
     * After a tenant's poll, its compliance clock is past the warning threshold or it never succeeded.
     *
     * @param status the tenant's compliance clock, at level {@link ComplianceStatus.Level#WARNING}
     */
    default void complianceClockWarning(ComplianceStatus status) {
    }

    /**
     * After a tenant's poll, its compliance clock is past the error threshold.
     *
     * @param status the tenant's compliance clock, at level {@link ComplianceStatus.Level#ERROR}
     */
    default void complianceClockError(ComplianceStatus status) {
    }

    /**
     * A listener that tells each of {@code listeners}, in order, of every event.
     *
     * @param listeners the listeners; none null
     * @return a listener forwarding every event to each of them; a {@link RuntimeException} thrown by one is
     *     logged and the others are still told
     * @throws NullPointerException if {@code listeners} or one of them is null
     */
    static PollerListener composite(PollerListener... listeners) {
        return new CompositePollerListener(listeners);
    }
}
