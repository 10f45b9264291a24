package dev.crmconnect.model;

import dev.crmconnect.model.internal.Check;
import dev.crmconnect.model.internal.Personal;
import dev.crmconnect.model.internal.Redact;

/**
 * A contact's phone number.
 *
 * @param number the number: digits, spaces and {@code + - ( ) . /} (required)
 * @param extension the extension: digits, spaces and {@code + - ( ) . /}
 */
public record PhoneNumber(
        @Personal String number,
        @Personal String extension) {

    /**
     * Validates the record; see the package documentation for the rules.
     *
     * @param number the number: digits, spaces and {@code + - ( ) . /} (required)
     * @param extension the extension: digits, spaces and {@code + - ( ) . /}
     * @throws IllegalArgumentException if a value breaks a rule; the message names the field and the rule
     */
    public PhoneNumber {
        Check.phone("phoneNumber.number", Check.required("phoneNumber.number", number));
        Check.phone("phoneNumber.extension", extension);
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
        return Redact.describe("PhoneNumber",
                "number", Redact.phone(number),
                "extension", Redact.phone(extension));
    }

    /** Builds a {@link PhoneNumber}; reusable, each {@link #build()} gives a new record. */
    public static final class Builder {
        private String number;
        private String extension;

        private Builder() {
        }

        private Builder(PhoneNumber source) {
            this.number = source.number;
            this.extension = source.extension;
        }

        /**
         * Sets the number: digits, spaces and {@code + - ( ) . /} (required).
         *
         * @param number the number: digits, spaces and {@code + - ( ) . /} (required)
         * @return this builder
         */
        public Builder number(String number) {
            this.number = number;
            return this;
        }

        /**
         * Sets the extension.
         *
         * @param extension the extension: digits, spaces and {@code + - ( ) . /}
         * @return this builder
         */
        public Builder extension(String extension) {
            this.extension = extension;
            return this;
        }

        /**
         * Builds the record from the values set so far.
         *
         * @return a new, validated record
         * @throws IllegalArgumentException if a value breaks a rule; the message names the field and the rule
         */
        public PhoneNumber build() {
            return new PhoneNumber(number, extension);
        }
    }
}
