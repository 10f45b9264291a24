package dev.crmconnect.model;

/**
 * Whether a record is public or private in the vendor's CRM. Only public records are synced: the
 * SDK never sends a private one. Not part of any JSON body.
 */
public enum Visibility {
    /** Public in the CRM: synced. */
    PUBLIC,
    /** Private in the CRM: never sent to LinkedIn. */
    PRIVATE
}
