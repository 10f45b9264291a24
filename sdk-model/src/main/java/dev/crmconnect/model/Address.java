package dev.crmconnect.model;

import dev.crmconnect.model.internal.Check;
import dev.crmconnect.model.internal.Personal;
import dev.crmconnect.model.internal.Redact;

/**
 * A contact's postal address (location).
 *
 * @param line1 the street line, at most 500 characters
 * @param city the city, at most 500 characters
 * @param geographicArea the state, region or province, at most 500 characters
 * @param postalCode the postal code, at most 500 characters
 * @param country the country, at most 500 characters
 */
public record Address(
        @Personal String line1,
        String city,
        String geographicArea,
        @Personal String postalCode,
        String country) {

    /**
     * Validates the record; see the package documentation for the rules.
     *
     * @param line1 the street line, at most 500 characters
     * @param city the city, at most 500 characters
     * @param geographicArea the state, region or province, at most 500 characters
     * @param postalCode the postal code, at most 500 characters
     * @param country the country, at most 500 characters
     * @throws IllegalArgumentException if a value breaks a rule; the message names the field and the rule
     */
    public Address {
        Check.text("address.line1", line1, Check.SHORT_TEXT);
        Check.text("address.city", city, Check.SHORT_TEXT);
        Check.text("address.geographicArea", geographicArea, Check.SHORT_TEXT);
        Check.text("address.postalCode", postalCode, Check.SHORT_TEXT);
        Check.text("address.country", country, Check.SHORT_TEXT);
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

    /** A description that redacts personal data. */
    @Override
    public String toString() {
        return Redact.describe("Address",
                "line1", Redact.name(line1),
                "city", city,
                "geographicArea", geographicArea,
                "postalCode", Redact.name(postalCode),
                "country", country);
    }

    /** Builds a {@link Address}; reusable, each {@link #build()} gives a new record. */
    public static final class Builder {
        private String line1;
        private String city;
        private String geographicArea;
        private String postalCode;
        private String country;

        private Builder() {
        }

        private Builder(Address source) {
            this.line1 = source.line1;
            this.city = source.city;
            this.geographicArea = source.geographicArea;
            this.postalCode = source.postalCode;
            this.country = source.country;
        }

        /**
         * Sets the street line.
         *
         * @param line1 the street line, at most 500 characters
         * @return this builder
         */
        public Builder line1(String line1) {
            this.line1 = line1;
            return this;
        }

        /**
         * Sets the city.
         *
         * @param city the city, at most 500 characters
         * @return this builder
         */
        public Builder city(String city) {
            this.city = city;
            return this;
        }

        /**
         * Sets the state, region or province.
         *
         * @param geographicArea the state, region or province, at most 500 characters
         * @return this builder
         */
        public Builder geographicArea(String geographicArea) {
            this.geographicArea = geographicArea;
            return this;
        }

        /**
         * Sets the postal code.
         *
         * @param postalCode the postal code, at most 500 characters
         * @return this builder
         */
        public Builder postalCode(String postalCode) {
            this.postalCode = postalCode;
            return this;
        }

        /**
         * Sets the country.
         *
         * @param country the country, at most 500 characters
         * @return this builder
         */
        public Builder country(String country) {
            this.country = country;
            return this;
        }

        /**
         * Builds the record from the values set so far.
         *
         * @return a new, validated record
         * @throws IllegalArgumentException if a value breaks a rule; the message names the field and the rule
         */
        public Address build() {
            return new Address(line1, city, geographicArea, postalCode, country);
        }
    }
}
