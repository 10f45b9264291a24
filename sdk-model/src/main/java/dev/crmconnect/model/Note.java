package dev.crmconnect.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.crmconnect.model.internal.Check;
import dev.crmconnect.model.internal.Personal;
import dev.crmconnect.model.internal.Redact;
import java.time.Instant;

/**
 * A note logged on a contact, synced to {@code /crmNotes}.
 *
 * @param crmId the vendor's id of the record (1 to 64 characters); not part of the JSON body, null for a body
 *     read from the wire
 * @param visibility whether the record is public in the CRM (default PUBLIC); not part of the JSON body; only
 *     public records are synced
 * @param contactId the contact's crmId (required)
 * @param author who wrote the note
 * @param content the text, at most 10,000 characters; may keep line breaks and tabs (required)
 * @param crmCreatedAt when the record was created in the CRM
 */
public record Note(
        @JsonIgnore String crmId,
        @JsonIgnore Visibility visibility,
        String contactId,
        CrmUser author,
        @Personal String content,
        Instant crmCreatedAt) implements SyncedRecord {

    /**
     * Validates the record; see the package documentation for the rules.
     *
     * @param crmId the vendor's id of the record (1 to 64 characters); not part of the JSON body, null for a body
     *     read from the wire
     * @param visibility whether the record is public in the CRM (default PUBLIC); not part of the JSON body; only
     *     public records are synced
     * @param contactId the contact's crmId (required)
     * @param author who wrote the note
     * @param content the text, at most 10,000 characters; may keep line breaks and tabs (required)
     * @param crmCreatedAt when the record was created in the CRM
     * @throws IllegalArgumentException if a value breaks a rule; the message names the field and the rule
     */
    public Note {
        Check.id("note.crmId", crmId);
        visibility = visibility == null ? Visibility.PUBLIC : visibility;
        Check.requiredId("note.contactId", contactId);
        Check.requiredMultiline("note.content", content, Check.NOTE_CONTENT);
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
        return Redact.describe("Note",
                "crmId", crmId,
                "visibility", visibility,
                "contactId", contactId,
                "author", author,
                "content", Redact.text(content),
                "crmCreatedAt", crmCreatedAt);
    }

    /** Builds a {@link Note}; reusable, each {@link #build()} gives a new record. */
    public static final class Builder {
        private String crmId;
        private Visibility visibility = Visibility.PUBLIC;
        private String contactId;
        private CrmUser author;
        private String content;
        private Instant crmCreatedAt;

        private Builder() {
        }

        private Builder(Note source) {
            this.crmId = source.crmId;
            this.visibility = source.visibility;
            this.contactId = source.contactId;
            this.author = source.author;
            this.content = source.content;
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
         * Sets who wrote the note.
         *
         * @param author who wrote the note
         * @return this builder
         */
        public Builder author(CrmUser author) {
            this.author = author;
            return this;
        }

        /**
         * Sets the text, at most 10,000 characters; may keep line breaks and tabs (required).
         *
         * @param content the text, at most 10,000 characters; may keep line breaks and tabs (required)
         * @return this builder
         */
        public Builder content(String content) {
            this.content = content;
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
        public Note build() {
            return new Note(crmId, visibility, contactId, author, content, crmCreatedAt);
        }
    }
}
