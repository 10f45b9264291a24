package dev.crmconnect.model;

import dev.crmconnect.model.internal.Check;

/**
 * The key of a top-level synced record: the vendor's {@code crmId} within a tenant's
 * {@code integrationContext}. On the wire it is the Rest.li complex key
 * {@code (crmId:<id>,dataProvider:CRM,integrationContext:<urn>)}.
 *
 * @param crmId the vendor's id, 1 to 64 characters of any Unicode but control characters
 * @param integrationContext the tenant, {@code urn:li:organization:<digits>}
 */
public record RecordKey(String crmId, String integrationContext) {

    /** The {@code dataProvider} of every key. */
    public static final String DATA_PROVIDER = "CRM";

    /**
     * Validates the key.
     *
     * @param crmId the vendor's id, 1 to 64 characters of any Unicode but control characters
     * @param integrationContext the tenant, {@code urn:li:organization:<digits>}
     * @throws IllegalArgumentException if either value is missing or breaks its rule; the message names the field
     *     and the rule
     */
    public RecordKey {
        Check.requiredId("recordKey.crmId", crmId);
        Check.organizationUrn("recordKey.integrationContext",
                Check.required("recordKey.integrationContext", integrationContext));
    }

    /**
     * The key of record {@code crmId} in tenant {@code integrationContext}.
     *
     * @param crmId the vendor's id, 1 to 64 characters of any Unicode but control characters
     * @param integrationContext the tenant, {@code urn:li:organization:<digits>}
     * @return the key
     * @throws IllegalArgumentException if either value is missing or breaks its rule; the message names the field
     *     and the rule
     */
    public static RecordKey of(String crmId, String integrationContext) {
        return new RecordKey(crmId, integrationContext);
    }

    /**
     * The data provider of the key, which is always the CRM.
     *
     * @return always {@value #DATA_PROVIDER}
     */
    public String dataProvider() {
        return DATA_PROVIDER;
    }

}
