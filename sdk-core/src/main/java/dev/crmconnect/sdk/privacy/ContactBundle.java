package dev.crmconnect.sdk.privacy;

import dev.crmconnect.model.Application;
import dev.crmconnect.model.Contact;
import dev.crmconnect.model.EmailInteraction;
import dev.crmconnect.model.Note;
import dev.crmconnect.sdk.internal.privacy.BundleJson;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything synced to LinkedIn for one contact, as {@link ContactExporter} read it back, and its
 * JSON document. The document (UTF-8, pretty-printed) is:
 *
 * <pre>{@code
 * {
 *   "schema": "crmconnect.contactBundle.v1",
 *   "integrationContext": "urn:li:organization:1001",
 *   "contactCrmId": "c-42",
 *   "exportedAt": 1700000000000,
 *   "contact": {"crmId": "c-42", "firstName": "...", ..., "match": {...}},
 *   "notes": [{"crmId": "n-1", "contactId": "c-42", "author": {...}, "content": "...", ...}],
 *   "emailInteractions": [{"crmId": "e-1", "contactId": "c-42", ...}],
 *   "applications": [{"crmId": "a-1", "contactId": "c-42", "vacancyId": "v-1", ...}],
 *   "poolMemberships": [{"poolCrmId": "p-1", "stepId": "s-1", "addedAt": 1700000000000}]
 * }
 * }</pre>
 * Each record holds its {@code crmId} then its fields under the contract's names; times are epoch
 * milliseconds; absent fields are left out; the four lists are always present, empty when there is
 * nothing; {@code contact} is {@code null} when LinkedIn holds no contact with that crmId.
 * {@code schema} changes only when the layout does.
 *
 * @param integrationContext the tenant
 * @param contactCrmId       the contact asked for
 * @param exportedAt         when the records were read
 * @param contact            the contact, or null when LinkedIn holds none with that crmId
 * @param notes              the notes logged on it
 * @param emailInteractions  its email interactions
 * @param applications       its applications
 * @param poolMemberships    the pools it is in
 */
public record ContactBundle(String integrationContext, String contactCrmId, Instant exportedAt, Contact contact,
                            List<Note> notes, List<EmailInteraction> emailInteractions,
                            List<Application> applications, List<PoolMembership> poolMemberships) {

    /**
     * Requires everything but the contact; copies the lists.
     *
     * @param integrationContext the tenant
     * @param contactCrmId the contact asked for
     * @param exportedAt when the records were read
     * @param contact the contact, or null when LinkedIn holds none with that crmId
     * @param notes the notes logged on it
     * @param emailInteractions its email interactions
     * @param applications its applications
     * @param poolMemberships the pools it is in
     * @throws NullPointerException if {@code integrationContext}, {@code contactCrmId}, {@code exportedAt} or a list
     *     is null
     */
    public ContactBundle {
        Objects.requireNonNull(integrationContext, "integrationContext must not be null");
        Objects.requireNonNull(contactCrmId, "contactCrmId must not be null");
        Objects.requireNonNull(exportedAt, "exportedAt must not be null");
        notes = List.copyOf(notes);
        emailInteractions = List.copyOf(emailInteractions);
        applications = List.copyOf(applications);
        poolMemberships = List.copyOf(poolMemberships);
    }

    /**
     * The contact, when LinkedIn holds one with that crmId.
     *
     * @return the contact, or empty when LinkedIn holds none
     */
    public Optional<Contact> contactRecord() {
        return Optional.ofNullable(contact);
    }

    /**
     * Whether LinkedIn holds nothing at all for the contact.
     *
     * @return true when there is no contact and every list is empty
     */
    public boolean isEmpty() {
        return contact == null && notes.isEmpty() && emailInteractions.isEmpty() && applications.isEmpty()
                && poolMemberships.isEmpty();
    }

    /**
     * Writes the JSON document to {@code out}; flushes it and leaves it open.
     *
     * @param out where to write the document; not null
     * @throws IOException if writing to {@code out} fails
     */
    public void writeJson(Writer out) throws IOException {
        BundleJson.write(this, Objects.requireNonNull(out, "out must not be null"));
    }

    /**
     * Writes the JSON document to {@code out} in UTF-8; flushes it and leaves it open.
     *
     * @param out where to write the document; not null
     * @throws IOException if writing to {@code out} fails
     */
    public void writeJson(OutputStream out) throws IOException {
        BundleJson.write(this, Objects.requireNonNull(out, "out must not be null"));
    }

    /**
     * The JSON document.
     *
     * @return the document, pretty-printed, as {@link #writeJson(Writer)} writes it
     */
    public String toJson() {
        return BundleJson.toJson(this);
    }

    /** Counts only: the records hold personal data. */
    @Override
    public String toString() {
        return "ContactBundle[" + contactCrmId + ", contact=" + (contact == null ? "absent" : "present")
                + ", notes=" + notes.size() + ", emailInteractions=" + emailInteractions.size()
                + ", applications=" + applications.size() + ", poolMemberships=" + poolMemberships.size() + "]";
    }
}
