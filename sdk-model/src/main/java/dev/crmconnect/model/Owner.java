package dev.crmconnect.model;

import dev.crmconnect.model.internal.Check;
import dev.crmconnect.model.internal.Personal;
import dev.crmconnect.model.internal.Redact;

/**
 * The CRM user who owns a pool or a vacancy.
 *
 * @param firstName the first name, at most 500 characters
 * @param lastName the last name, at most 500 characters
 * @param emailAddress the email address, syntactically valid and at most 254 characters
 */
public record Owner(
        @Personal String firstName,
        @Personal String lastName,
        @Personal String emailAddress) {

    /**
     * Validates the record; see the package documentation for the rules.
     *
     * @param firstName the first name, at most 500 characters
     * @param lastName the last name, at most 500 characters
     * @param emailAddress the email address, syntactically valid and at most 254 characters
     * @throws IllegalArgumentException if a value breaks a rule; the message names the field and the rule
     */
    public Owner {
        Check.text("owner.firstName", firstName, Check.SHORT_TEXT);
        Check.text("owner.lastName", lastName, Check.SHORT_TEXT);
        Check.email("owner.emailAddress", emailAddress);
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
        return Redact.describe("Owner",
                "firstName", Redact.name(firstName),
                "lastName", Redact.name(lastName),
                "emailAddress", Redact.email(emailAddress));
    }

    /** Builds a {@link Owner}; reusable, each {@link #build()} gives a new record. */
    public static final class Builder {
        private String firstName;
        private String lastName;
        private String emailAddress;

        private Builder() {
        }

        private Builder(Owner source) {
            this.firstName = source.firstName;
            this.lastName = source.lastName;
            this.emailAddress = source.emailAddress;
        }

        /**
         * Sets the first name.
         *
         * @param firstName the first name, at most 500 characters
         * @return this builder
         */
        public Builder firstName(String firstName) {
            this.firstName = firstName;
            return this;
        }

        /**
         * Sets the last name.
         *
         * @param lastName the last name, at most 500 characters
         * @return this builder
         */
        public Builder lastName(String lastName) {
            this.lastName = lastName;
            return this;
        }

        /**
         * Sets the email address.
         *
         * @param emailAddress the email address, syntactically valid and at most 254 characters
         * @return this builder
         */
        public Builder emailAddress(String emailAddress) {
            this.emailAddress = emailAddress;
            return this;
        }

        /**
         * Builds the record from the values set so far.
         *
         * @return a new, validated record
         * @throws IllegalArgumentException if a value breaks a rule; the message names the field and the rule
         */
        public Owner build() {
            return new Owner(firstName, lastName, emailAddress);
        }
    }
}
