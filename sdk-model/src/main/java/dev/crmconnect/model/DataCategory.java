package dev.crmconnect.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import dev.crmconnect.model.internal.Enums;

/**
 * A category of data that a {@link DataRequest} exports or deletes. Some categories can be deleted
 * but are never part of an export ({@link #deletionOnly()}); an export naming one is refused.
 */
public enum DataCategory {
    /** The user's own information. Deletion only. */
    USER_INFORMATION(true),
    /** Saved leads. Deletion only. */
    SAVED_LEADS(true),
    /** Saved accounts. */
    SAVED_ACCOUNTS(false),
    /** InMails and messages. */
    INMAILS_MESSAGES(false),
    /** Notes. */
    NOTES(false),
    /** SmartLinks presentations. */
    SMARTLINKS_PRESENTATIONS(false),
    /** SmartLinks user information. */
    SMARTLINKS_USER_INFORMATION(false),
    /** Seat management, where it applies. */
    SEAT_MANAGEMENT(false),
    /** Usage reporting. */
    USAGE_REPORTING(false),
    /** CRM data synced to LinkedIn. Deletion only. */
    CRM_SYNCED_DATA(true),
    /** Account list import raw and matching report files. */
    ACCOUNT_LIST_IMPORT_FILES(false),
    /** Sales Assistant messaging and lead preferences. */
    SALES_ASSISTANT_PREFERENCES(false),
    /** Sales Assistant lead recommendation criteria. Deletion only. */
    SALES_ASSISTANT_LEAD_CRITERIA(true),
    /** Messages generated and edited within Sales Assistant. Deletion only. */
    SALES_ASSISTANT_MESSAGES(true),
    /** A value this SDK version does not know (read from a newer server); never sent. */
    @JsonEnumDefaultValue
    UNKNOWN(false);

    private final boolean deletionOnly;

    DataCategory(boolean deletionOnly) {
        this.deletionOnly = deletionOnly;
    }

    /**
     * Whether the category can be deleted but is never part of an export.
     *
     * @return true for a deletion-only category, which a {@link DataRequest} of type
     *     {@link DataRequestType#EXPORT} must not name
     */
    public boolean deletionOnly() {
        return deletionOnly;
    }

    /**
     * The constant for a wire value.
     *
     * @param value the wire value, which is a constant's name; may be null
     * @return the constant of that name; {@link #UNKNOWN} for a value this SDK version does not know, null for null
     */
    public static DataCategory fromValue(String value) {
        return Enums.fromValue(DataCategory.class, value);
    }
}
