package dev.crmconnect.model;

import dev.crmconnect.model.internal.Check;

/**
 * A stage of a vacancy's hiring process.
 *
 * @param stageId the vendor's id of the stage, 1 to 64 characters (required)
 * @param name the stage's name, at most 500 characters
 * @param position the position in the process (not negative)
 */
public record VacancyStage(
        String stageId,
        String name,
        int position) {

    /**
     * Validates the record; see the package documentation for the rules.
     *
     * @param stageId the vendor's id of the stage, 1 to 64 characters (required)
     * @param name the stage's name, at most 500 characters
     * @param position the position in the process (not negative)
     * @throws IllegalArgumentException if a value breaks a rule; the message names the field and the rule
     */
    public VacancyStage {
        Check.requiredId("vacancyStage.stageId", stageId);
        Check.text("vacancyStage.name", name, Check.SHORT_TEXT);
        Check.nonNegative("vacancyStage.position", position);
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

    /** Builds a {@link VacancyStage}; reusable, each {@link #build()} gives a new record. */
    public static final class Builder {
        private String stageId;
        private String name;
        private int position;

        private Builder() {
        }

        private Builder(VacancyStage source) {
            this.stageId = source.stageId;
            this.name = source.name;
            this.position = source.position;
        }

        /**
         * Sets the vendor's id of the stage, 1 to 64 characters (required).
         *
         * @param stageId the vendor's id of the stage, 1 to 64 characters (required)
         * @return this builder
         */
        public Builder stageId(String stageId) {
            this.stageId = stageId;
            return this;
        }

        /**
         * Sets the name.
         *
         * @param name the stage's name, at most 500 characters
         * @return this builder
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * Sets the position in the process (not negative).
         *
         * @param position the position in the process (not negative)
         * @return this builder
         */
        public Builder position(int position) {
            this.position = position;
            return this;
        }

        /**
         * Builds the record from the values set so far.
         *
         * @return a new, validated record
         * @throws IllegalArgumentException if a value breaks a rule; the message names the field and the rule
         */
        public VacancyStage build() {
            return new VacancyStage(stageId, name, position);
        }
    }
}
