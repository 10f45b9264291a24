package dev.crmconnect.sdk.privacy;

/** The kinds of synced records that belong to a contact, in the order an erase removes them. */
public enum RecordKind {
    /** A note logged on the contact ({@code /crmNotes}). */
    NOTE,
    /** An email between the contact and a CRM user ({@code /crmEmailInteractions}). */
    EMAIL_INTERACTION,
    /** An application of the contact to a vacancy ({@code /crmApplications}). */
    APPLICATION,
    /** The contact's membership of a pool ({@code /crmPools/{key}/members}); its crmId is the pool's. */
    POOL_MEMBERSHIP,
    /** The contact itself ({@code /crmContacts}). */
    CONTACT
}
