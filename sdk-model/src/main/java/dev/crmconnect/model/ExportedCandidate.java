package dev.crmconnect.model;

import dev.crmconnect.model.internal.Check;
import dev.crmconnect.model.internal.Redact;
import java.time.Instant;

/**
 * A LinkedIn member a recruiter exported into the CRM (1-Click Export); read-only.
 * Only what the member's visibility settings allow is present.
 *
 * @param requestId the export request (required)
 * @param member the member, {@code urn:li:person:<id>} (required)
 * @param firstName the first name
 * @param lastName the last name
 * @param currentJobTitle the current job title
 * @param currentCompanyName the current company
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
        String firstName,
        String lastName,
        String currentJobTitle,
        String currentCompanyName,
        Location location,
        String profileUrl,
        Instant exportedAt,
        String exportedBy,
        Destination destination,
        String integrationContext) {

    /** Validates the record; see the package documentation for the rules. */
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

        /** Sets the export request (required). */
        public Builder requestId(String requestId) {
            this.requestId = requestId;
            return this;
        }

        /** Sets the member, {@code urn:li:person:<id>} (required). */
        public Builder member(String member) {
            this.member = member;
            return this;
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

        /** Sets the current job title. */
        public Builder currentJobTitle(String currentJobTitle) {
            this.currentJobTitle = currentJobTitle;
            return this;
        }

        /** Sets the current company. */
        public Builder currentCompanyName(String currentCompanyName) {
            this.currentCompanyName = currentCompanyName;
            return this;
        }

        /** Sets where the member is. */
        public Builder location(Location location) {
            this.location = location;
            return this;
        }

        /** Sets the member's profile URL. */
        public Builder profileUrl(String profileUrl) {
            this.profileUrl = profileUrl;
            return this;
        }

        /** Sets when the member was exported. */
        public Builder exportedAt(Instant exportedAt) {
            this.exportedAt = exportedAt;
            return this;
        }

        /** Sets the recruiter seat that exported, {@code urn:li:seat:<id>}. */
        public Builder exportedBy(String exportedBy) {
            this.exportedBy = exportedBy;
            return this;
        }

        /** Sets where the member was put. */
        public Builder destination(Destination destination) {
            this.destination = destination;
            return this;
        }

        /** Sets the tenant, {@code urn:li:organization:<digits>}. */
        public Builder integrationContext(String integrationContext) {
            this.integrationContext = integrationContext;
            return this;
        }

        /** The record; throws {@link IllegalArgumentException} naming the field and the rule when invalid. */
        public ExportedCandidate build() {
            return new ExportedCandidate(
                    requestId, member, firstName, lastName, currentJobTitle, currentCompanyName,
                    location, profileUrl, exportedAt, exportedBy, destination, integrationContext);
        }
    }
}
