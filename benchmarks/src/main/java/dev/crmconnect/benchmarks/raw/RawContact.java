package dev.crmconnect.benchmarks.raw;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A contact as hand-written integration code would declare it: a plain record with the
 * contract's field names, no validation, times as epoch milliseconds.
 *
 * @param firstName the first name
 * @param lastName the last name
 * @param emailAddresses the email addresses
 * @param phoneNumbers the phone numbers
 * @param addresses the addresses
 * @param currentJobTitle the job title
 * @param currentCompanyName the company
 * @param linkedInProfileUrl the profile URL
 * @param doNotContact whether the contact asked not to be contacted
 * @param crmCreatedAt creation time, epoch milliseconds
 * @param crmLastModifiedAt last modification time, epoch milliseconds
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RawContact(
        String firstName,
        String lastName,
        List<String> emailAddresses,
        List<Phone> phoneNumbers,
        List<Address> addresses,
        String currentJobTitle,
        String currentCompanyName,
        String linkedInProfileUrl,
        Boolean doNotContact,
        Long crmCreatedAt,
        Long crmLastModifiedAt) {

    /** Names only the shape: the fields are personal data. */
    @Override
    public String toString() {
        return "RawContact[fields redacted]";
    }

    /**
     * A phone number.
     *
     * @param number the number
     * @param extension the extension
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Phone(String number, String extension) {

        @Override
        public String toString() {
            return "Phone[redacted]";
        }
    }

    /**
     * A postal address.
     *
     * @param line1 the street line
     * @param city the city
     * @param geographicArea the region
     * @param postalCode the postal code
     * @param country the country
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Address(String line1, String city, String geographicArea, String postalCode, String country) {

        @Override
        public String toString() {
            return "Address[redacted]";
        }
    }
}
