package dev.crmconnect.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.crmconnect.model.internal.Check;
import dev.crmconnect.model.internal.Personal;
import dev.crmconnect.model.internal.Redact;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * A candidate in the vendor's CRM, synced to {@code /crmContacts}.
 *
 * @param crmId the vendor's id of the record (1 to 64 characters); not part of the JSON body, null for a body
 *     read from the wire
 * @param visibility whether the record is public in the CRM (default PUBLIC); not part of the JSON body; only
 *     public records are synced
 * @param firstName the first name, at most 500 characters (required)
 * @param lastName the last name, at most 500 characters
 * @param emailAddresses the email addresses (at most 50), each syntactically valid and at most 254 characters
 * @param phoneNumbers the phone numbers (at most 50)
 * @param addresses the addresses, the contact's location (at most 50)
 * @param currentJobTitle the job title of the primary experience, at most 500 characters
 * @param currentCompanyName the company of the primary experience, at most 500 characters
 * @param linkedInProfileUrl the contact's LinkedIn profile URL, an absolute http or https URL
 * @param doNotContact whether the contact asked not to be contacted; null when the CRM does not say
 * @param resumes the resumes (at most 20)
 * @param crmCreatedAt when the record was created in the CRM
 * @param crmLastModifiedAt when the record was last modified in the CRM
 * @param match how LinkedIn matched the contact; read-only, present on a batch get
 */
