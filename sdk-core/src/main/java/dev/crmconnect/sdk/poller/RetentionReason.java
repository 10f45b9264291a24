package dev.crmconnect.sdk.poller;

/** Why a customer keeps a deleted member's data: the lawful basis recorded in the audit trail. */
public enum RetentionReason {
    /** The member consented to the CRM keeping the data. */
    CONSENT,
    /** A law obliges the customer to keep the data (tax, employment records, litigation hold). */
    LEGAL_OBLIGATION,
    /** The customer's legitimate interest outweighs the member's, as the customer assessed it. */
    LEGITIMATE_INTEREST,
    /** Another reason, explained in the decision's detail. */
    OTHER
}
