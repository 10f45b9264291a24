package dev.crmconnect.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.crmconnect.model.internal.Check;
import dev.crmconnect.model.internal.Enums;
import dev.crmconnect.model.internal.Personal;
import dev.crmconnect.model.internal.Redact;

/**
 * How LinkedIn matched a contact to a member; read-only, returned by a batch get.
 *
 * @param statusAsString the match status (required); the raw wire value (JSON {@code status}), see
 *     {@link #status()}
 * @param member the matched member, {@code urn:li:person:<id>}
 * @param profileUrl the member's profile URL
 */
public record Match(
        @JsonProperty("status") String statusAsString,
        String member,
        @Personal String profileUrl) {

    /**
     * Validates the record; see the package documentation for the rules.
     *
     * @param statusAsString the match status (required); the raw wire value (JSON {@code status}), see
     *     {@link #status()}
     * @param member the matched member, {@code urn:li:person:<id>}
     * @param profileUrl the member's profile URL
     * @throws IllegalArgumentException if a value breaks a rule; the message names the field and the rule
     */
    public Match {
        Check.text("match.status", Check.required("match.status", statusAsString), Check.ENUM_VALUE);
        Check.urn("match.member", member, "person");
        Check.url("match.profileUrl", profileUrl);
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
     * The match status (required), read from the raw wire value {@link #statusAsString()}.
     *
     * @return the match status; {@link MatchStatus#UNKNOWN} for a value this SDK version does not know, null when
     *     absent
     */
    public MatchStatus status() {
        return MatchStatus.fromValue(statusAsString);
    }

    /** A description that redacts personal data. */
    @Override
    public String toString() {
        return Redact.describe("Match",
                "status", statusAsString,
                "member", member,
                "profileUrl", Redact.url(profileUrl));
    }

    /** Builds a {@link Match}; reusable, each {@link #build()} gives a new record. */
    public static final class Builder {
        private String status;
        private String member;
        private String profileUrl;

        private Builder() {
        }

        private Builder(Match source) {
            this.status = source.statusAsString;
            this.member = source.member;
            this.profileUrl = source.profileUrl;
        }

        /**
         * Sets the match status (required).
         *
         * @param status the match status (required)
         * @return this builder
         * @throws IllegalArgumentException if {@code status} is {@link MatchStatus#UNKNOWN}
         */
        public Builder status(MatchStatus status) {
            this.status = Enums.sendable("match.status", status);
            return this;
        }

        /**
         * Sets the match status (required) from its raw wire value, for values newer than this SDK version.
         *
         * @param status the match status (required), as the raw wire value
         * @return this builder
         * @throws IllegalArgumentException if {@code status} is {@code "UNKNOWN"}
         */
        public Builder status(String status) {
            this.status = Enums.sendable("match.status", status);
            return this;
        }

        /**
         * Sets the matched member, {@code urn:li:person:<id>}.
         *
         * @param member the matched member, {@code urn:li:person:<id>}
         * @return this builder
         */
        public Builder member(String member) {
            this.member = member;
            return this;
        }

        /**
         * Sets the member's profile URL.
         *
         * @param profileUrl the member's profile URL
         * @return this builder
         */
        public Builder profileUrl(String profileUrl) {
            this.profileUrl = profileUrl;
            return this;
        }

        /**
         * Builds the record from the values set so far.
         *
         * @return a new, validated record
         * @throws IllegalArgumentException if a value breaks a rule; the message names the field and the rule
         */
        public Match build() {
            return new Match(status, member, profileUrl);
        }
    }
}
