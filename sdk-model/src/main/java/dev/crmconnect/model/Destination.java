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

    /**
     * Validates the record; see the package documentation for the rules.
     *
     * @param typeAsString the kind of destination (required); the raw wire value (JSON {@code type}), see
     *     {@link #type()}
     * @param crmId the pool's or vacancy's crmId (required)
     * @throws IllegalArgumentException if a value breaks a rule; the message names the field and the rule
     */
    public Destination {
        Check.text("destination.type", Check.required("destination.type", typeAsString), Check.ENUM_VALUE);
        Check.requiredId("destination.crmId", crmId);
    }

    /**
     * A builder for a new record.
     *
     * @return a new, empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder that starts from this record's values.
     *
     * @return a new builder holding this record's values; changing it leaves this record as it is
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * The kind of destination (required), read from the raw wire value {@link #typeAsString()}.
     *
     * @return the kind of destination; {@link DestinationType#UNKNOWN} for a value this SDK version does not know,
     *     null when absent
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

        /**
         * Sets the kind of destination (required).
         *
         * @param type the kind of destination (required)
         * @return this builder
         * @throws IllegalArgumentException if {@code type} is {@link DestinationType#UNKNOWN}
         */
        public Builder type(DestinationType type) {
            this.type = Enums.sendable("destination.type", type);
            return this;
        }

        /**
         * Sets the kind of destination (required) from its raw wire value, for values newer than this SDK
         * version.
         *
         * @param type the kind of destination (required), as the raw wire value
         * @return this builder
         * @throws IllegalArgumentException if {@code type} is {@code "UNKNOWN"}
         */
        public Builder type(String type) {
            this.type = Enums.sendable("destination.type", type);
            return this;
        }

        /**
         * Sets the pool's or vacancy's crmId (required).
         *
         * @param crmId the pool's or vacancy's crmId (required)
         * @return this builder
         */
        public Builder crmId(String crmId) {
            this.crmId = crmId;
            return this;
        }

        /**
         * Builds the record from the values set so far.
         *
         * @return a new, validated record
         * @throws IllegalArgumentException if a value breaks a rule; the message names the field and the rule
         */
        public Destination build() {
            return new Destination(type, crmId);
        }
    }
}
