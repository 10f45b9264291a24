package dev.crmconnect.samples;

import dev.crmconnect.model.Application;
import dev.crmconnect.model.ApplicationStatus;
import dev.crmconnect.model.Contact;
import dev.crmconnect.model.DeletionNotice;
import dev.crmconnect.sdk.CrmConnectClient;
import dev.crmconnect.sdk.poller.Decision;
import dev.crmconnect.sdk.poller.NoticeHandler;
import dev.crmconnect.sdk.poller.RetentionReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A sample retention policy for deletion notices. The customer is the data controller; this is
 * one reasonable policy, not legal advice. For the member's contacts, in this order:
 * <ol>
 *   <li>a contact under a legal hold: retain (legal obligation);</li>
 *   <li>a contact with an ACTIVE application: retain (legitimate interest: a hiring process
 *       is under way, at the candidate's own request);</li>
 *   <li>a contact marked do-not-contact: flag for review (erasing it would also erase the
 *       instruction; a person decides whether a suppression entry must be kept);</li>
 *   <li>otherwise erase each contact everywhere ({@link ContactEraser}) and record what went.</li>
 * </ol>
 * The handler is idempotent, as the poller asks: run again after a crash, it finds less to erase.
 */
final class SamplePolicy implements NoticeHandler {

    private final CrmConnectClient client;
    private final CrmRecords crm;
    private final ContactEraser eraser;

    SamplePolicy(CrmConnectClient client, CrmRecords crm) {
        this.client = client;
        this.crm = crm;
        this.eraser = new ContactEraser(client);
    }

    @Override
    public Decision handle(DeletionNotice notice) {
        Optional<List<String>> found = crm.contactsOf(notice);
        if (found.isEmpty()) {
            return Decision.flagForReview("this program cannot look into the CRM: find the records of export requests "
                    + String.join(", ", notice.exportRequestIds()) + " and decide");
        }
        List<String> contacts = found.get();
        if (contacts.isEmpty()) {
            return Decision.delete("nothing held: no contact for export requests "
                    + String.join(", ", notice.exportRequestIds()));
        }
        for (String contact : contacts) {
            if (crm.onLegalHold(contact)) {
                return Decision.retain(RetentionReason.LEGAL_OBLIGATION, "contact " + contact + " is under a legal hold");
            }
        }
        for (String contact : contacts) {
            for (Application application : client.applications().listByContact(contact)) {
                if (application.status() == ApplicationStatus.ACTIVE) {
                    return Decision.retain(RetentionReason.LEGITIMATE_INTEREST, "contact " + contact
                            + " has the active application " + application.crmId() + " to vacancy "
                            + application.vacancyId());
                }
            }
        }
        for (Contact contact : client.contacts().get(contacts).found().values()) {
            if (Boolean.TRUE.equals(contact.doNotContact())) {
                return Decision.flagForReview("contact " + contact.crmId()
                        + " is marked do-not-contact: decide whether to keep a suppression entry");
            }
        }
        List<String> erased = new ArrayList<>();
        for (String contact : contacts) {
            erased.add(eraser.erase(contact).describe());
        }
        return Decision.delete(String.join("; ", erased));
    }
}
