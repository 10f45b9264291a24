package dev.crmconnect.model;

import dev.crmconnect.model.internal.Check;

/**
 * A stage of a vacancy's hiring process.
 *
 * @param stageId the vendor's id of the stage, 1 to 64 characters (required)
 * @param name the name
 * @param position the position in the process (not negative)
 */
public record VacancyStage(
        String stageId,
        String name,
        int position) {

    /** Validates the record; see the package documentation for the rules. */
    public VacancyStage {
        Check.requiredId("vacancyStage.stageId", stageId);
        Check.text("vacancyStage.name", name, Check.SHORT_TEXT);
        Check.nonNegative("vacancyStage.position", position);
    }

    /** A builder for a new record. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this record's values. */
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

        /** Sets the vendor's id of the stage, 1 to 64 characters (required). */
        public Builder stageId(String stageId) {
            this.stageId = stageId;
            return this;
        }

        /** Sets the name. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Sets the position in the process (not negative). */
        public Builder position(int position) {
            this.position = position;
            return this;
        }

        /** The record; throws {@link IllegalArgumentException} naming the field and the rule when invalid. */
        public VacancyStage build() {
            return new VacancyStage(stageId, name, position);
        }
    }
}
