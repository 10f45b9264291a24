package dev.crmconnect.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import dev.crmconnect.model.internal.Enums;

/** Where a data request stands. The wire value of each constant is its name. */
public enum DataRequestStatus {
    /** Accepted, not started. */
    PENDING,
    /** Being processed. */
    IN_PROGRESS,
    /** Done. */
    COMPLETED,
    /** Could not be done. */
    FAILED,
    /** A value this SDK version does not know (read from a newer server); never sent. */
    @JsonEnumDefaultValue
    UNKNOWN;

    /**
     * The constant for a wire value.
     *
     * @param value the wire value, which is a constant's name; may be null
     * @return the constant of that name; {@link #UNKNOWN} for a value this SDK version does not know, null for null
     */
    public static DataRequestStatus fromValue(String value) {
        return Enums.fromValue(DataRequestStatus.class, value);
    }
}
