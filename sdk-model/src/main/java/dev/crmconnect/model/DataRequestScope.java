package dev.crmconnect.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.crmconnect.model.internal.Check;
import dev.crmconnect.model.internal.Enums;

/**
 * What a data request covers: one seat or a whole contract.
 *
 * @param typeAsString the kind of scope (required); the raw wire value (JSON {@code type}), see {@link #type()}
 * @param seat the seat, {@code urn:li:seat:<id>}; required for SEAT, absent for CONTRACT
 * @param contract the contract, {@code urn:li:contract:<id>}; required for CONTRACT, absent for SEAT
 */
public record DataRequestScope(
        @JsonProperty("type") String typeAsString,
        String seat,
        String contract) {

    /**
     * Validates the record; see the package documentation for the rules.
     *
     * @param typeAsString the kind of scope (required); the raw wire value (JSON {@code type}), see {@link #type()}
     * @param seat the seat, {@code urn:li:seat:<id>}; required for SEAT, absent for CONTRACT
     * @param contract the contract, {@code urn:li:contract:<id>}; required for CONTRACT, absent for SEAT
     * @throws IllegalArgumentException if a value breaks a rule; the message names the field and the rule
     */
    public DataRequestScope {
        Check.text("dataRequestScope.type", Check.required("dataRequestScope.type", typeAsString),
                Check.ENUM_VALUE);
        Check.urn("dataRequestScope.seat", seat, "seat");
        Check.urn("dataRequestScope.contract", contract, "contract");
        ScopeType scopeType = ScopeType.fromValue(typeAsString);
        if (scopeType == ScopeType.SEAT) {
            Check.required("dataRequestScope.seat", seat);
            if (contract != null) {
                throw Check.invalid("dataRequestScope.contract", "must be absent when type is SEAT");
            }
        } else if (scopeType == ScopeType.CONTRACT) {
            Check.required("dataRequestScope.contract", contract);
            if (seat != null) {
                throw Check.invalid("dataRequestScope.seat", "must be absent when type is CONTRACT");
            }
        }
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
     * The kind of scope (required), read from the raw wire value {@link #typeAsString()}.
     *
     * @return the kind of scope; {@link ScopeType#UNKNOWN} for a value this SDK version does not know, null when
     *     absent
     */
    public ScopeType type() {
        return ScopeType.fromValue(typeAsString);
    }

    /** Builds a {@link DataRequestScope}; reusable, each {@link #build()} gives a new record. */
    public static final class Builder {
        private String type;
        private String seat;
        private String contract;

        private Builder() {
        }

        private Builder(DataRequestScope source) {
            this.type = source.typeAsString;
            this.seat = source.seat;
            this.contract = source.contract;
        }

        /**
         * Sets the kind of scope (required).
         *
         * @param type the kind of scope (required)
         * @return this builder
         * @throws IllegalArgumentException if {@code type} is {@link ScopeType#UNKNOWN}
         */
        public Builder type(ScopeType type) {
            this.type = Enums.sendable("dataRequestScope.type", type);
            return this;
        }

        /**
         * Sets the kind of scope (required) from its raw wire value, for values newer than this SDK version.
         *
         * @param type the kind of scope (required), as the raw wire value
         * @return this builder
         * @throws IllegalArgumentException if {@code type} is {@code "UNKNOWN"}
         */
        public Builder type(String type) {
            this.type = Enums.sendable("dataRequestScope.type", type);
            return this;
        }

        /**
         * Sets the seat, {@code urn:li:seat:<id>}; required for SEAT, absent for CONTRACT.
         *
         * @param seat the seat, {@code urn:li:seat:<id>}; required for SEAT, absent for CONTRACT
         * @return this builder
         */
        public Builder seat(String seat) {
            this.seat = seat;
            return this;
        }

        /**
         * Sets the contract, {@code urn:li:contract:<id>}; required for CONTRACT, absent for SEAT.
         *
         * @param contract the contract, {@code urn:li:contract:<id>}; required for CONTRACT, absent for SEAT
         * @return this builder
         */
        public Builder contract(String contract) {
            this.contract = contract;
            return this;
        }

        /**
         * Builds the record from the values set so far.
         *
         * @return a new, validated record
         * @throws IllegalArgumentException if a value breaks a rule; the message names the field and the rule
         */
        public DataRequestScope build() {
            return new DataRequestScope(type, seat, contract);
        }
    }
}
