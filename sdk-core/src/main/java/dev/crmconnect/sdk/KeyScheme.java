package dev.crmconnect.sdk;

import dev.crmconnect.model.RecordKey;
import dev.crmconnect.sdk.restli.RestLi;
import java.util.Map;

/**
 * How a resource's records are keyed on the wire: the complex key
 * {@code (crmId:..,dataProvider:CRM,integrationContext:..)} of top-level records, or the plain
 * contact crmId of pool members.
 */
interface KeyScheme {

    /** The key's Rest.li value, for {@code ids=List(...)}: its encoding is the key in bodies too. */
    Object value(String crmId);

    /** The crmId of an encoded key read from a response; null if it is not one of ours. */
    String crmIdOf(String encodedKey);

    /** Complex keys in {@code integrationContext}. */
    static KeyScheme complex(String integrationContext) {
        return new KeyScheme() {
            @Override
            public Object value(String crmId) {
                return RecordKey.of(crmId, integrationContext).toRestLiValue();
            }

            @Override
            public String crmIdOf(String encodedKey) {
                return decode(encodedKey) instanceof Map<?, ?> key && key.get("crmId") instanceof String id
                        ? id : null;
            }
        };
    }

    /** Simple keys: the crmId itself. */
    static KeyScheme simple() {
        return new KeyScheme() {
            @Override
            public Object value(String crmId) {
                return crmId;
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
