package dev.crmconnect.samples;

import dev.crmconnect.model.DeletionNotice;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The demo's stand-in for a CRM's own database: which contact each 1-Click Export became, each
 * contact's LinkedIn member, and the legal holds. A real CRM keeps this in its tables and
 * implements {@link CrmRecords} with queries on them. Part of the demo harness.
 */
final class DemoCrm implements CrmRecords {

    private final Map<String, String> contactByExportRequest = new HashMap<>();
    private final Map<String, String> contactByMember = new HashMap<>();
    private final Set<String> legalHolds = new HashSet<>();
    private final Set<String> removed = new HashSet<>();

    /** Remembers that the export {@code requestId} of {@code member} became the contact {@code contactCrmId}. */
    void exported(String requestId, String member, String contactCrmId) {
        contactByExportRequest.put(requestId, contactCrmId);
        contactByMember.put(member, contactCrmId);
    }

    /** The contact the CRM already holds for {@code member}, if any: a second export lands on it. */
    Optional<String> contactOfMember(String member) {
        return Optional.ofNullable(contactByMember.get(member)).filter(id -> !removed.contains(id));
    }

    /** Puts the contact under a legal hold. */
    void placeLegalHold(String contactCrmId) {
        legalHolds.add(contactCrmId);
    }

    /** A recruiter removed the contact from the CRM. */
    void removed(String contactCrmId) {
        removed.add(contactCrmId);
    }

    @Override
    public Optional<List<String>> contactsOf(DeletionNotice notice) {
        Set<String> contacts = new LinkedHashSet<>();
        for (String requestId : notice.exportRequestIds()) {
            String contact = contactByExportRequest.get(requestId);
            if (contact != null) {
                contacts.add(contact);
            }
        }
        String byMember = contactByMember.get(notice.member());
        if (byMember != null) {
            contacts.add(byMember);
        }
        contacts.removeAll(removed);
        return Optional.of(new ArrayList<>(contacts));
    }

    @Override
    public boolean onLegalHold(String contactCrmId) {
        return legalHolds.contains(contactCrmId);
    }
}
