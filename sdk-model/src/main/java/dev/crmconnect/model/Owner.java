package dev.crmconnect.model;

import dev.crmconnect.model.internal.Check;
import dev.crmconnect.model.internal.Redact;

/**
 * The CRM user who owns a pool or a vacancy.
 *
 * @param firstName the first name
 * @param lastName the last name
 * @param emailAddress the email address
 */
public record Owner(
        String firstName,
        String lastName,
        String emailAddress) {

    /** Validates the record; see the package documentation for the rules. */
    public Owner {
        Check.text("owner.firstName", firstName, Check.SHORT_TEXT);
        Check.text("owner.lastName", lastName, Check.SHORT_TEXT);
        Check.email("owner.emailAddress", emailAddress);
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

        /** Sets the first name. */
        public Builder firstName(String firstName) {
            this.firstName = firstName;
            return this;
        }

        /** Sets the last name. */
        public Builder lastName(String lastName) {
            this.lastName = lastName;
            return this;
        }

        /** Sets the email address. */
        public Builder emailAddress(String emailAddress) {
            this.emailAddress = emailAddress;
            return this;
        }

        /** The record; throws {@link IllegalArgumentException} naming the field and the rule when invalid. */
        public Owner build() {
            return new Owner(firstName, lastName, emailAddress);
        }
    }
}
