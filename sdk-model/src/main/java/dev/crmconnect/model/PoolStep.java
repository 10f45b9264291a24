package dev.crmconnect.model;

import dev.crmconnect.model.internal.Check;

/**
 * A step of a pool's pipeline.
 *
 * @param stepId the vendor's id of the step, 1 to 64 characters (required)
 * @param name the step's name, at most 500 characters
 * @param position the position in the pipeline (not negative)
 */
public record PoolStep(
        String stepId,
        String name,
        int position) {

    /**
     * Validates the record; see the package documentation for the rules.
     *
     * @param stepId the vendor's id of the step, 1 to 64 characters (required)
     * @param name the step's name, at most 500 characters
     * @param position the position in the pipeline (not negative)
     * @throws IllegalArgumentException if a value breaks a rule; the message names the field and the rule
     */
    public PoolStep {
        Check.requiredId("poolStep.stepId", stepId);
        Check.text("poolStep.name", name, Check.SHORT_TEXT);
        Check.nonNegative("poolStep.position", position);
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

    /** Builds a {@link PoolStep}; reusable, each {@link #build()} gives a new record. */
    public static final class Builder {
        private String stepId;
        private String name;
        private int position;

        private Builder() {
        }

        private Builder(PoolStep source) {
            this.stepId = source.stepId;
            this.name = source.name;
            this.position = source.position;
        }

        /**
         * Sets the vendor's id of the step, 1 to 64 characters (required).
         *
         * @param stepId the vendor's id of the step, 1 to 64 characters (required)
         * @return this builder
         */
        public Builder stepId(String stepId) {
            this.stepId = stepId;
            return this;
        }

        /**
         * Sets the name.
         *
         * @param name the step's name, at most 500 characters
         * @return this builder
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * Sets the position in the pipeline (not negative).
         *
         * @param position the position in the pipeline (not negative)
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
        public PoolStep build() {
            return new PoolStep(stepId, name, position);
        }
    }
}
