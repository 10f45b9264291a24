package dev.crmconnect.model;

import dev.crmconnect.model.internal.Check;

/**
 * Where a vacancy or a member is.
 *
 * @param city the city, at most 500 characters
 * @param geographicArea the state, region or province, at most 500 characters
 * @param country the country, at most 500 characters
 */
public record Location(
        String city,
        String geographicArea,
        String country) {

    /**
     * Validates the record; see the package documentation for the rules.
     *
     * @param city the city, at most 500 characters
     * @param geographicArea the state, region or province, at most 500 characters
     * @param country the country, at most 500 characters
     * @throws IllegalArgumentException if a value breaks a rule; the message names the field and the rule
     */
    public Location {
        Check.text("location.city", city, Check.SHORT_TEXT);
        Check.text("location.geographicArea", geographicArea, Check.SHORT_TEXT);
        Check.text("location.country", country, Check.SHORT_TEXT);
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

    /** Builds a {@link Location}; reusable, each {@link #build()} gives a new record. */
    public static final class Builder {
        private String city;
        private String geographicArea;
        private String country;

        private Builder() {
        }

        private Builder(Location source) {
            this.city = source.city;
            this.geographicArea = source.geographicArea;
            this.country = source.country;
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
        public Location build() {
            return new Location(city, geographicArea, country);
        }
    }
}
