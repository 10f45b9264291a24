package dev.crmconnect.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.crmconnect.model.internal.Check;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Notice that a member the CRM received by 1-Click Export deleted their LinkedIn account; read-only.
 *
 * @param noticeId the notice's id, unique in the feed, at most 500 characters (required)
 * @param member the member who deleted their account, {@code urn:li:person:<id>} (required)
 * @param exportRequestIds the ids of the export requests that brought the member into the CRM (at most 1,000), each
 *     not blank and at most 500 characters
 * @param exportedAt when the member was exported
 * @param memberDeletedAt when the member deleted their account
 * @param publishedAt when the notice was published in the feed (required)
 */
public record DeletionNotice(
        String noticeId,
        String member,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> exportRequestIds,
        Instant exportedAt,
        Instant memberDeletedAt,
        Instant publishedAt) {

    /**
     * Validates the record; see the package documentation for the rules.
     *
     * @param noticeId the notice's id, unique in the feed, at most 500 characters (required)
     * @param member the member who deleted their account, {@code urn:li:person:<id>} (required)
     * @param exportRequestIds the ids of the export requests that brought the member into the CRM (at most 1,000),
     *     each not blank and at most 500 characters
     * @param exportedAt when the member was exported
     * @param memberDeletedAt when the member deleted their account
     * @param publishedAt when the notice was published in the feed (required)
     * @throws IllegalArgumentException if a value breaks a rule; the message names the field and the rule
     */
    public DeletionNotice {
        Check.requiredText("deletionNotice.noticeId", noticeId, Check.SHORT_TEXT);
        Check.urn("deletionNotice.member", Check.required("deletionNotice.member", member), "person");
        exportRequestIds = Check.list("deletionNotice.exportRequestIds", exportRequestIds, Check.MAX_EXPORT_REQUEST_IDS,
                (path, id) -> Check.requiredText(path, id, Check.SHORT_TEXT));
        Check.required("deletionNotice.publishedAt", publishedAt);
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

    /** Builds a {@link DeletionNotice}; reusable, each {@link #build()} gives a new record. */
    public static final class Builder {
        private String noticeId;
        private String member;
        private List<String> exportRequestIds;
        private Instant exportedAt;
        private Instant memberDeletedAt;
        private Instant publishedAt;

        private Builder() {
        }

        private Builder(DeletionNotice source) {
            this.noticeId = source.noticeId;
            this.member = source.member;
            this.exportRequestIds = source.exportRequestIds;
            this.exportedAt = source.exportedAt;
            this.memberDeletedAt = source.memberDeletedAt;
            this.publishedAt = source.publishedAt;
        }

        /**
         * Sets the notice's id, unique in the feed (required).
         *
         * @param noticeId the notice's id, unique in the feed, at most 500 characters (required)
         * @return this builder
         */
        public Builder noticeId(String noticeId) {
            this.noticeId = noticeId;
            return this;
        }

        /**
         * Sets the member who deleted their account, {@code urn:li:person:<id>} (required).
         *
         * @param member the member who deleted their account, {@code urn:li:person:<id>} (required)
         * @return this builder
         */
        public Builder member(String member) {
            this.member = member;
            return this;
        }

        /**
         * Sets the export requests that brought the member into the CRM (at most 1,000); null means none.
         *
         * @param exportRequestIds the ids of the export requests that brought the member into the CRM (at most
         *     1,000), each not blank and at most 500 characters; null means none
         * @return this builder
         */
        public Builder exportRequestIds(Collection<String> exportRequestIds) {
            this.exportRequestIds = Check.copy(exportRequestIds);
            return this;
        }

        /**
         * Sets the export requests that brought the member into the CRM (at most 1,000).
         *
         * @param exportRequestIds the ids of the export requests that brought the member into the CRM (at most
         *     1,000), each not blank and at most 500 characters; null means none
         * @return this builder
         */
        public Builder exportRequestIds(String... exportRequestIds) {
            return exportRequestIds(exportRequestIds == null ? null : Arrays.asList(exportRequestIds));
        }

        /**
         * Sets when the member was exported.
         *
         * @param exportedAt when the member was exported
         * @return this builder
         */
        public Builder exportedAt(Instant exportedAt) {
            this.exportedAt = exportedAt;
            return this;
        }

        /**
         * Sets when the member deleted their account.
         *
         * @param memberDeletedAt when the member deleted their account
         * @return this builder
         */
        public Builder memberDeletedAt(Instant memberDeletedAt) {
            this.memberDeletedAt = memberDeletedAt;
            return this;
        }

        /**
         * Sets when the notice was published in the feed (required).
         *
         * @param publishedAt when the notice was published in the feed (required)
         * @return this builder
         */
        public Builder publishedAt(Instant publishedAt) {
            this.publishedAt = publishedAt;
            return this;
        }

        /**
         * Builds the record from the values set so far.
         *
         * @return a new, validated record
         * @throws IllegalArgumentException if a value breaks a rule; the message names the field and the rule
         */
        public DeletionNotice build() {
            return new DeletionNotice(
                    noticeId, member, exportRequestIds, exportedAt, memberDeletedAt, publishedAt);
        }
    }
}
