package dev.crmconnect.testkit;

import java.util.regex.Pattern;

/**
 * A simulated LinkedIn member. A field left null is one the member's visibility settings hide:
 * it is absent from exported candidates.
 *
 * @param member             {@code urn:li:person:<id>}
 * @param firstName          first name
 * @param lastName           last name
 * @param emailAddress       the email contacts are matched by when no profile URL matches
 * @param profileUrl         the public profile URL contacts are matched by first
 * @param currentJobTitle    current job title
 * @param currentCompanyName current company name
 * @param city               location: city
 * @param geographicArea     location: region or state
 * @param country            location: country
 */
public record FakeMember(String member, String firstName, String lastName, String emailAddress, String profileUrl,
                         String currentJobTitle, String currentCompanyName, String city, String geographicArea,
                         String country) {

    private static final Pattern PERSON = Pattern.compile("urn:li:person:[A-Za-z0-9_-]{1,100}");

    /**
     * Requires a person URN ({@code urn:li:person:} and 1 to 100 of {@code A-Z a-z 0-9 _ -}).
     *
     * @param member {@code urn:li:person:<id>}
     * @param firstName first name
     * @param lastName last name
     * @param emailAddress the email contacts are matched by when no profile URL matches
     * @param profileUrl the public profile URL contacts are matched by first
     * @param currentJobTitle current job title
     * @param currentCompanyName current company name
     * @param city location: city
     * @param geographicArea location: region or state
     * @param country location: country
     * @throws IllegalArgumentException if {@code member} is not a person URN
     */
    public FakeMember {
        if (member == null || !PERSON.matcher(member).matches()) {
            throw new IllegalArgumentException("member.member: must be urn:li:person:<id>");
        }
    }

    /**
     * A builder for a member with this URN.
     *
     * @param member the member's URN, {@code urn:li:person:<id>}; checked by {@link Builder#build()}
     * @return a new builder with every other field hidden
     */
    public static Builder builder(String member) {
        return new Builder(member);
    }

    /** Never shows names, email or profile URL. */
    @Override
    public String toString() {
        return "FakeMember[" + member + "]";
    }

    /** Builds a {@link FakeMember}. */
    public static final class Builder {
        private final String member;
        private String firstName;
        private String lastName;
        private String emailAddress;
        private String profileUrl;
        private String currentJobTitle;
        private String currentCompanyName;
        private String city;
        private String geographicArea;
        private String country;

        private Builder(String member) {
            this.member = member;
        }

        /**
         * First and last name.
         *
         * @param first the first name, or null to hide it
         * @param last the last name, or null to hide it
         * @return this builder
         */
        public Builder name(String first, String last) {
            this.firstName = first;
            this.lastName = last;
            return this;
        }

        /**
         * The email address.
         *
         * @param value the address contacts are matched by, or null to hide it
         * @return this builder
         */
        public Builder emailAddress(String value) {
            this.emailAddress = value;
            return this;
        }

        /**
         * The public profile URL.
         *
         * @param value the URL contacts are matched by first, or null to hide it
         * @return this builder
         */
        public Builder profileUrl(String value) {
            this.profileUrl = value;
            return this;
        }

        /**
         * Current job title and company.
         *
         * @param jobTitle the job title, or null to hide it
         * @param companyName the company's name, or null to hide it
         * @return this builder
         */
        public Builder currentPosition(String jobTitle, String companyName) {
            this.currentJobTitle = jobTitle;
            this.currentCompanyName = companyName;
            return this;
        }

        /**
         * Location.
         *
         * @param cityName the city, or null to hide it
         * @param area the region or state, or null to hide it
         * @param countryName the country, or null to hide it
         * @return this builder
         */
        public Builder location(String cityName, String area, String countryName) {
            this.city = cityName;
            this.geographicArea = area;
            this.country = countryName;
            return this;
        }

        /**
         * The member.
         *
         * @return a new member
         * @throws IllegalArgumentException if the URN is not {@code urn:li:person:<id>}
         */
        public FakeMember build() {
            return new FakeMember(member, firstName, lastName, emailAddress, profileUrl, currentJobTitle,
                    currentCompanyName, city, geographicArea, country);
        }
    }
}
