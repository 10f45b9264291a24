package dev.crmconnect.samples;

import dev.crmconnect.model.Application;
import dev.crmconnect.model.ApplicationStatus;
import dev.crmconnect.model.Contact;
import dev.crmconnect.model.DeletionNotice;
import dev.crmconnect.sdk.CrmConnectClient;
import dev.crmconnect.sdk.poller.Decision;
import dev.crmconnect.sdk.poller.NoticeHandler;
import dev.crmconnect.sdk.poller.RetentionReason;
import dev.crmconnect.sdk.privacy.ContactEraser;
import dev.crmconnect.sdk.privacy.ErasureReceipt;
import dev.crmconnect.sdk.privacy.RecordKind;
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
 *   <li>otherwise erase each contact everywhere with the SDK's {@link ContactEraser} and record what
 *       went.</li>
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
        this.eraser = ContactEraser.of(client);
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
            erased.add(describe(eraser.erase(contact)));
        }
        return Decision.delete(String.join("; ", erased));
    }

    /**
     * For the audit trail: ids and counts, never a name.
     *
     * @throws IllegalStateException when a record could not be deleted (the poller then retries; the
     *     erase deletes what is left)
     */
    private static String describe(ErasureReceipt receipt) {
        if (!receipt.complete()) {
            ErasureReceipt.Failure first = receipt.failures().get(0);
            throw new IllegalStateException("erasing contact " + receipt.contactCrmId() + " left "
                    + receipt.failures().size() + " failures, first " + first.kind()
                    + (first.crmId() == null ? "" : " " + first.crmId()));
        }
        return "contact " + receipt.contactCrmId() + " with " + count(receipt, RecordKind.NOTE, "note") + ", "
                + count(receipt, RecordKind.EMAIL_INTERACTION, "email interaction") + ", "
                + count(receipt, RecordKind.APPLICATION, "application") + "; pool memberships cleared in "
                + count(receipt, RecordKind.POOL_MEMBERSHIP, "pool");
    }

    private static String count(ErasureReceipt receipt, RecordKind kind, String noun) {
        int n = receipt.deleted(kind).size();
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
