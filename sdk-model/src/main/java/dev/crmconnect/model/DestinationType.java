package dev.crmconnect.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import dev.crmconnect.model.internal.Enums;

/** Where a 1-Click Export put a member. The wire value of each constant is its name. */
public enum DestinationType {
    /** Into a pool. */
    POOL,
    /** Into a vacancy. */
    VACANCY,
    /** A value this SDK version does not know (read from a newer server); never sent. */
    @JsonEnumDefaultValue
    UNKNOWN;

    /**
     * The constant for a wire value.
     *
     * @param value the wire value, which is a constant's name; may be null
     * @return the constant of that name; {@link #UNKNOWN} for a value this SDK version does not know, null for null
     */
    public static DestinationType fromValue(String value) {
        return Enums.fromValue(DestinationType.class, value);
    }
}
