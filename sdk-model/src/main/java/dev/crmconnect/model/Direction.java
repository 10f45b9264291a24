package dev.crmconnect.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import dev.crmconnect.model.internal.Enums;

/** Which way an email went, seen from the CRM user. The wire value of each constant is its name. */
public enum Direction {
    /** From the contact to the CRM user. */
    INBOUND,
    /** From the CRM user to the contact. */
    OUTBOUND,
    /** A value this SDK version does not know (read from a newer server); never sent. */
    @JsonEnumDefaultValue
    UNKNOWN;

    /**
     * The constant for a wire value.
     *
     * @param value the wire value, which is a constant's name; may be null
     * @return the constant of that name; {@link #UNKNOWN} for a value this SDK version does not know, null for null
     */
    public static Direction fromValue(String value) {
        return Enums.fromValue(Direction.class, value);
    }
}
