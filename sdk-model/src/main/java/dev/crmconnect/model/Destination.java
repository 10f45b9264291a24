package dev.crmconnect.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.crmconnect.model.internal.Check;
import dev.crmconnect.model.internal.Enums;

/**
 * Where a 1-Click Export put a member: a pool or a vacancy of the CRM.
 *
 * @param typeAsString the kind of destination (required); the raw wire value (JSON {@code type}), see
 *     {@link #type()}
 * @param crmId the pool's or vacancy's crmId (required)
 */
public record Destination(
        @JsonProperty("type") String typeAsString,
        String crmId) {

    /** Validates the record; see the package documentation for the rules. */
    public Destination {
        Check.text("destination.type", Check.required("destination.type", typeAsString), Check.ENUM_VALUE);
        Check.requiredId("destination.crmId", crmId);
    }

    /** A builder for a new record. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this record's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * The kind of destination (required); {@link DestinationType#UNKNOWN} for a value this SDK version does not
     * know, null when absent.
     */
    public DestinationType type() {
        return DestinationType.fromValue(typeAsString);
    }

    /** Builds a {@link Destination}; reusable, each {@link #build()} gives a new record. */
    public static final class Builder {
        private String type;
        private String crmId;

        private Builder() {
        }

        private Builder(Destination source) {
            this.type = source.typeAsString;
            this.crmId = source.crmId;
        }

        /** Sets the kind of destination (required). */
        public Builder type(DestinationType type) {
            this.type = Enums.sendable("destination.type", type);
            return this;
        }

        /**
         * Sets the kind of destination (required) from its raw wire value, for values newer than this SDK
         * version.
         */
        public Builder type(String type) {
            this.type = Enums.sendable("destination.type", type);
            return this;
        }

        /** Sets the pool's or vacancy's crmId (required). */
        public Builder crmId(String crmId) {
            this.crmId = crmId;
            return this;
        }

        /** The record; throws {@link IllegalArgumentException} naming the field and the rule when invalid. */
        public Destination build() {
            return new Destination(type, crmId);
        }
    }
}
