package dev.crmconnect.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.crmconnect.model.internal.Check;
import dev.crmconnect.model.internal.Enums;
import java.time.Instant;

/**
 * A contact who applied to a vacancy, synced to {@code /crmApplications}.
 *
 * @param crmId the vendor's id of the record (1 to 64 characters); not part of the JSON body, null for a body
 *     read from the wire
 * @param visibility whether the record is public in the CRM (default PUBLIC); not part of the JSON body; only
 *     public records are synced
 * @param contactId the contact's crmId (required)
 * @param vacancyId the vacancy's crmId (required)
 * @param stageId the stage the application is at, a stageId of the vacancy
 * @param statusAsString the status; the raw wire value (JSON {@code status}), see {@link #status()}
 * @param appliedAt when the contact applied
 * @param crmLastModifiedAt when the record was last modified in the CRM
 */
public record Application(
        @JsonIgnore String crmId,
        @JsonIgnore Visibility visibility,
        String contactId,
        String vacancyId,
        String stageId,
        @JsonProperty("status") String statusAsString,
        Instant appliedAt,
        Instant crmLastModifiedAt) implements SyncedRecord {

    /**
     * Validates the record; see the package documentation for the rules.
     *
     * @param crmId the vendor's id of the record (1 to 64 characters); not part of the JSON body, null for a body
     *     read from the wire
     * @param visibility whether the record is public in the CRM (default PUBLIC); not part of the JSON body; only
     *     public records are synced
     * @param contactId the contact's crmId (required)
     * @param vacancyId the vacancy's crmId (required)
     * @param stageId the stage the application is at, a stageId of the vacancy
     * @param statusAsString the status; the raw wire value (JSON {@code status}), see {@link #status()}
     * @param appliedAt when the contact applied
     * @param crmLastModifiedAt when the record was last modified in the CRM
     * @throws IllegalArgumentException if a value breaks a rule; the message names the field and the rule
     */
    public Application {
        Check.id("application.crmId", crmId);
        visibility = visibility == null ? Visibility.PUBLIC : visibility;
        Check.requiredId("application.contactId", contactId);
        Check.requiredId("application.vacancyId", vacancyId);
        Check.id("application.stageId", stageId);
        Check.text("application.status", statusAsString, Check.ENUM_VALUE);
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

    /**
     * The status, read from the raw wire value {@link #statusAsString()}.
     *
     * @return the status; {@link ApplicationStatus#UNKNOWN} for a value this SDK version does not know, null when
     *     absent
     */
    public ApplicationStatus status() {
        return ApplicationStatus.fromValue(statusAsString);
    }

    /** Builds a {@link Application}; reusable, each {@link #build()} gives a new record. */
    public static final class Builder {
        private String crmId;
        private Visibility visibility = Visibility.PUBLIC;
        private String contactId;
        private String vacancyId;
        private String stageId;
        private String status;
        private Instant appliedAt;
        private Instant crmLastModifiedAt;

        private Builder() {
        }

        private Builder(Application source) {
            this.crmId = source.crmId;
            this.visibility = source.visibility;
            this.contactId = source.contactId;
            this.vacancyId = source.vacancyId;
            this.stageId = source.stageId;
            this.status = source.statusAsString;
            this.appliedAt = source.appliedAt;
            this.crmLastModifiedAt = source.crmLastModifiedAt;
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
         * Sets the contact's crmId (required).
         *
         * @param contactId the contact's crmId (required)
         * @return this builder
         */
        public Builder contactId(String contactId) {
            this.contactId = contactId;
            return this;
        }

        /**
         * Sets the vacancy's crmId (required).
         *
         * @param vacancyId the vacancy's crmId (required)
         * @return this builder
         */
        public Builder vacancyId(String vacancyId) {
            this.vacancyId = vacancyId;
            return this;
        }

        /**
         * Sets the stage the application is at, a stageId of the vacancy.
         *
         * @param stageId the stage the application is at, a stageId of the vacancy
         * @return this builder
         */
        public Builder stageId(String stageId) {
            this.stageId = stageId;
            return this;
        }

        /**
         * Sets the status.
         *
         * @param status the status
         * @return this builder
         * @throws IllegalArgumentException if {@code status} is {@link ApplicationStatus#UNKNOWN}
         */
        public Builder status(ApplicationStatus status) {
            this.status = Enums.sendable("application.status", status);
            return this;
        }

        /**
         * Sets the status from its raw wire value, for values newer than this SDK version.
         *
         * @param status the status, as the raw wire value
         * @return this builder
         * @throws IllegalArgumentException if {@code status} is {@code "UNKNOWN"}
         */
        public Builder status(String status) {
            this.status = Enums.sendable("application.status", status);
            return this;
        }

        /**
         * Sets when the contact applied.
         *
         * @param appliedAt when the contact applied
         * @return this builder
         */
        public Builder appliedAt(Instant appliedAt) {
            this.appliedAt = appliedAt;
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
         * Builds the record from the values set so far.
         *
         * @return a new, validated record
         * @throws IllegalArgumentException if a value breaks a rule; the message names the field and the rule
         */
        public Application build() {
            return new Application(
                    crmId, visibility, contactId, vacancyId, stageId, status, appliedAt,
                    crmLastModifiedAt);
        }
    }
}