public record Contact(
        @JsonIgnore String crmId,
        @JsonIgnore Visibility visibility,
        @Personal String firstName,
        @Personal String lastName,
        @Personal @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> emailAddresses,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<PhoneNumber> phoneNumbers,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Address> addresses,
        String currentJobTitle,
        String currentCompanyName,
        @Personal String linkedInProfileUrl,
        Boolean doNotContact,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Resume> resumes,
        Instant crmCreatedAt,
        Instant crmLastModifiedAt,
        Match match) implements SyncedRecord {

    /**
     * Validates the record; see the package documentation for the rules.
     *
     * @param crmId the vendor's id of the record (1 to 64 characters); not part of the JSON body, null for a body
     *     read from the wire
     * @param visibility whether the record is public in the CRM (default PUBLIC); not part of the JSON body; only
     *     public records are synced
     * @param firstName the first name, at most 500 characters (required)
     * @param lastName the last name, at most 500 characters
     * @param emailAddresses the email addresses (at most 50), each syntactically valid and at most 254 characters
     * @param phoneNumbers the phone numbers (at most 50)
     * @param addresses the addresses, the contact's location (at most 50)
     * @param currentJobTitle the job title of the primary experience, at most 500 characters
     * @param currentCompanyName the company of the primary experience, at most 500 characters
     * @param linkedInProfileUrl the contact's LinkedIn profile URL, an absolute http or https URL
     * @param doNotContact whether the contact asked not to be contacted; null when the CRM does not say
     * @param resumes the resumes (at most 20)
     * @param crmCreatedAt when the record was created in the CRM
     * @param crmLastModifiedAt when the record was last modified in the CRM
     * @param match how LinkedIn matched the contact; read-only, present on a batch get
     * @throws IllegalArgumentException if a value breaks a rule; the message names the field and the rule
     */
    public Contact {
        Check.id("contact.crmId", crmId);
        visibility = visibility == null ? Visibility.PUBLIC : visibility;
        Check.requiredText("contact.firstName", firstName, Check.SHORT_TEXT);
        Check.text("contact.lastName", lastName, Check.SHORT_TEXT);
        emailAddresses = Check.list("contact.emailAddresses", emailAddresses, Check.MAX_CONTACT_DETAILS,
                Check::email);
        phoneNumbers = Check.list("contact.phoneNumbers", phoneNumbers, Check.MAX_CONTACT_DETAILS);
        addresses = Check.list("contact.addresses", addresses, Check.MAX_CONTACT_DETAILS);
        Check.text("contact.currentJobTitle", currentJobTitle, Check.SHORT_TEXT);
        Check.text("contact.currentCompanyName", currentCompanyName, Check.SHORT_TEXT);
        Check.url("contact.linkedInProfileUrl", linkedInProfileUrl);
        resumes = Check.list("contact.resumes", resumes, Check.MAX_RESUMES);
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
        return Redact.describe("Contact",
                "crmId", crmId,
                "visibility", visibility,
                "firstName", Redact.name(firstName),
                "lastName", Redact.name(lastName),
                "emailAddresses", Redact.emails(emailAddresses),
                "phoneNumbers", phoneNumbers,
                "addresses", addresses,
                "currentJobTitle", currentJobTitle,
                "currentCompanyName", currentCompanyName,
                "linkedInProfileUrl", Redact.url(linkedInProfileUrl),
                "doNotContact", doNotContact,
                "resumes", resumes,
                "crmCreatedAt", crmCreatedAt,
                "crmLastModifiedAt", crmLastModifiedAt,
                "match", match);
    }

    /** Builds a {@link Contact}; reusable, each {@link #build()} gives a new record. */
    public static final class Builder {
        private String crmId;
        private Visibility visibility = Visibility.PUBLIC;
        private String firstName;
        private String lastName;
        private List<String> emailAddresses;
        private List<PhoneNumber> phoneNumbers;
        private List<Address> addresses;
        private String currentJobTitle;
        private String currentCompanyName;
        private String linkedInProfileUrl;
        private Boolean doNotContact;
        private List<Resume> resumes;
        private Instant crmCreatedAt;
        private Instant crmLastModifiedAt;
        private Match match;

        private Builder() {
        }

        private Builder(Contact source) {
            this.crmId = source.crmId;
            this.visibility = source.visibility;
            this.firstName = source.firstName;
            this.lastName = source.lastName;
            this.emailAddresses = source.emailAddresses;
            this.phoneNumbers = source.phoneNumbers;
            this.addresses = source.addresses;
            this.currentJobTitle = source.currentJobTitle;
            this.currentCompanyName = source.currentCompanyName;
            this.linkedInProfileUrl = source.linkedInProfileUrl;
            this.doNotContact = source.doNotContact;
            this.resumes = source.resumes;
            this.crmCreatedAt = source.crmCreatedAt;
            this.crmLastModifiedAt = source.crmLastModifiedAt;
            this.match = source.match;
        }

        /**
         * Sets the vendor's id of the record (1 to 64 characters); not part of the JSON body, null for a body
         * read from the wire.
         *
         * @param crmId the vendor's id of the record (1 to 64 characters); not part of the JSON body, null for a body
         *     read from the wire
         * @return this builder
         */
        public Builder crmId(String crmId) {
            this.crmId = crmId;
            return this;
        }

        /**
         * Sets whether the record is public in the CRM (default PUBLIC); not part of the JSON body; only public
         * records are synced.
         *
         * @param visibility whether the record is public in the CRM (default PUBLIC); not part of the JSON body; only
         *     public records are synced
         * @return this builder
         */
        public Builder visibility(Visibility visibility) {
            this.visibility = visibility;
            return this;
        }

        /**
         * Sets the first name (required).
         *
         * @param firstName the first name, at most 500 characters (required)
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
         * Sets the email addresses (at most 50); null means none.
         *
         * @param emailAddresses the email addresses (at most 50), each syntactically valid and at most 254
         *     characters; null means none
         * @return this builder
         */
        public Builder emailAddresses(Collection<String> emailAddresses) {
            this.emailAddresses = Check.copy(emailAddresses);
            return this;
        }

        /**
         * Sets the email addresses (at most 50).
         *
         * @param emailAddresses the email addresses (at most 50), each syntactically valid and at most 254
         *     characters; null means none
         * @return this builder
         */
        public Builder emailAddresses(String... emailAddresses) {
            return emailAddresses(emailAddresses == null ? null : Arrays.asList(emailAddresses));
        }

        /**
         * Sets the phone numbers (at most 50); null means none.
         *
         * @param phoneNumbers the phone numbers (at most 50); null means none
         * @return this builder
         */
        public Builder phoneNumbers(Collection<PhoneNumber> phoneNumbers) {
            this.phoneNumbers = Check.copy(phoneNumbers);
            return this;
        }

        /**
         * Sets the phone numbers (at most 50).
         *
         * @param phoneNumbers the phone numbers (at most 50); null means none
         * @return this builder
         */
        public Builder phoneNumbers(PhoneNumber... phoneNumbers) {
            return phoneNumbers(phoneNumbers == null ? null : Arrays.asList(phoneNumbers));
        }

        /**
         * Sets the addresses, the contact's location (at most 50); null means none.
         *
         * @param addresses the addresses, the contact's location (at most 50); null means none
         * @return this builder
         */
        public Builder addresses(Collection<Address> addresses) {
            this.addresses = Check.copy(addresses);
            return this;
        }

        /**
         * Sets the addresses, the contact's location (at most 50).
         *
         * @param addresses the addresses, the contact's location (at most 50); null means none
         * @return this builder
         */
        public Builder addresses(Address... addresses) {
            return addresses(addresses == null ? null : Arrays.asList(addresses));
        }

        /**
         * Sets the job title of the primary experience.
         *
         * @param currentJobTitle the job title of the primary experience, at most 500 characters
         * @return this builder
         */
        public Builder currentJobTitle(String currentJobTitle) {
            this.currentJobTitle = currentJobTitle;
            return this;
        }

        /**
         * Sets the company of the primary experience.
         *
         * @param currentCompanyName the company of the primary experience, at most 500 characters
         * @return this builder
         */
        public Builder currentCompanyName(String currentCompanyName) {
            this.currentCompanyName = currentCompanyName;
            return this;
        }

        /**
         * Sets the contact's LinkedIn profile URL.
         *
         * @param linkedInProfileUrl the contact's LinkedIn profile URL, an absolute http or https URL
         * @return this builder
         */
        public Builder linkedInProfileUrl(String linkedInProfileUrl) {
            this.linkedInProfileUrl = linkedInProfileUrl;
            return this;
        }

        /**
         * Sets whether the contact asked not to be contacted.
         *
         * @param doNotContact whether the contact asked not to be contacted; null when the CRM does not say
         * @return this builder
         */
        public Builder doNotContact(Boolean doNotContact) {
            this.doNotContact = doNotContact;
            return this;
        }

        /**
         * Sets the resumes (at most 20); null means none.
         *
         * @param resumes the resumes (at most 20); null means none
         * @return this builder
         */
        public Builder resumes(Collection<Resume> resumes) {
            this.resumes = Check.copy(resumes);
            return this;
        }

        /**
         * Sets the resumes (at most 20).
         *
         * @param resumes the resumes (at most 20); null means none
         * @return this builder
         */
        public Builder resumes(Resume... resumes) {
            return resumes(resumes == null ? null : Arrays.asList(resumes));
        }

        /**
         * Sets when the record was created in the CRM.
         *
         * @param crmCreatedAt when the record was created in the CRM
         * @return this builder
         */
        public Builder crmCreatedAt(Instant crmCreatedAt) {
            this.crmCreatedAt = crmCreatedAt;
            return this;
        }

        /**
         * Sets when the record was last modified in the CRM.
         *
         * @param crmLastModifiedAt when the record was last modified in the CRM
         * @return this builder
         */
        public Builder crmLastModifiedAt(Instant crmLastModifiedAt) {
            this.crmLastModifiedAt = crmLastModifiedAt;
            return this;
        }

        /**
         * Sets how LinkedIn matched the contact; read-only, present on a batch get.
         *
         * @param match how LinkedIn matched the contact; read-only, present on a batch get
         * @return this builder
         */
        public Builder match(Match match) {
            this.match = match;
            return this;
        }

        /**
         * Builds the record from the values set so far.
         *
         * @return a new, validated record
         * @throws IllegalArgumentException if a value breaks a rule; the message names the field and the rule
         */
        public Contact build() {
            return new Contact(
                    crmId, visibility, firstName, lastName, emailAddresses, phoneNumbers,
                    addresses, currentJobTitle, currentCompanyName, linkedInProfileUrl,
                    doNotContact, resumes, crmCreatedAt, crmLastModifiedAt, match);
        }
    }
}
