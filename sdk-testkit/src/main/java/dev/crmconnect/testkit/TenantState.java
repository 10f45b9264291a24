package dev.crmconnect.testkit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the fake holds for one integrationContext. Resource names are the contract's paths:
 * {@code crmContacts}, {@code crmPools}, {@code crmPoolMembers}, {@code crmVacancies},
 * {@code crmApplications}, {@code crmEmailInteractions}, {@code crmNotes},
 * {@code exportedCandidates}, {@code exportDeletionNotices}, {@code dataRequests}.
 *
 * @param integrationContext the organization
 * @param clientIds          the client ids registered for it
 * @param counts             how many entities each resource holds
 * @param entities           each resource's entities by key (crmId; pool members by
 *                           {@code List(<pool crmId>,<contact crmId>)}), as JSON-like maps
 */
public record TenantState(String integrationContext, List<String> clientIds, Map<String, Integer> counts,
                          Map<String, Map<String, Map<String, Object>>> entities) {

    /**
     * Copies everything, keeping the resources' order.
     *
     * @param integrationContext the organization
     * @param clientIds the client ids registered for it
     * @param counts how many entities each resource holds
     * @param entities each resource's entities by key (crmId; pool members by
     *     {@code List(<pool crmId>,<contact crmId>)}), as JSON-like maps
     * @throws NullPointerException if a collection is null
     */
    public TenantState {
        clientIds = List.copyOf(clientIds);
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        entities = Collections.unmodifiableMap(new LinkedHashMap<>(entities));
    }

    /**
     * How many entities this resource holds (0 when none).
     *
     * @param resource the resource's name, such as {@code crmContacts}
     * @return the count; 0 when none
     */
    public int count(String resource) {
        return counts.getOrDefault(resource, 0);
    }

    /**
     * This resource's entities by key (empty when none).
     *
     * @param resource the resource's name, such as {@code crmContacts}
     * @return the entities by key, as JSON-like maps; empty when none
     */
    public Map<String, Map<String, Object>> entities(String resource) {
        return entities.getOrDefault(resource, Map.of());
    }

    /** Counts only: entities may hold personal data. */
    @Override
    public String toString() {
        return "TenantState[" + integrationContext + ", counts=" + counts + "]";
    }
}
