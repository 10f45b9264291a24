package dev.crmconnect.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import dev.crmconnect.model.internal.Enums;

/** Where an application stands. The wire value of each constant is its name. */
public enum ApplicationStatus {
    /** In progress. */
    ACTIVE,
    /** The candidate was hired. */
    HIRED,
    /** The candidate was rejected. */
    REJECTED,
    /** The candidate withdrew. */
    WITHDRAWN,
    /** A value this SDK version does not know (read from a newer server); never sent. */
    @JsonEnumDefaultValue
    UNKNOWN;

    /**
     * The constant for a wire value.
     *
     * @param value the wire value, which is a constant's name; may be null
     * @return the constant of that name; {@link #UNKNOWN} for a value this SDK version does not know, null for null
     */
    public static ApplicationStatus fromValue(String value) {
        return Enums.fromValue(ApplicationStatus.class, value);
    }
}
