package dev.crmconnect.model;

import dev.crmconnect.model.internal.Check;

/**
 * Where a vacancy or a member is.
 *
 * @param city the city
 * @param geographicArea the state, region or province
 * @param country the country
 */
public record Location(
        String city,
        String geographicArea,
        String country) {

    /** Validates the record; see the package documentation for the rules. */
    public Location {
        Check.text("location.city", city, Check.SHORT_TEXT);
        Check.text("location.geographicArea", geographicArea, Check.SHORT_TEXT);
        Check.text("location.country", country, Check.SHORT_TEXT);
    }

    /** A builder for a new record. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this record's values. */
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

        /** Sets the city. */
        public Builder city(String city) {
            this.city = city;
            return this;
        }

        /** Sets the state, region or province. */
        public Builder geographicArea(String geographicArea) {
            this.geographicArea = geographicArea;
            return this;
        }

        /** Sets the country. */
        public Builder country(String country) {
            this.country = country;
            return this;
        }

        /** The record; throws {@link IllegalArgumentException} naming the field and the rule when invalid. */
        public Location build() {
            return new Location(city, geographicArea, country);
        }
    }
}
