package dev.crmconnect.samples;

import dev.crmconnect.model.DeletionNotice;
import java.util.List;
import java.util.Optional;

/**
 * What the sample policy needs from the CRM's own database, which LinkedIn does not hold: which
 * contacts came from a deleted member's exports, and which are under a legal hold. In a real CRM
 * both are queries on what it stored when the 1-Click Export arrived (the export's request id and
 * the member's URN).
 */
interface CrmRecords {

    /**
     * The crmIds of the contacts the CRM holds for the notice's member, found by the notice's
     * export request ids or its member URN; an empty list when it holds none; empty when this CRM
     * cannot tell.
     */
    Optional<List<String>> contactsOf(DeletionNotice notice);

    /** Whether the contact is under a legal hold (litigation, an audit, a regulator's request). */
    boolean onLegalHold(String contactCrmId);

    /** A CRM this program cannot look into (a real endpoint): every notice goes to a person. */
    static CrmRecords unknown() {
        return new CrmRecords() {
            @Override
            public Optional<List<String>> contactsOf(DeletionNotice notice) {
                return Optional.empty();
            }

            @Override
            public boolean onLegalHold(String contactCrmId) {
                return false;
            }
        };
    }
}
