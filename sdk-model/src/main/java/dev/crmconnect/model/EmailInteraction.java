package dev.crmconnect.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.crmconnect.model.internal.Check;
import dev.crmconnect.model.internal.Enums;
import dev.crmconnect.model.internal.Redact;
import java.time.Instant;

/**
 * An email between a contact and a CRM user, synced to {@code /crmEmailInteractions}.
 *
 * @param crmId the vendor's id of the record (1 to 64 characters); not part of the JSON body, null for a body
 *     read from the wire
 * @param visibility whether the record is public in the CRM (default PUBLIC); not part of the JSON body; only
 *     public records are synced
 * @param contactId the contact's crmId (required)
 * @param user the CRM user who sent or received the email
 * @param directionAsString which way the email went; the raw wire value (JSON {@code direction}), see
 *     {@link #direction()}
 * @param crmCreatedAt when the record was created in the CRM
 */
public record EmailInteraction(
        @JsonIgnore String crmId,
        @JsonIgnore Visibility visibility,
        String contactId,
        CrmUser user,
        @JsonProperty("direction") String directionAsString,
        Instant crmCreatedAt) implements SyncedRecord {

    /**
     * Validates the record; see the package documentation for the rules.
     *
     * @param crmId the vendor's id of the record (1 to 64 characters); not part of the JSON body, null for a body
     *     read from the wire
     * @param visibility whether the record is public in the CRM (default PUBLIC); not part of the JSON body; only
     *     public records are synced
     * @param contactId the contact's crmId (required)
     * @param user the CRM user who sent or received the email
     * @param directionAsString which way the email went; the raw wire value (JSON {@code direction}), see
     *     {@link #direction()}
     * @param crmCreatedAt when the record was created in the CRM
     * @throws IllegalArgumentException if a value breaks a rule; the message names the field and the rule
     */
    public EmailInteraction {
        Check.id("emailInteraction.crmId", crmId);
        visibility = visibility == null ? Visibility.PUBLIC : visibility;
        Check.requiredId("emailInteraction.contactId", contactId);
        Check.text("emailInteraction.direction", directionAsString, Check.ENUM_VALUE);
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
     * Which way the email went, read from the raw wire value {@link #directionAsString()}.
     *
     * @return the direction; {@link Direction#UNKNOWN} for a value this SDK version does not know, null when absent
     */
    public Direction direction() {
        return Direction.fromValue(directionAsString);
    }

    /** A description that redacts personal data. */
    @Override
    public String toString() {
        return Redact.describe("EmailInteraction",
                "crmId", crmId,
                "visibility", visibility,
                "contactId", contactId,
                "user", user,
                "direction", directionAsString,
                "crmCreatedAt", crmCreatedAt);
    }

    /** Builds a {@link EmailInteraction}; reusable, each {@link #build()} gives a new record. */
    public static final class Builder {
        private String crmId;
        private Visibility visibility = Visibility.PUBLIC;
        private String contactId;
        private CrmUser user;
        private String direction;
        private Instant crmCreatedAt;

        private Builder() {
        }

        private Builder(EmailInteraction source) {
            this.crmId = source.crmId;
            this.visibility = source.visibility;
            this.contactId = source.contactId;
            this.user = source.user;
            this.direction = source.directionAsString;
            this.crmCreatedAt = source.crmCreatedAt;
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
         * Sets the CRM user.
         *
         * @param user the CRM user who sent or received the email
         * @return this builder
         */
        public Builder user(CrmUser user) {
            this.user = user;
            return this;
        }

        /**
         * Sets which way the email went.
         *
         * @param direction which way the email went
         * @return this builder
         * @throws IllegalArgumentException if {@code direction} is {@link Direction#UNKNOWN}
         */
        public Builder direction(Direction direction) {
            this.direction = Enums.sendable("emailInteraction.direction", direction);
            return this;
        }

        /**
         * Sets which way the email went from its raw wire value, for values newer than this SDK version.
         *
         * @param direction which way the email went, as the raw wire value
         * @return this builder
         * @throws IllegalArgumentException if {@code direction} is {@code "UNKNOWN"}
         */
        public Builder direction(String direction) {
            this.direction = Enums.sendable("emailInteraction.direction", direction);
            return this;
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
         * Builds the record from the values set so far.
         *
         * @return a new, validated record
         * @throws IllegalArgumentException if a value breaks a rule; the message names the field and the rule
         */
        public EmailInteraction build() {
            return new EmailInteraction(crmId, visibility, contactId, user, direction, crmCreatedAt);
        }
    }
}
