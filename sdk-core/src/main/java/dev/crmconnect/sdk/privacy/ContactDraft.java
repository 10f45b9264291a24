package dev.crmconnect.sdk.privacy;

import dev.crmconnect.model.Address;
import dev.crmconnect.model.Contact;
import dev.crmconnect.model.Destination;
import dev.crmconnect.model.ExportedCandidate;
import dev.crmconnect.model.Location;
import java.util.Objects;
import java.util.Optional;

/**
 * A contact to create from a 1-Click Export, holding only what the member's visibility settings
 * let LinkedIn export: first and last name, current job title and company, the profile URL (as
 * {@code linkedInProfileUrl}) and the location (as the one address). A field the member hid stays
 * absent: never an empty string. The vendor chooses the contact's crmId and where to put it:
 * {@link #destination()} is the pool or vacancy the recruiter picked.
 *
 * <pre>{@code
 * Contact contact = draft.contact().crmId(myNewId()).build();
 * client.contacts().upsert(List.of(contact));
 * }</pre>
 *
 * <p>When the member hid their first name, which a contact requires, the vendor must set one on
 * the builder before {@code build()}. Immutable: {@link #contact()} gives a new builder each call.
 */
public final class ContactDraft {

    private final ExportedCandidate candidate;

    private ContactDraft(ExportedCandidate candidate) {
        this.candidate = candidate;
    }

    /**
     * The draft of the contact for this exported candidate.
     *
     * @param candidate the candidate, as {@code exportedCandidates().listByRequest(requestId)} lists it
     * @return the draft
     * @throws NullPointerException if {@code candidate} is null
     */
    public static ContactDraft of(ExportedCandidate candidate) {
        return new ContactDraft(Objects.requireNonNull(candidate, "candidate must not be null"));
    }

    /**
     * A new builder holding the exported fields; no crmId yet.
     *
     * @return a new builder; set the crmId, and the first name if the member hid it, before {@code build()}
     */
    public Contact.Builder contact() {
        Contact.Builder builder = Contact.builder()
                .firstName(present(candidate.firstName()))
                .lastName(present(candidate.lastName()))
                .currentJobTitle(present(candidate.currentJobTitle()))
                .currentCompanyName(present(candidate.currentCompanyName()))
                .linkedInProfileUrl(present(candidate.profileUrl()));
        Address address = address(candidate.location());
        if (address != null) {
            builder.addresses(address);
        }
        return builder;
    }

    /**
     * The contact with {@code crmId}, the vendor's new id for it.
     *
     * @param crmId the vendor's new id for the contact, 1 to 64 characters
     * @return the contact
     * @throws IllegalArgumentException if {@code crmId} is invalid, or the member hid the first name the contact
     *     requires (then set one through {@link #contact()})
     */
    public Contact toContact(String crmId) {
        return contact().crmId(crmId).build();
    }

    /**
     * The pool or vacancy the recruiter exported the member into, when LinkedIn said.
     *
     * @return the destination, or empty when the export named none
     */
    public Optional<Destination> destination() {
        return Optional.ofNullable(candidate.destination());
    }

    /**
     * The export's request id.
     *
     * @return the id the push named
     */
    public String requestId() {
        return candidate.requestId();
    }

    /**
     * The LinkedIn member.
     *
     * @return the member's {@code urn:li:person:<id>}
     */
    public String member() {
        return candidate.member();
    }

    /**
     * The exported candidate the draft was made from.
     *
     * @return the candidate, with every field LinkedIn exported
     */
    public ExportedCandidate candidate() {
        return candidate;
    }

    /** The location as an address, or null when the member hid all of it. */
    private static Address address(Location location) {
        if (location == null) {
            return null;
        }
        String city = present(location.city());
        String area = present(location.geographicArea());
        String country = present(location.country());
        if (city == null && area == null && country == null) {
            return null;
        }
        return Address.builder().city(city).geographicArea(area).country(country).build();
    }

    /** Null for a blank value: a hidden field must stay absent, not become an empty string. */
    private static String present(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** The request id, member and destination; never names or URLs. */
    @Override
    public String toString() {
        return "ContactDraft[requestId=" + candidate.requestId() + ", member=" + candidate.member()
                + ", destination=" + candidate.destination() + "]";
    }
}
