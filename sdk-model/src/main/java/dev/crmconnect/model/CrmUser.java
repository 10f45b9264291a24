package dev.crmconnect.model;

import dev.crmconnect.model.internal.Check;
import dev.crmconnect.model.internal.Personal;
import dev.crmconnect.model.internal.Redact;

/**
 * A user of the vendor's CRM: the sender or receiver of an email, the author of a note.
 *
 * @param name the user's name, at most 500 characters
 * @param emailAddress the email address, syntactically valid and at most 254 characters
 */
public record CrmUser(
        @Personal String name,
        @Personal String emailAddress) {

    /**
     * Validates the record; see the package documentation for the rules.
     *
     * @param name the user's name, at most 500 characters
     * @param emailAddress the email address, syntactically valid and at most 254 characters
     * @throws IllegalArgumentException if a value breaks a rule; the message names the field and the rule
     */
    public CrmUser {
        Check.text("crmUser.name", name, Check.SHORT_TEXT);
        Check.email("crmUser.emailAddress", emailAddress);
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
        return Redact.describe("CrmUser",
                "name", Redact.name(name),
                "emailAddress", Redact.email(emailAddress));
    }

    /** Builds a {@link CrmUser}; reusable, each {@link #build()} gives a new record. */
    public static final class Builder {
        private String name;
        private String emailAddress;

        private Builder() {
        }

        private Builder(CrmUser source) {
            this.name = source.name;
            this.emailAddress = source.emailAddress;
        }

        /**
         * Sets the name.
         *
         * @param name the user's name, at most 500 characters
         * @return this builder
         */
        public Builder name(String name) {
            this.name = name;
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
        public CrmUser build() {
            return new CrmUser(name, emailAddress);
        }
    }
}
