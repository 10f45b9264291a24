package dev.crmconnect.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import dev.crmconnect.model.internal.Enums;

/** How a contact was matched to a LinkedIn member. The wire value of each constant is its name. */
public enum MatchStatus {
    /** LinkedIn matched the contact to a member. */
    MATCHED,
    /** No member matched the contact. */
    UNMATCHED,
    /** The vendor matched the contact by hand. */
    MANUAL,
    /** A value this SDK version does not know (read from a newer server); never sent. */
    @JsonEnumDefaultValue
    UNKNOWN;

    /**
     * The constant for a wire value.
     *
     * @param value the wire value, which is a constant's name; may be null
     * @return the constant of that name; {@link #UNKNOWN} for a value this SDK version does not know, null for null
     */
    public static MatchStatus fromValue(String value) {
        return Enums.fromValue(MatchStatus.class, value);
    }
}
