package dev.crmconnect.model;

import dev.crmconnect.model.internal.Check;
import dev.crmconnect.model.internal.Personal;
import dev.crmconnect.model.internal.Redact;
import java.time.Instant;

/**
 * A LinkedIn member a recruiter exported into the CRM (1-Click Export); read-only.
 * Only what the member's visibility settings allow is present.
 *
 * @param requestId the id of the export request, at most 500 characters (required)
 * @param member the member, {@code urn:li:person:<id>} (required)
 * @param firstName the first name, at most 500 characters
 * @param lastName the last name, at most 500 characters
 * @param currentJobTitle the current job title, at most 500 characters
 * @param currentCompanyName the current company, at most 500 characters
 * @param location where the member is
 * @param profileUrl the member's profile URL
 * @param exportedAt when the member was exported
 * @param exportedBy the recruiter seat that exported, {@code urn:li:seat:<id>}
 * @param destination where the member was put
 * @param integrationContext the tenant, {@code urn:li:organization:<digits>}
 */
public record ExportedCandidate(
        String requestId,
        String member,
        @Personal String firstName,
        @Personal String lastName,
        String currentJobTitle,
        String currentCompanyName,
        Location location,
        @Personal String profileUrl,
        Instant exportedAt,
        String exportedBy,
        Destination destination,
        String integrationContext) {

    /**
     * Validates the record; see the package documentation for the rules.
     *
     * @param requestId the id of the export request, at most 500 characters (required)
     * @param member the member, {@code urn:li:person:<id>} (required)
     * @param firstName the first name, at most 500 characters
     * @param lastName the last name, at most 500 characters
     * @param currentJobTitle the current job title, at most 500 characters
     * @param currentCompanyName the current company, at most 500 characters
     * @param location where the member is
     * @param profileUrl the member's profile URL
     * @param exportedAt when the member was exported
     * @param exportedBy the recruiter seat that exported, {@code urn:li:seat:<id>}
     * @param destination where the member was put
     * @param integrationContext the tenant, {@code urn:li:organization:<digits>}
     * @throws IllegalArgumentException if a value breaks a rule; the message names the field and the rule
     */
    public ExportedCandidate {
        Check.requiredText("exportedCandidate.requestId", requestId, Check.SHORT_TEXT);
        Check.urn("exportedCandidate.member", Check.required("exportedCandidate.member", member), "person");
        Check.text("exportedCandidate.firstName", firstName, Check.SHORT_TEXT);
        Check.text("exportedCandidate.lastName", lastName, Check.SHORT_TEXT);
        Check.text("exportedCandidate.currentJobTitle", currentJobTitle, Check.SHORT_TEXT);
        Check.text("exportedCandidate.currentCompanyName", currentCompanyName, Check.SHORT_TEXT);
        Check.url("exportedCandidate.profileUrl", profileUrl);
        Check.urn("exportedCandidate.exportedBy", exportedBy, "seat");
        Check.organizationUrn("exportedCandidate.integrationContext", integrationContext);
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
        return Redact.describe("ExportedCandidate",
                "requestId", requestId,
                "member", member,
                "firstName", Redact.name(firstName),
                "lastName", Redact.name(lastName),
                "currentJobTitle", currentJobTitle,
                "currentCompanyName", currentCompanyName,
                "location", location,
                "profileUrl", Redact.url(profileUrl),
                "exportedAt", exportedAt,
                "exportedBy", exportedBy,
                "destination", destination,
                "integrationContext", integrationContext);
    }

    /** Builds a {@link ExportedCandidate}; reusable, each {@link #build()} gives a new record. */
    public static final class Builder {
        private String requestId;
        private String member;
        private String firstName;
        private String lastName;
        private String currentJobTitle;
        private String currentCompanyName;
        private Location location;
        private String profileUrl;
        private Instant exportedAt;
        private String exportedBy;
        private Destination destination;
        private String integrationContext;

        private Builder() {
        }

        private Builder(ExportedCandidate source) {
            this.requestId = source.requestId;
            this.member = source.member;
            this.firstName = source.firstName;
            this.lastName = source.lastName;
            this.currentJobTitle = source.currentJobTitle;
            this.currentCompanyName = source.currentCompanyName;
            this.location = source.location;
            this.profileUrl = source.profileUrl;
            this.exportedAt = source.exportedAt;
            this.exportedBy = source.exportedBy;
            this.destination = source.destination;
            this.integrationContext = source.integrationContext;
        }

        /**
         * Sets the export request (required).
         *
         * @param requestId the id of the export request, at most 500 characters (required)
         * @return this builder
         */
        public Builder requestId(String requestId) {
            this.requestId = requestId;
            return this;
        }

        /**
         * Sets the member, {@code urn:li:person:<id>} (required).
         *
         * @param member the member, {@code urn:li:person:<id>} (required)
         * @return this builder
         */
        public Builder member(String member) {
            this.member = member;
            return this;
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
         * Sets the current job title.
         *
         * @param currentJobTitle the current job title, at most 500 characters
         * @return this builder
         */
        public Builder currentJobTitle(String currentJobTitle) {
            this.currentJobTitle = currentJobTitle;
            return this;
        }

        /**
         * Sets the current company.
         *
         * @param currentCompanyName the current company, at most 500 characters
         * @return this builder
         */
        public Builder currentCompanyName(String currentCompanyName) {
            this.currentCompanyName = currentCompanyName;
            return this;
        }

        /**
         * Sets where the member is.
         *
         * @param location where the member is
         * @return this builder
         */
        public Builder location(Location location) {
            this.location = location;
            return this;
        }

        /**
         * Sets the member's profile URL.
         *
         * @param profileUrl the member's profile URL
         * @return this builder
         */
        public Builder profileUrl(String profileUrl) {
            this.profileUrl = profileUrl;
            return this;
        }

        /**
         * Sets when the member was exported.
         *
         * @param exportedAt when the member was exported
         * @return this builder
         */
        public Builder exportedAt(Instant exportedAt) {
            this.exportedAt = exportedAt;
            return this;
        }

        /**
         * Sets the recruiter seat that exported, {@code urn:li:seat:<id>}.
         *
         * @param exportedBy the recruiter seat that exported, {@code urn:li:seat:<id>}
         * @return this builder
         */
        public Builder exportedBy(String exportedBy) {
            this.exportedBy = exportedBy;
            return this;
        }

        /**
         * Sets where the member was put.
         *
         * @param destination where the member was put
         * @return this builder
         */
        public Builder destination(Destination destination) {
            this.destination = destination;
            return this;
        }

        /**
         * Sets the tenant, {@code urn:li:organization:<digits>}.
         *
         * @param integrationContext the tenant, {@code urn:li:organization:<digits>}
         * @return this builder
         */
        public Builder integrationContext(String integrationContext) {
            this.integrationContext = integrationContext;
            return this;
        }

        /**
         * Builds the record from the values set so far.
         *
         * @return a new, validated record
         * @throws IllegalArgumentException if a value breaks a rule; the message names the field and the rule
         */
        public ExportedCandidate build() {
            return new ExportedCandidate(
                    requestId, member, firstName, lastName, currentJobTitle, currentCompanyName,
                    location, profileUrl, exportedAt, exportedBy, destination, integrationContext);
        }
    }
}
