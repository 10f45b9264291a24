package dev.crmconnect.model;

/**
 * A record the vendor syncs to LinkedIn, with the vendor's key and privacy flag. Neither is part
 * of the JSON body: the key travels in the URL, and a private record is never sent.
 */
public interface SyncedRecord {

    /**
     * The vendor's id of the record, the key it travels under in the URL.
     *
     * @return the id (1 to 64 characters), or null for a body read from the wire
     */
    String crmId();

    /**
     * Whether the record is public in the CRM; a private record is never sent.
     *
     * @return the visibility; never null
     */
    Visibility visibility();
}
