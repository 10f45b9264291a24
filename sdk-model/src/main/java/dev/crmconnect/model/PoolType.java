package dev.crmconnect.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import dev.crmconnect.model.internal.Enums;

/** The kind of a talent pool. The wire value of each constant is its name. */
public enum PoolType {
    /** A general pool. */
    GENERAL,
    /** A pool of sourced candidates. */
    SOURCING,
    /** A pool of the vendor's own kind. */
    CUSTOM,
    /** A value this SDK version does not know (read from a newer server); never sent. */
    @JsonEnumDefaultValue
    UNKNOWN;

    /**
     * The constant for a wire value.
     *
     * @param value the wire value, which is a constant's name; may be null
     * @return the constant of that name; {@link #UNKNOWN} for a value this SDK version does not know, null for null
     */
    public static PoolType fromValue(String value) {
        return Enums.fromValue(PoolType.class, value);
    }
}
