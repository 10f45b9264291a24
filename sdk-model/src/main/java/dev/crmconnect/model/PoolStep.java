package dev.crmconnect.model;

import dev.crmconnect.model.internal.Check;

/**
 * A step of a pool's pipeline.
 *
 * @param stepId the vendor's id of the step, 1 to 64 characters (required)
 * @param name the name
 * @param position the position in the pipeline (not negative)
 */
public record PoolStep(
        String stepId,
        String name,
        int position) {

    /** Validates the record; see the package documentation for the rules. */
    public PoolStep {
        Check.requiredId("poolStep.stepId", stepId);
        Check.text("poolStep.name", name, Check.SHORT_TEXT);
        Check.nonNegative("poolStep.position", position);
    }

    /** A builder for a new record. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this record's values. */
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

        /** Sets the vendor's id of the step, 1 to 64 characters (required). */
        public Builder stepId(String stepId) {
            this.stepId = stepId;
            return this;
        }

        /** Sets the name. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Sets the position in the pipeline (not negative). */
        public Builder position(int position) {
            this.position = position;
            return this;
        }

        /** The record; throws {@link IllegalArgumentException} naming the field and the rule when invalid. */
        public PoolStep build() {
            return new PoolStep(stepId, name, position);
        }
    }
}
