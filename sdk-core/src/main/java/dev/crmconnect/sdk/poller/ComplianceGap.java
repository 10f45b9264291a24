package dev.crmconnect.sdk.poller;

import dev.crmconnect.model.internal.Check;
import dev.crmconnect.sdk.internal.poller.StoreRules;
import java.time.Instant;

/**
 * Notices may have been missed for a tenant: the feed answered 410 because its watermark is older
 * than the feed's retention. A tenant with an unacknowledged gap must not be polled until an
 * operator acknowledges the gap.
 *
 * @param raisedAt       when the gap was raised (kept to the millisecond)
 * @param detail         what happened, for the operator
 * @param acknowledgedAt when an operator acknowledged it; absent while unacknowledged
 * @param acknowledgedBy who acknowledged it; absent while unacknowledged
 */
public record ComplianceGap(Instant raisedAt, String detail, Instant acknowledgedAt, String acknowledgedBy) {

    /**
     * Checks the fields: acknowledgement time and author are both present or both absent.
     *
     * @param raisedAt when the gap was raised (kept to the millisecond)
     * @param detail what happened, for the operator
     * @param acknowledgedAt when an operator acknowledged it; absent while unacknowledged
     * @param acknowledgedBy who acknowledged it; absent while unacknowledged
     * @throws IllegalArgumentException if {@code raisedAt} or {@code detail} is missing, {@code detail} is longer
     *     than 2,000 characters, or only one of {@code acknowledgedAt} and {@code acknowledgedBy} is present
     */
    public ComplianceGap {
        raisedAt = StoreRules.millis("raisedAt", raisedAt);
        Check.requiredMultiline("detail", detail, StoreRules.MAX_TEXT_LENGTH);
        acknowledgedAt = StoreRules.millisOrNull(acknowledgedAt);
        if ((acknowledgedAt == null) != (acknowledgedBy == null)) {
            throw Check.invalid("acknowledgedAt, acknowledgedBy", "must be both present or both absent");
        }
        if (acknowledgedBy != null) {
            Check.storedId("acknowledgedBy", acknowledgedBy);
        }
    }

    /**
     * A gap just raised, not yet acknowledged.
     *
     * @param raisedAt when the gap was raised
     * @param detail what happened, for the operator; at most 2,000 characters
     * @return the unacknowledged gap
     * @throws IllegalArgumentException if a value is missing or {@code detail} is too long
     */
    public static ComplianceGap raised(Instant raisedAt, String detail) {
        return new ComplianceGap(raisedAt, detail, null, null);
    }

    /**
     * Whether an operator has acknowledged the gap, so the tenant may be polled again.
     *
     * @return true once {@code acknowledgedAt} is set
     */
    public boolean acknowledged() {
        return acknowledgedAt != null;
    }

    /** The times only: the detail and the acknowledging operator (maybe an email address) are left out. */
    @Override
    public String toString() {
        return "ComplianceGap[raisedAt=" + raisedAt + ", acknowledgedAt=" + acknowledgedAt + "]";
    }

    /**
     * This gap, acknowledged by {@code by} at {@code at}; this record is left as it is.
     *
     * @param at when the operator acknowledged it
     * @param by who acknowledged it, for example an operator's login; at most 255 characters
     * @return a copy of this gap with the acknowledgement
     * @throws IllegalArgumentException if a value is missing, or {@code by} is blank or too long
     */
    public ComplianceGap acknowledge(Instant at, String by) {
        return new ComplianceGap(raisedAt, detail, at, Check.storedId("acknowledgedBy", by));
    }
}
