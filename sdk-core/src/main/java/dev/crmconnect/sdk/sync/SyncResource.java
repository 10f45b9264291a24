package dev.crmconnect.sdk.sync;

/** The synced resources a {@link SyncLedger} keeps entries for. */
public enum SyncResource {
    /** Contacts, keyed by crmId. */
    CONTACTS("contacts"),
    /** Pools, keyed by crmId. */
    POOLS("pools"),
    /** The members of one pool, keyed by the contact's crmId within the pool. */
    POOL_MEMBERS("poolMembers"),
    /** Vacancies, keyed by crmId. */
    VACANCIES("vacancies"),
    /** Applications, keyed by crmId. */
    APPLICATIONS("applications"),
    /** Email interactions, keyed by crmId. */
    EMAIL_INTERACTIONS("emailInteractions"),
    /** Notes, keyed by crmId. */
    NOTES("notes");

    private final String scope;

    SyncResource(String scope) {
        this.scope = scope;
    }

    /** The ledger scope of this resource; a pool's members have one scope per pool. */
    String scope(String poolCrmId) {
        return this == POOL_MEMBERS ? scope + "/" + poolCrmId : scope;
    }
}
