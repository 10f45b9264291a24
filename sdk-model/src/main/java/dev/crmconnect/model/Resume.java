package dev.crmconnect.model;

import dev.crmconnect.model.internal.Check;
import dev.crmconnect.model.internal.Personal;
import dev.crmconnect.model.internal.Redact;
import java.time.Instant;

/**
 * A resume attached to a contact in the CRM.
 *
 * @param fileName the file name, at most 500 characters
 * @param contentType the file's media type, such as {@code application/pdf}
 * @param sizeBytes the size in bytes (not negative)
 * @param url where the file can be fetched: an absolute http or https URL (required)
 * @param attachedAt when the resume was attached
 */
public record Resume(
        @Personal String fileName,
        String contentType,
        long sizeBytes,
        @Personal String url,
        Instant attachedAt) {

    /**
     * Validates the record; see the package documentation for the rules.
     *
     * @param fileName the file name, at most 500 characters
     * @param contentType the file's media type, such as {@code application/pdf}
     * @param sizeBytes the size in bytes (not negative)
     * @param url where the file can be fetched: an absolute http or https URL (required)
     * @param attachedAt when the resume was attached
     * @throws IllegalArgumentException if a value breaks a rule; the message names the field and the rule
     */
    public Resume {
        Check.text("resume.fileName", fileName, Check.SHORT_TEXT);
        Check.mediaType("resume.contentType", contentType);
        Check.nonNegative("resume.sizeBytes", sizeBytes);
        Check.url("resume.url", Check.required("resume.url", url));
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
        return Redact.describe("Resume",
                "fileName", Redact.fileName(fileName),
                "contentType", contentType,
                "sizeBytes", sizeBytes,
                "url", Redact.url(url),
                "attachedAt", attachedAt);
    }

    /** Builds a {@link Resume}; reusable, each {@link #build()} gives a new record. */
    public static final class Builder {
        private String fileName;
        private String contentType;
        private long sizeBytes;
        private String url;
        private Instant attachedAt;

        private Builder() {
        }

        private Builder(Resume source) {
            this.fileName = source.fileName;
            this.contentType = source.contentType;
            this.sizeBytes = source.sizeBytes;
            this.url = source.url;
            this.attachedAt = source.attachedAt;
        }

        /**
         * Sets the file name.
         *
         * @param fileName the file name, at most 500 characters
         * @return this builder
         */
        public Builder fileName(String fileName) {
            this.fileName = fileName;
            return this;
        }

        /**
         * Sets the media type, such as {@code application/pdf}.
         *
         * @param contentType the file's media type, such as {@code application/pdf}
         * @return this builder
         */
        public Builder contentType(String contentType) {
            this.contentType = contentType;
            return this;
        }

        /**
         * Sets the size in bytes (not negative).
         *
         * @param sizeBytes the size in bytes (not negative)
         * @return this builder
         */
        public Builder sizeBytes(long sizeBytes) {
            this.sizeBytes = sizeBytes;
            return this;
        }

        /**
         * Sets where the file can be fetched: an absolute http or https URL (required).
         *
         * @param url where the file can be fetched: an absolute http or https URL (required)
         * @return this builder
         */
        public Builder url(String url) {
            this.url = url;
            return this;
        }

        /**
         * Sets when the resume was attached.
         *
         * @param attachedAt when the resume was attached
         * @return this builder
         */
        public Builder attachedAt(Instant attachedAt) {
            this.attachedAt = attachedAt;
            return this;
        }

        /**
         * Builds the record from the values set so far.
         *
         * @return a new, validated record
         * @throws IllegalArgumentException if a value breaks a rule; the message names the field and the rule
         */
        public Resume build() {
            return new Resume(fileName, contentType, sizeBytes, url, attachedAt);
        }
    }
}
