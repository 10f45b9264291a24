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
 * @param user the CRM user
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

    /** Validates the record; see the package documentation for the rules. */
    public EmailInteraction {
        Check.id("emailInteraction.crmId", crmId);
        visibility = visibility == null ? Visibility.PUBLIC : visibility;
        Check.requiredId("emailInteraction.contactId", contactId);
        Check.text("emailInteraction.direction", directionAsString, Check.ENUM_VALUE);
    }

    /** A builder for a new record. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this record's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Which way the email went; {@link Direction#UNKNOWN} for a value this SDK version does not know, null when
     * absent.
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
         */
        public Builder crmId(String crmId) {
            this.crmId = crmId;
            return this;
        }

        /**
         * Sets whether the record is public in the CRM (default PUBLIC); not part of the JSON body; only public
         * records are synced.
         */
        public Builder visibility(Visibility visibility) {
            this.visibility = visibility;
            return this;
        }

        /** Sets the contact's crmId (required). */
        public Builder contactId(String contactId) {
            this.contactId = contactId;
            return this;
        }

        /** Sets the CRM user. */
        public Builder user(CrmUser user) {
            this.user = user;
            return this;
        }

        /** Sets which way the email went. */
        public Builder direction(Direction direction) {
            this.direction = Enums.sendable("emailInteraction.direction", direction);
            return this;
        }

        /** Sets which way the email went from its raw wire value, for values newer than this SDK version. */
        public Builder direction(String direction) {
            this.direction = Enums.sendable("emailInteraction.direction", direction);
            return this;
        }

        /** Sets when the record was created in the CRM. */
        public Builder crmCreatedAt(Instant crmCreatedAt) {
            this.crmCreatedAt = crmCreatedAt;
            return this;
        }

        /** The record; throws {@link IllegalArgumentException} naming the field and the rule when invalid. */
        public EmailInteraction build() {
            return new EmailInteraction(crmId, visibility, contactId, user, direction, crmCreatedAt);
        }
    }
}
