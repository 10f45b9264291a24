package dev.crmconnect.sdk.poller;

import dev.crmconnect.model.internal.Check;
import dev.crmconnect.sdk.internal.poller.StoreRules;

/**
 * What the customer decided for one deletion notice. The customer is the data controller:
 * deleting, retaining for a stated reason and flagging for review are all legitimate outcomes.
 *
 * @param kind   what was decided
 * @param reason why the data is retained; present for {@link Kind#RETAIN} only
 * @param detail what was deleted, why it is retained or why it needs review (at most 2,000
 *               characters; kept in the audit trail, never printed by {@link #toString()})
 */
public record Decision(Kind kind, RetentionReason reason, String detail) {

    /** The three outcomes of a deletion notice. */
    public enum Kind {
        /** The member's data was deleted. */
        DELETE,
        /** The member's data is kept, for a {@link RetentionReason}. */
        RETAIN,
        /** A person must decide; the notice counts as handled. */
        FLAG_FOR_REVIEW
    }

    /**
     * Checks the fields: a reason is required to retain and refused otherwise; detail is required.
     *
     * @param kind what was decided
     * @param reason why the data is retained; present for {@link Kind#RETAIN} only
     * @param detail what was deleted, why it is retained or why it needs review (at most 2,000 characters; kept in
     *     the audit trail, never printed by {@link #toString()})
     * @throws IllegalArgumentException if {@code kind} or {@code detail} is missing, {@code detail} is longer than
     *     2,000 characters, or {@code reason} is missing for RETAIN or present otherwise
     */
    public Decision {
        Check.required("kind", kind);
        if (kind == Kind.RETAIN) {
            Check.required("reason", reason);
        } else if (reason != null) {
            throw Check.invalid("reason", "must be absent unless kind is RETAIN");
        }
        Check.requiredMultiline("detail", detail, StoreRules.MAX_TEXT_LENGTH);
    }

    /**
     * The member's data was deleted.
     *
     * @param whatWasDeleted what was deleted, for example "contact and 3 notes"; at most 2,000 characters
     * @return a {@link Kind#DELETE} decision
     * @throws IllegalArgumentException if {@code whatWasDeleted} is missing, blank or too long
     */
    public static Decision delete(String whatWasDeleted) {
        return new Decision(Kind.DELETE, null, whatWasDeleted);
    }

    /**
     * The member's data is kept for {@code reason}.
     *
     * @param reason the lawful basis for keeping the data
     * @param detail what is kept and why; at most 2,000 characters
     * @return a {@link Kind#RETAIN} decision
     * @throws IllegalArgumentException if a value is missing, or {@code detail} is blank or too long
     */
    public static Decision retain(RetentionReason reason, String detail) {
        return new Decision(Kind.RETAIN, reason, detail);
    }

    /**
     * A person must look at this notice.
     *
     * @param why what they should look at; at most 2,000 characters
     * @return a {@link Kind#FLAG_FOR_REVIEW} decision
     * @throws IllegalArgumentException if {@code why} is missing, blank or too long
     */
    public static Decision flagForReview(String why) {
        return new Decision(Kind.FLAG_FOR_REVIEW, null, why);
    }

    /** The kind and reason; the detail's length only, as it may name a person. */
    @Override
    public String toString() {
        return "Decision[kind=" + kind + (reason == null ? "" : ", reason=" + reason)
                + ", detail=(" + detail.length() + " chars)]";
    }
}
