package dev.crmconnect.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.crmconnect.model.internal.Check;
import java.time.Instant;

/**
 * A contact in a pool at a step, synced to {@code /crmPools/{key}/members}.
 * Its key is the contact's crmId; the pool's key travels in the URL.
 *
 * @param contactCrmId the contact's crmId, the member's key (1 to 64 characters); not part of the JSON body,
 *     null for a body read from the wire
 * @param visibility whether the record is public in the CRM (default PUBLIC); not part of the JSON body; only
 *     public records are synced
 * @param stepId the step the contact is at, a stepId of the pool
 * @param addedAt when the contact was added to the pool
 */
public record PoolMember(
        @JsonIgnore String contactCrmId,
        @JsonIgnore Visibility visibility,
        String stepId,
        Instant addedAt) implements SyncedRecord {

    /**
     * Validates the record; see the package documentation for the rules.
     *
     * @param contactCrmId the contact's crmId, the member's key (1 to 64 characters); not part of the JSON body, null
     *     for a body read from the wire
     * @param visibility whether the record is public in the CRM (default PUBLIC); not part of the JSON body; only
     *     public records are synced
     * @param stepId the step the contact is at, a stepId of the pool
     * @param addedAt when the contact was added to the pool
     * @throws IllegalArgumentException if a value breaks a rule; the message names the field and the rule
     */
    public PoolMember {
        Check.id("poolMember.contactCrmId", contactCrmId);
        visibility = visibility == null ? Visibility.PUBLIC : visibility;
        Check.id("poolMember.stepId", stepId);
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

    /** The member's key: the contact's crmId ({@link #contactCrmId()}). */
    @Override
    public String crmId() {
        return contactCrmId;
    }

    /** Builds a {@link PoolMember}; reusable, each {@link #build()} gives a new record. */
    public static final class Builder {
        private String contactCrmId;
        private Visibility visibility = Visibility.PUBLIC;
        private String stepId;
        private Instant addedAt;

        private Builder() {
        }

        private Builder(PoolMember source) {
            this.contactCrmId = source.contactCrmId;
            this.visibility = source.visibility;
            this.stepId = source.stepId;
            this.addedAt = source.addedAt;
        }

        /**
         * Sets the contact's crmId, the member's key (1 to 64 characters); not part of the JSON body, null for a
         * body read from the wire.
         *
         * @param contactCrmId the contact's crmId, the member's key (1 to 64 characters); not part of the JSON body,
         *     null for a body read from the wire
         * @return this builder
         */
        public Builder contactCrmId(String contactCrmId) {
            this.contactCrmId = contactCrmId;
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
         * Sets the step the contact is at, a stepId of the pool.
         *
         * @param stepId the step the contact is at, a stepId of the pool
         * @return this builder
         */
        public Builder stepId(String stepId) {
            this.stepId = stepId;
            return this;
        }

        /**
         * Sets when the contact was added to the pool.
         *
         * @param addedAt when the contact was added to the pool
         * @return this builder
         */
        public Builder addedAt(Instant addedAt) {
            this.addedAt = addedAt;
            return this;
        }

        /**
         * Builds the record from the values set so far.
         *
         * @return a new, validated record
         * @throws IllegalArgumentException if a value breaks a rule; the message names the field and the rule
         */
        public PoolMember build() {
            return new PoolMember(contactCrmId, visibility, stepId, addedAt);
        }
    }
}
