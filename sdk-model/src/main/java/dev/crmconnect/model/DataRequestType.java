package dev.crmconnect.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import dev.crmconnect.model.internal.Enums;

/** What a data request asks for. The wire value of each constant is its name. */
public enum DataRequestType {
    /** A copy of the data; an export never deletes anything. */
    EXPORT,
    /** Deletion of the data; a deletion cannot be undone. */
    DELETION,
    /** A value this SDK version does not know (read from a newer server); never sent. */
    @JsonEnumDefaultValue
    UNKNOWN;

    /**
     * The constant for a wire value.
     *
     * @param value the wire value, which is a constant's name; may be null
     * @return the constant of that name; {@link #UNKNOWN} for a value this SDK version does not know, null for null
     */
    public static DataRequestType fromValue(String value) {
        return Enums.fromValue(DataRequestType.class, value);
    }
}
