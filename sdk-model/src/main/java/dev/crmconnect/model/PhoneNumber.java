package dev.crmconnect.model;

import dev.crmconnect.model.internal.Check;
import dev.crmconnect.model.internal.Redact;

/**
 * A contact's phone number.
 *
 * @param number the number: digits, spaces and {@code + - ( ) . /} (required)
 * @param extension the extension
 */
public record PhoneNumber(
        String number,
        String extension) {

    /** Validates the record; see the package documentation for the rules. */
    public PhoneNumber {
        Check.phone("phoneNumber.number", Check.required("phoneNumber.number", number));
        Check.phone("phoneNumber.extension", extension);
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

        /** Sets the number: digits, spaces and {@code + - ( ) . /} (required). */
        public Builder number(String number) {
            this.number = number;
            return this;
        }

        /** Sets the extension. */
        public Builder extension(String extension) {
            this.extension = extension;
            return this;
        }

        /** The record; throws {@link IllegalArgumentException} naming the field and the rule when invalid. */
        public PhoneNumber build() {
            return new PhoneNumber(number, extension);
        }
    }
}
