package dev.crmconnect.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.crmconnect.model.internal.Check;
import dev.crmconnect.model.internal.Enums;
import dev.crmconnect.model.internal.Personal;
import dev.crmconnect.model.internal.Redact;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * A GDPR export or deletion request for a seat or a contract, created at {@code /dataRequests}.
 * An export never deletes anything; a deletion cannot be undone and must be confirmed with
 * {@code confirmIrreversible(true)}. {@code id}, {@code status}, {@code createdAt}, {@code completedAt} and
 * {@code downloadUrl} are read-only: the server fills them in.
 *
 * @param typeAsString export or deletion (required); the raw wire value (JSON {@code type}), see {@link #type()}
 * @param scope the seat or contract covered (required)
 * @param categoriesAsStrings the categories, at least one (at most 50); an export names no deletion-only
 *     category; the raw wire value (JSON {@code categories}), see {@link #categories()}
 * @param confirmIrreversible the caller's confirmation that a deletion cannot be undone; must be true for a
 *     deletion
 * @param id the request's id, at most 500 characters; read-only
 * @param statusAsString the status; read-only; the raw wire value (JSON {@code status}), see {@link #status()}
 * @param createdAt when the request was created; read-only
 * @param completedAt when the request completed; read-only
 * @param downloadUrl where to download an export; read-only
 */
public record DataRequest(
        @JsonProperty("type") String typeAsString,
        DataRequestScope scope,
        @JsonProperty("categories") List<String> categoriesAsStrings,
        Boolean confirmIrreversible,
        String id,
        @JsonProperty("status") String statusAsString,
        Instant createdAt,
        Instant completedAt,
        @Personal String downloadUrl) {

    /**
     * Validates the record; see the package documentation for the rules.
     *
     * @param typeAsString export or deletion (required); the raw wire value (JSON {@code type}), see {@link #type()}
     * @param scope the seat or contract covered (required)
     * @param categoriesAsStrings the categories, at least one (at most 50); an export names no deletion-only
     *     category; the raw wire value (JSON {@code categories}), see {@link #categories()}
     * @param confirmIrreversible the caller's confirmation that a deletion cannot be undone; must be true for a
     *     deletion
     * @param id the request's id, at most 500 characters; read-only
     * @param statusAsString the status; read-only; the raw wire value (JSON {@code status}), see {@link #status()}
     * @param createdAt when the request was created; read-only
     * @param completedAt when the request completed; read-only
     * @param downloadUrl where to download an export; read-only
     * @throws IllegalArgumentException if a value breaks a rule; the message names the field and the rule
     */
    public DataRequest {
        Check.text("dataRequest.type", Check.required("dataRequest.type", typeAsString), Check.ENUM_VALUE);
        Check.required("dataRequest.scope", scope);
        categoriesAsStrings = Check.list("dataRequest.categories", categoriesAsStrings, Check.MAX_CATEGORIES,
                (path, category) -> Check.text(path, category, Check.ENUM_VALUE));
        Check.text("dataRequest.id", id, Check.SHORT_TEXT);
        Check.text("dataRequest.status", statusAsString, Check.ENUM_VALUE);
        Check.url("dataRequest.downloadUrl", downloadUrl);
        if (categoriesAsStrings.isEmpty()) {
            throw Check.invalid("dataRequest.categories", "must not be empty");
        }
        DataRequestType requestType = DataRequestType.fromValue(typeAsString);
        if (requestType == DataRequestType.DELETION && !Boolean.TRUE.equals(confirmIrreversible)) {
            throw Check.invalid("dataRequest.confirmIrreversible",
                    "must be true for a DELETION request (a deletion cannot be undone)");
        }
        if (requestType == DataRequestType.EXPORT) {
            for (int i = 0; i < categoriesAsStrings.size(); i++) {
                if (DataCategory.fromValue(categoriesAsStrings.get(i)).deletionOnly()) {
                    throw Check.invalid("dataRequest.categories[" + i + "]",
                            categoriesAsStrings.get(i) + " can be deleted but not exported");
                }
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
     * Export or deletion (required), read from the raw wire value {@link #typeAsString()}.
     *
     * @return the type; {@link DataRequestType#UNKNOWN} for a value this SDK version does not know, null when absent
     */
    public DataRequestType type() {
        return DataRequestType.fromValue(typeAsString);
    }

    /**
     * The categories, read from the raw wire values {@link #categoriesAsStrings()}.
     *
     * @return the categories in order, one constant for each raw value; {@link DataCategory#UNKNOWN} for each value
     *     this SDK version does not know
     */
    public List<DataCategory> categories() {
        return categoriesAsStrings.stream().map(DataCategory::fromValue).toList();
    }

    /**
     * The status (read-only), read from the raw wire value {@link #statusAsString()}.
     *
     * @return the status; {@link DataRequestStatus#UNKNOWN} for a value this SDK version does not know, null when
     *     absent
     */
    public DataRequestStatus status() {
        return DataRequestStatus.fromValue(statusAsString);
    }

    /** A description that redacts personal data. */
    @Override
    public String toString() {
        return Redact.describe("DataRequest",
                "type", typeAsString,
                "scope", scope,
                "categories", categoriesAsStrings,
                "confirmIrreversible", confirmIrreversible,
                "id", id,
                "status", statusAsString,
                "createdAt", createdAt,
                "completedAt", completedAt,
                "downloadUrl", Redact.url(downloadUrl));
    }

    /** Builds a {@link DataRequest}; reusable, each {@link #build()} gives a new record. */
    public static final class Builder {
        private String type;
        private DataRequestScope scope;
        private List<String> categories;
        private Boolean confirmIrreversible;
        private String id;
        private String status;
        private Instant createdAt;
        private Instant completedAt;
        private String downloadUrl;

        private Builder() {
        }

        private Builder(DataRequest source) {
            this.type = source.typeAsString;
            this.scope = source.scope;
            this.categories = source.categoriesAsStrings;
            this.confirmIrreversible = source.confirmIrreversible;
            this.id = source.id;
            this.status = source.statusAsString;
            this.createdAt = source.createdAt;
            this.completedAt = source.completedAt;
            this.downloadUrl = source.downloadUrl;
        }

        /**
         * Sets export or deletion (required).
         *
         * @param type export or deletion (required)
         * @return this builder
         * @throws IllegalArgumentException if {@code type} is {@link DataRequestType#UNKNOWN}
         */
        public Builder type(DataRequestType type) {
            this.type = Enums.sendable("dataRequest.type", type);
            return this;
        }

        /**
         * Sets export or deletion (required) from its raw wire value, for values newer than this SDK version.
         *
         * @param type export or deletion (required), as the raw wire value
         * @return this builder
         * @throws IllegalArgumentException if {@code type} is {@code "UNKNOWN"}
         */
        public Builder type(String type) {
            this.type = Enums.sendable("dataRequest.type", type);
            return this;
        }

        /**
         * Sets the seat or contract covered (required).
         *
         * @param scope the seat or contract covered (required)
         * @return this builder
         */
        public Builder scope(DataRequestScope scope) {
            this.scope = scope;
            return this;
        }

        /**
         * Sets the categories, at least one (at most 50); an export names no deletion-only category.
         *
         * @param categories the categories, at least one (at most 50); an export names no deletion-only category;
         *     null means none; no element may be {@link DataCategory#UNKNOWN}
         * @return this builder
         * @throws IllegalArgumentException if an element is {@link DataCategory#UNKNOWN}
         */
        public Builder categories(Collection<DataCategory> categories) {
            if (categories == null) {
                this.categories = null;
                return this;
            }
            List<String> values = new ArrayList<>();
            for (DataCategory value : categories) {
                values.add(Enums.sendable("dataRequest.categories[" + values.size() + "]", value));
            }
            this.categories = values;
            return this;
        }

        /**
         * Sets the categories, at least one (at most 50); an export names no deletion-only category.
         *
         * @param categories the categories, at least one (at most 50); an export names no deletion-only category;
         *     null means none; no element may be {@link DataCategory#UNKNOWN}
         * @return this builder
         * @throws IllegalArgumentException if an element is {@link DataCategory#UNKNOWN}
         */
        public Builder categories(DataCategory... categories) {
            return categories(categories == null ? null : Arrays.asList(categories));
        }

        /**
         * Sets the categories, at least one (at most 50), from their raw wire values, for values newer than this
         * SDK version; an export names no deletion-only category.
         *
         * @param categories the categories' raw wire values, such as {@code NOTES}, at least one (at most 50); null
         *     means none
         * @return this builder
         * @throws IllegalArgumentException if an element is {@code "UNKNOWN"}
         */
        public Builder categoriesAsStrings(Collection<String> categories) {
            List<String> values = Check.copy(categories);
            if (values != null) {
                for (int i = 0; i < values.size(); i++) {
                    Enums.sendable("dataRequest.categories[" + i + "]", values.get(i));
                }
            }
            this.categories = values;
            return this;
        }

        /**
         * Sets the confirmation that a deletion cannot be undone; must be true for a deletion.
         *
         * @param confirmIrreversible the caller's confirmation that a deletion cannot be undone; must be true for a
         *     deletion
         * @return this builder
         */
        public Builder confirmIrreversible(Boolean confirmIrreversible) {
            this.confirmIrreversible = confirmIrreversible;
            return this;
        }

        /**
         * Sets the request's id; read-only.
         *
         * @param id the request's id, at most 500 characters; read-only
         * @return this builder
         */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /**
         * Sets the status; read-only.
         *
         * @param status the status; read-only
         * @return this builder
         * @throws IllegalArgumentException if {@code status} is {@link DataRequestStatus#UNKNOWN}
         */
        public Builder status(DataRequestStatus status) {
            this.status = Enums.sendable("dataRequest.status", status);
            return this;
        }

        /**
         * Sets the status from its raw wire value, for values newer than this SDK version; read-only.
         *
         * @param status the status' raw wire value, such as {@code PENDING}; read-only
         * @return this builder
         * @throws IllegalArgumentException if {@code status} is {@code "UNKNOWN"}
         */
        public Builder status(String status) {
            this.status = Enums.sendable("dataRequest.status", status);
            return this;
        }

        /**
         * Sets when the request was created; read-only.
         *
         * @param createdAt when the request was created; read-only
         * @return this builder
         */
        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        /**
         * Sets when the request completed; read-only.
         *
         * @param completedAt when the request completed; read-only
         * @return this builder
         */
        public Builder completedAt(Instant completedAt) {
            this.completedAt = completedAt;
            return this;
        }

        /**
         * Sets where to download an export; read-only.
         *
         * @param downloadUrl where to download an export; read-only
         * @return this builder
         */
        public Builder downloadUrl(String downloadUrl) {
            this.downloadUrl = downloadUrl;
            return this;
        }

        /**
         * Builds the record from the values set so far.
         *
         * @return a new, validated record
         * @throws IllegalArgumentException if a value breaks a rule; the message names the field and the rule
         */
        public DataRequest build() {
            return new DataRequest(
                    type, scope, categories, confirmIrreversible, id, status, createdAt,
                    completedAt, downloadUrl);
        }
    }
}
