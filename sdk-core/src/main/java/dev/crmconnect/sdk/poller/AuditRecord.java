package dev.crmconnect.sdk.poller;

import dev.crmconnect.model.internal.Check;
import dev.crmconnect.sdk.internal.poller.StoreRules;
import java.time.Instant;

/**
 * The audit trail's record of one decision: which notice, which member, what was decided, when
 * and by which handler. A store keeps exactly one per tenant and notice.
 *
 * @param tenant    the tenant, for example its integration context
 * @param noticeId  the deletion notice's {@code noticeId}
 * @param member    the deleted member's URN, {@code urn:li:person:...}
 * @param decision  what was decided
 * @param decidedAt when it was decided (kept to the millisecond)
 * @param handlerId which handler, and ideally which version of it, decided
 */
public record AuditRecord(String tenant, String noticeId, String member, Decision decision,
                          Instant decidedAt, String handlerId) {

    /**
     * Checks every field is present and within its length; truncates {@code decidedAt} to milliseconds.
     *
     * @param tenant the tenant, for example its integration context
     * @param noticeId the deletion notice's {@code noticeId}
     * @param member the deleted member's URN, {@code urn:li:person:...}
     * @param decision what was decided
     * @param decidedAt when it was decided (kept to the millisecond)
     * @param handlerId which handler, and ideally which version of it, decided
     * @throws IllegalArgumentException if a field is missing, or an id is blank or longer than 255 characters
     */
    public AuditRecord {
        Check.storedId("tenant", tenant);
        Check.storedId("noticeId", noticeId);
        Check.storedId("member", member);
        Check.required("decision", decision);
        decidedAt = StoreRules.millis("decidedAt", decidedAt);
        Check.storedId("handlerId", handlerId);
    }

    /** Identifiers and the decision's kind; the member and the detail are left out. */
    @Override
    public String toString() {
        return "AuditRecord[tenant=" + tenant + ", noticeId=" + noticeId + ", decision=" + decision
                + ", decidedAt=" + decidedAt + ", handlerId=" + handlerId + "]";
    }
}
