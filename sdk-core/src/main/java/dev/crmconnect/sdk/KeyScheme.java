package dev.crmconnect.sdk;

import dev.crmconnect.model.RecordKey;
import dev.crmconnect.model.internal.Check;
import dev.crmconnect.sdk.restli.RestLi;
import java.util.Map;

/**
 * How a resource's records are keyed on the wire: the complex key
 * {@code (crmId:..,dataProvider:CRM,integrationContext:..)} of top-level records, or the plain
 * contact crmId of pool members.
 */
interface KeyScheme {

    /**
     * The key's Rest.li text: an element of {@code ids=List(...)} and the key of the record in
     * bodies and in the response's maps.
     */
    String encode(String crmId);

    /** The crmId of an encoded key read from a response; null if it is not one of ours. */
    String crmIdOf(String encodedKey);

    /** Complex keys in {@code integrationContext}. */
    static KeyScheme complex(String integrationContext) {
        RecordKey.of("x", integrationContext); // validates the tenant once, not per key
        // What RestLi.encode writes for RecordKey.toRestLiValue(): fields in sorted order, so only
        // the crmId varies between keys of one tenant.
        String suffix = ",dataProvider:" + RecordKey.DATA_PROVIDER + ",integrationContext:"
                + RestLi.encode(integrationContext) + ")";
        return new KeyScheme() {
            @Override
            public String encode(String crmId) {
                Check.requiredId("recordKey.crmId", crmId);
                return "(crmId:" + RestLi.encode(crmId) + suffix;
            }

            /** Only a key of this tenant, exactly as sent: another tenant's key is no result for our record. */
            @Override
            public String crmIdOf(String encodedKey) {
                return decode(encodedKey) instanceof Map<?, ?> key && key.size() == 3
                        && key.get("crmId") instanceof String id
                        && RecordKey.DATA_PROVIDER.equals(key.get("dataProvider"))
                        && integrationContext.equals(key.get("integrationContext")) ? id : null;
            }
        };
    }

    /** Simple keys: the crmId itself. */
    static KeyScheme simple() {
        return new KeyScheme() {
            @Override
            public String encode(String crmId) {
                return RestLi.encode(crmId);
            }

            @Override
            public String crmIdOf(String encodedKey) {
                return decode(encodedKey) instanceof String id ? id : null;
            }
        };
    }

    /** A key the server sent back; a malformed one is nobody's key, so the record gets no result. */
    private static Object decode(String encodedKey) {
        try {
            return RestLi.decode(encodedKey);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
