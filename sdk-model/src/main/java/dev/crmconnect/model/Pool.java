package dev.crmconnect.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.crmconnect.model.internal.Check;
import dev.crmconnect.model.internal.Enums;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A talent pool with its pipeline steps, synced to {@code /crmPools}.
 *
 * @param crmId the vendor's id of the record (1 to 64 characters); not part of the JSON body, null for a body
 *     read from the wire
 * @param visibility whether the record is public in the CRM (default PUBLIC); not part of the JSON body; only
 *     public records are synced
 * @param title the title, at most 200 characters (required)
 * @param poolTypeAsString the kind of pool; the raw wire value (JSON {@code poolType}), see {@link #poolType()}
 * @param steps the steps, stepIds unique (at most 500)
 * @param owner the owner
 * @param crmCreatedAt when the record was created in the CRM
 * @param crmLastModifiedAt when the record was last modified in the CRM
 */
public record Pool(
        @JsonIgnore String crmId,
        @JsonIgnore Visibility visibility,
        String title,
        @JsonProperty("poolType") String poolTypeAsString,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<PoolStep> steps,
        Owner owner,
        Instant crmCreatedAt,
        Instant crmLastModifiedAt) implements SyncedRecord {

    /**
     * Validates the record; see the package documentation for the rules.
     *
     * @param crmId the vendor's id of the record (1 to 64 characters); not part of the JSON body, null for a body
     *     read from the wire
     * @param visibility whether the record is public in the CRM (default PUBLIC); not part of the JSON body; only
     *     public records are synced
     * @param title the title, at most 200 characters (required)
     * @param poolTypeAsString the kind of pool; the raw wire value (JSON {@code poolType}), see {@link #poolType()}
     * @param steps the steps, stepIds unique (at most 500)
     * @param owner the owner
     * @param crmCreatedAt when the record was created in the CRM
     * @param crmLastModifiedAt when the record was last modified in the CRM
     * @throws IllegalArgumentException if a value breaks a rule; the message names the field and the rule
     */
    public Pool {
        Check.id("pool.crmId", crmId);
        visibility = visibility == null ? Visibility.PUBLIC : visibility;
        Check.requiredText("pool.title", title, Check.TITLE);
        Check.text("pool.poolType", poolTypeAsString, Check.ENUM_VALUE);
        steps = Check.list("pool.steps", steps, Check.MAX_ITEMS);
        Set<String> stepIds = new HashSet<>();
        for (int i = 0; i < steps.size(); i++) {
            if (!stepIds.add(steps.get(i).stepId())) {
                throw Check.invalid("pool.steps[" + i + "].stepId", "must be unique within the pool");
            }
        }
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
     * The kind of pool, read from the raw wire value {@link #poolTypeAsString()}.
     *
     * @return the kind of pool; {@link PoolType#UNKNOWN} for a value this SDK version does not know, null when absent
     */
    public PoolType poolType() {
        return PoolType.fromValue(poolTypeAsString);
    }

    /** Builds a {@link Pool}; reusable, each {@link #build()} gives a new record. */
    public static final class Builder {
        private String crmId;
        private Visibility visibility = Visibility.PUBLIC;
        private String title;
        private String poolType;
        private List<PoolStep> steps;
        private Owner owner;
        private Instant crmCreatedAt;
        private Instant crmLastModifiedAt;

        private Builder() {
        }

        private Builder(Pool source) {
            this.crmId = source.crmId;
            this.visibility = source.visibility;
            this.title = source.title;
            this.poolType = source.poolTypeAsString;
            this.steps = source.steps;
            this.owner = source.owner;
            this.crmCreatedAt = source.crmCreatedAt;
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
         * Sets the title, at most 200 characters (required).
         *
         * @param title the title, at most 200 characters (required)
         * @return this builder
         */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /**
         * Sets the kind of pool.
         *
         * @param poolType the kind of pool
         * @return this builder
         * @throws IllegalArgumentException if {@code poolType} is {@link PoolType#UNKNOWN}
         */
        public Builder poolType(PoolType poolType) {
            this.poolType = Enums.sendable("pool.poolType", poolType);
            return this;
        }

        /**
         * Sets the kind of pool from its raw wire value, for values newer than this SDK version.
         *
         * @param poolType the kind of pool, as the raw wire value
         * @return this builder
         * @throws IllegalArgumentException if {@code poolType} is {@code "UNKNOWN"}
         */
        public Builder poolType(String poolType) {
            this.poolType = Enums.sendable("pool.poolType", poolType);
            return this;
        }

        /**
         * Sets the steps, stepIds unique (at most 500); null means none.
         *
         * @param steps the steps, stepIds unique (at most 500); null means none
         * @return this builder
         */
        public Builder steps(Collection<PoolStep> steps) {
            this.steps = Check.copy(steps);
            return this;
        }

        /**
         * Sets the steps, stepIds unique (at most 500).
         *
         * @param steps the steps, stepIds unique (at most 500); null means none
         * @return this builder
         */
        public Builder steps(PoolStep... steps) {
            return steps(steps == null ? null : Arrays.asList(steps));
        }

        /**
         * Sets the owner.
         *
         * @param owner the owner
         * @return this builder
         */
        public Builder owner(Owner owner) {
            this.owner = owner;
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
        public Pool build() {
            return new Pool(
                    crmId, visibility, title, poolType, steps, owner, crmCreatedAt,
                    crmLastModifiedAt);
        }
    }
}
