package dev.crmconnect.testkit.internal;

import static dev.crmconnect.testkit.internal.RestLiMethod.BATCH_DELETE;
import static dev.crmconnect.testkit.internal.RestLiMethod.BATCH_GET;
import static dev.crmconnect.testkit.internal.RestLiMethod.BATCH_PARTIAL_UPDATE;
import static dev.crmconnect.testkit.internal.RestLiMethod.BATCH_UPDATE;
import static dev.crmconnect.testkit.internal.RestLiMethod.FINDER;

import java.util.EnumSet;
import java.util.Set;

/** The top-level synced collections, keyed by {@code (crmId,dataProvider,integrationContext)}. */
enum RecordCollection {
    CONTACTS("crmContacts", EntityKind.CONTACT, false, BATCH_UPDATE, BATCH_GET, BATCH_DELETE, BATCH_PARTIAL_UPDATE, FINDER),
    POOLS("crmPools", EntityKind.POOL, false, BATCH_UPDATE, BATCH_GET, BATCH_DELETE, FINDER),
    VACANCIES("crmVacancies", EntityKind.VACANCY, false, BATCH_UPDATE, BATCH_GET, BATCH_DELETE, FINDER),
    APPLICATIONS("crmApplications", EntityKind.APPLICATION, true, BATCH_UPDATE, BATCH_GET, BATCH_DELETE, FINDER),
    EMAIL_INTERACTIONS("crmEmailInteractions", EntityKind.EMAIL_INTERACTION, true, BATCH_UPDATE, BATCH_DELETE, FINDER),
    NOTES("crmNotes", EntityKind.NOTE, true, BATCH_UPDATE, BATCH_DELETE, FINDER);

    final String path;
    final EntityKind kind;
    /** Whether the collection has the {@code q=contact&contactId=} finder. */
    final boolean contactFinder;
    final Set<RestLiMethod> methods;

    RecordCollection(String path, EntityKind kind, boolean contactFinder, RestLiMethod... methods) {
        this.path = path;
        this.kind = kind;
        this.contactFinder = contactFinder;
        this.methods = EnumSet.of(methods[0], methods);
    }

    /** The collection served at this path segment, or null. */
    static RecordCollection at(String segment) {
        for (RecordCollection c : values()) {
            if (c.path.equals(segment)) {
                return c;
            }
        }
        return null;
    }
}
