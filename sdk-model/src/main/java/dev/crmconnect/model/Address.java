package dev.crmconnect.model;

import dev.crmconnect.model.internal.Check;
import dev.crmconnect.model.internal.Redact;

/**
 * A contact's postal address (location).
 *
 * @param line1 the street line
 * @param city the city
 * @param geographicArea the state, region or province
 * @param postalCode the postal code
 * @param country the country
 */
public record Address(
        String line1,
        String city,
        String geographicArea,
        String postalCode,
        String country) {

    /** Validates the record; see the package documentation for the rules. */
    public Address {
        Check.text("address.line1", line1, Check.SHORT_TEXT);
        Check.text("address.city", city, Check.SHORT_TEXT);
        Check.text("address.geographicArea", geographicArea, Check.SHORT_TEXT);
        Check.text("address.postalCode", postalCode, Check.SHORT_TEXT);
        Check.text("address.country", country, Check.SHORT_TEXT);
    }

    /** A builder for a new record. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this record's values. */
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

        /** Sets the street line. */
        public Builder line1(String line1) {
            this.line1 = line1;
            return this;
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

        /** Sets the postal code. */
        public Builder postalCode(String postalCode) {
            this.postalCode = postalCode;
            return this;
        }

        /** Sets the country. */
        public Builder country(String country) {
            this.country = country;
            return this;
        }

        /** The record; throws {@link IllegalArgumentException} naming the field and the rule when invalid. */
        public Address build() {
            return new Address(line1, city, geographicArea, postalCode, country);
        }
    }
}
