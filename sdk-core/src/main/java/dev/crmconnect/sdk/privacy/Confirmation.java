package dev.crmconnect.sdk.privacy;

/**
 * The caller's explicit word that a deletion may go ahead although it cannot be undone:
 * {@code requestDeletion(scope, categories, Confirmation.IRREVERSIBLE)}.
 */
public enum Confirmation {
    /** I understand that the deletion cannot be undone. */
    IRREVERSIBLE
}
