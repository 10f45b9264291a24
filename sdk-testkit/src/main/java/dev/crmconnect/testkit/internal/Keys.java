package dev.crmconnect.testkit.internal;

import java.util.Map;

/** Reads and checks Rest.li keys: the records' complex keys and the pool members' simple keys. */
final class Keys {

    static final int MAX_CRM_ID_LENGTH = 64;

    private Keys() {
    }

    /**
     * Decodes a key as written in a query list or a path, or a complex key as written in a body;
     * 400 when it is not Rest.li. A simple key in a body is never decoded: it is the string itself.
     */
    static Object decode(String raw) {
        try {
            return RestLiCodec.parse(raw);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("key: is not a valid Rest.li 2.0 value (" + e.getMessage() + ")");
        }
    }

    /**
     * Decodes a key written as a path segment. Rest.li writes it as in a query; a client that
     * percent-encoded the whole segment is read too.
     */
    static Object decodePathSegment(String raw) {
        Object key = decode(raw);
        if (key instanceof String s && s.startsWith("(")) {
            return decode(s);
        }
        return key;
    }

    /** The key as a Rest.li server names it in a batch response: a simple key raw, a complex key escaped for the grammar. */
    static String bodyKey(Object key) {
        return RestLiCodec.bodyKey(key);
    }

    /** The crmId of a record key of this tenant; throws a per-key error otherwise. */
    static String recordCrmId(Object key, String integrationContext) {
        if (!(key instanceof Map<?, ?> map)) {
            throw ApiException.badRequest("key: must be (crmId:...,dataProvider:CRM,integrationContext:...)");
        }
        for (Object field : map.keySet()) {
            if (!"crmId".equals(field) && !"dataProvider".equals(field) && !"integrationContext".equals(field)) {
                throw ApiException.badRequest("key." + field + ": is not a field of the key");
            }
        }
        String crmId = crmId(map.get("crmId"), "key.crmId");
        if (!"CRM".equals(map.get("dataProvider"))) {
            throw ApiException.badRequest("key.dataProvider: must be CRM");
        }
        Object context = map.get("integrationContext");
        if (!(context instanceof String) || ((String) context).isEmpty()) {
            throw ApiException.badRequest("key.integrationContext: is required");
        }
        if (!context.equals(integrationContext)) {
            throw ApiException.forbidden("key.integrationContext: does not belong to this application");
        }
        return crmId;
    }

    /** A pool member's simple key: the contact's crmId. */
    static String simpleCrmId(Object key) {
        return crmId(key, "key");
    }

    private static String crmId(Object value, String field) {
        if (!(value instanceof String s) || s.isEmpty()) {
            throw ApiException.badRequest(field + ": is required");
        }
        if (s.codePointCount(0, s.length()) > MAX_CRM_ID_LENGTH) {
            throw ApiException.badRequest(field + ": must be 1 to " + MAX_CRM_ID_LENGTH + " characters");
        }
        return s;
    }
}
