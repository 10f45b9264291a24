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
 * A job opening with its stages, synced to {@code /crmVacancies}.
 *
 * @param crmId the vendor's id of the record (1 to 64 characters); not part of the JSON body, null for a body
 *     read from the wire
 * @param visibility whether the record is public in the CRM (default PUBLIC); not part of the JSON body; only
 *     public records are synced
 * @param title the title, at most 200 characters (required)
 * @param description the description, at most 20,000 characters; may keep line breaks and tabs
 * @param statusAsString the status; the raw wire value (JSON {@code status}), see {@link #status()}
 * @param stages the stages, stageIds unique (at most 500)
 * @param owner the owner
 * @param skills the skills asked for (at most 500), each not blank and at most 500 characters
 * @param location where the job is
 * @param crmCreatedAt when the record was created in the CRM
 * @param crmLastModifiedAt when the record was last modified in the CRM
 */
public record Vacancy(
        @JsonIgnore String crmId,
        @JsonIgnore Visibility visibility,
        String title,
        String description,
        @JsonProperty("status") String statusAsString,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<VacancyStage> stages,
        Owner owner,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> skills,
        Location location,
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
     * @param description the description, at most 20,000 characters; may keep line breaks and tabs
     * @param statusAsString the status; the raw wire value (JSON {@code status}), see {@link #status()}
     * @param stages the stages, stageIds unique (at most 500)
     * @param owner the owner
     * @param skills the skills asked for (at most 500), each not blank and at most 500 characters
     * @param location where the job is
     * @param crmCreatedAt when the record was created in the CRM
     * @param crmLastModifiedAt when the record was last modified in the CRM
     * @throws IllegalArgumentException if a value breaks a rule; the message names the field and the rule
     */
    public Vacancy {
        Check.id("vacancy.crmId", crmId);
        visibility = visibility == null ? Visibility.PUBLIC : visibility;
        Check.requiredText("vacancy.title", title, Check.TITLE);
        Check.multiline("vacancy.description", description, Check.DESCRIPTION);
        Check.text("vacancy.status", statusAsString, Check.ENUM_VALUE);
        stages = Check.list("vacancy.stages", stages, Check.MAX_ITEMS);
        skills = Check.list("vacancy.skills", skills, Check.MAX_ITEMS,
                (path, skill) -> Check.requiredText(path, skill, Check.SHORT_TEXT));
        Set<String> stageIds = new HashSet<>();
        for (int i = 0; i < stages.size(); i++) {
            if (!stageIds.add(stages.get(i).stageId())) {
                throw Check.invalid("vacancy.stages[" + i + "].stageId", "must be unique within the vacancy");
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
     * The status, read from the raw wire value {@link #statusAsString()}.
     *
     * @return the status; {@link VacancyStatus#UNKNOWN} for a value this SDK version does not know, null when absent
     */
    public VacancyStatus status() {
        return VacancyStatus.fromValue(statusAsString);
    }

    /** Builds a {@link Vacancy}; reusable, each {@link #build()} gives a new record. */
    public static final class Builder {
        private String crmId;
        private Visibility visibility = Visibility.PUBLIC;
        private String title;
        private String description;
        private String status;
        private List<VacancyStage> stages;
        private Owner owner;
        private List<String> skills;
        private Location location;
        private Instant crmCreatedAt;
        private Instant crmLastModifiedAt;

        private Builder() {
        }

        private Builder(Vacancy source) {
            this.crmId = source.crmId;
            this.visibility = source.visibility;
            this.title = source.title;
            this.description = source.description;
            this.status = source.statusAsString;
            this.stages = source.stages;
            this.owner = source.owner;
            this.skills = source.skills;
            this.location = source.location;
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
         * Sets the description, at most 20,000 characters; may keep line breaks and tabs.
         *
         * @param description the description, at most 20,000 characters; may keep line breaks and tabs
         * @return this builder
         */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /**
         * Sets the status.
         *
         * @param status the status
         * @return this builder
         * @throws IllegalArgumentException if {@code status} is {@link VacancyStatus#UNKNOWN}
         */
        public Builder status(VacancyStatus status) {
            this.status = Enums.sendable("vacancy.status", status);
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
            this.status = Enums.sendable("vacancy.status", status);
            return this;
        }

        /**
         * Sets the stages, stageIds unique (at most 500); null means none.
         *
         * @param stages the stages, stageIds unique (at most 500); null means none
         * @return this builder
         */
        public Builder stages(Collection<VacancyStage> stages) {
            this.stages = Check.copy(stages);
            return this;
        }

        /**
         * Sets the stages, stageIds unique (at most 500).
         *
         * @param stages the stages, stageIds unique (at most 500); null means none
         * @return this builder
         */
        public Builder stages(VacancyStage... stages) {
            return stages(stages == null ? null : Arrays.asList(stages));
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
         * Sets the skills asked for (at most 500); null means none.
         *
         * @param skills the skills asked for (at most 500), each not blank and at most 500 characters; null means
         *     none
         * @return this builder
         */
        public Builder skills(Collection<String> skills) {
            this.skills = Check.copy(skills);
            return this;
        }

        /**
         * Sets the skills asked for (at most 500).
         *
         * @param skills the skills asked for (at most 500), each not blank and at most 500 characters; null means
         *     none
         * @return this builder
         */
        public Builder skills(String... skills) {
            return skills(skills == null ? null : Arrays.asList(skills));
        }

        /**
         * Sets where the job is.
         *
         * @param location where the job is
         * @return this builder
         */
        public Builder location(Location location) {
            this.location = location;
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
        public Vacancy build() {
            return new Vacancy(
                    crmId, visibility, title, description, status, stages, owner, skills, location,
                    crmCreatedAt, crmLastModifiedAt);
        }
    }
}
