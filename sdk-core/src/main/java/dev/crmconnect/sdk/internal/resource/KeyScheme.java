package dev.crmconnect.sdk.internal.resource;

import dev.crmconnect.sdk.exception.RestLiSyntaxException;
import dev.crmconnect.model.RecordKey;
import dev.crmconnect.model.internal.Check;
import dev.crmconnect.sdk.restli.RestLi;
import java.util.Map;

/**
 * How a resource's records are keyed on the wire: the complex key
 * {@code (crmId:..,dataProvider:CRM,integrationContext:..)} of top-level records, or the plain
 * contact crmId of pool members.
 *
 * <p>Each key has two written forms, as in Rest.li 2.0: its URI form, an element of
 * {@code ids=List(...)} where every string is percent-encoded; and its body form
 * ({@code URIParamUtils.encodeKeyForBody}), the map key of the request's {@code entities} and of
 * the response's {@code results}, {@code statuses} and {@code errors}, with no URL escaping: a
 * simple key is the crmId itself; a complex key percent-encodes only {@code ( ) , : ' %}.
 */
interface KeyScheme {

    /** The key's URI form: an element of {@code ids=List(...)}. */
    String encode(String crmId);

    /** The key's body form: its name in the request's {@code entities}, and in the response a server sends. */
    String bodyKey(String crmId);

    /**
     * The crmId of a key of a response that is neither of the forms written for a key sent, read
     * from its structure; null if it is not one of ours or cannot be read without guessing (a
     * simple key is any text, so it is never decoded).
     */
    String crmIdOf(String responseKey);

    /** Complex keys in {@code integrationContext}. */
    static KeyScheme complex(String integrationContext) {
        RecordKey.of("x", integrationContext); // validates the tenant once, not per key
        // What RestLi writes for RestLi.keyValue(RecordKey): fields in sorted order, so only the
        // crmId varies between keys of one tenant.
        String suffix = ",dataProvider:" + RecordKey.DATA_PROVIDER + ",integrationContext:"
                + RestLi.encode(integrationContext) + ")";
        String bodySuffix = ",dataProvider:" + RecordKey.DATA_PROVIDER + ",integrationContext:"
                + bodyText(integrationContext) + ")";
        return new KeyScheme() {
            @Override
            public String encode(String crmId) {
                Check.requiredId("recordKey.crmId", crmId);
                return "(crmId:" + RestLi.encode(crmId) + suffix;
            }

            @Override
            public String bodyKey(String crmId) {
                Check.requiredId("recordKey.crmId", crmId);
                return "(crmId:" + bodyText(crmId) + bodySuffix;
            }

            /** Only a key of this tenant: another tenant's key is no result for our record. */
            @Override
            public String crmIdOf(String responseKey) {
                return decode(responseKey) instanceof Map<?, ?> key && key.size() == 3
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
            public String bodyKey(String crmId) {
                return RestLi.encodeKeyForBody(crmId);
            }

            @Override
            public String crmIdOf(String responseKey) {
                return null;
            }
        };
    }

    /**
     * A string (well-formed, not empty) as {@link RestLi#encodeKeyForBody} writes it inside a
     * complex key: only {@code ( ) , : ' %} percent-encoded.
     */
    private static String bodyText(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean reserved = c == '(' || c == ')' || c == ',' || c == ':' || c == '\'' || c == '%';
            if (reserved && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (reserved) {
                out.append('%').append("0123456789ABCDEF".charAt(c >> 4)).append("0123456789ABCDEF".charAt(c & 0xF));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /** A key the server sent back; a malformed one is nobody's key, so the record gets no result. */
    private static Object decode(String encodedKey) {
        try {
            return RestLi.decode(encodedKey);
        } catch (RestLiSyntaxException | IllegalArgumentException e) {
            return null;
        }
    }
}
