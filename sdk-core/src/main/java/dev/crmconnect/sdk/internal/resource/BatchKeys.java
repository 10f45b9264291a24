package dev.crmconnect.sdk.internal.resource;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keys of one batch, each written once in both of its forms: the URI form for the
 * {@code ids} query, the body form (Rest.li's {@code encodeKeyForBody}) for the request's
 * {@code entities}. Reads the keys of the response back to the crmIds sent.
 *
 * <p>A server answers in the body form (a simple key raw, a complex key with only
 * {@code ( ) , : ' %} percent-encoded); some answer with the URI form that was sent. A response key
 * is matched to a key sent by its exact text, the body form first: a simple key such as
 * {@code a%41} is the crmId {@code a%41}, never a decoding of it. Only a complex key, whose
 * grammar every form escapes, is also read by its structure (a server may use lowercase hex, or
 * leave other characters unescaped).
 */
final class BatchKeys {

    /** Marks a URI form that two keys of the batch share: it names neither. */
    private static final String AMBIGUOUS = new String("ambiguous");

    private final KeyScheme scheme;
    private final Set<String> sent;
    private final List<String> uriForms;
    private final List<String> bodyForms;
    private final Map<String, String> crmIdByBodyForm;
    private final Map<String, String> crmIdByUriForm;

    BatchKeys(KeyScheme scheme, List<String> crmIds) {
        this.scheme = scheme;
        this.sent = new HashSet<>(crmIds);
        this.uriForms = new ArrayList<>(crmIds.size());
        this.bodyForms = new ArrayList<>(crmIds.size());
        this.crmIdByBodyForm = new HashMap<>(crmIds.size() * 2);
        this.crmIdByUriForm = new HashMap<>(crmIds.size() * 2);
        for (String crmId : crmIds) {
            String uri = scheme.encode(crmId);
            String body = scheme.bodyKey(crmId);
            uriForms.add(uri);
            bodyForms.add(body);
            crmIdByBodyForm.put(body, crmId);
            String earlier = crmIdByUriForm.putIfAbsent(uri, crmId);
            if (earlier != null && !earlier.equals(crmId)) {
                crmIdByUriForm.put(uri, AMBIGUOUS);
            }
        }
    }

    /** The body form of the batch's {@code k}-th key: its name in the request's {@code entities}. */
    String bodyKey(int k) {
        return bodyForms.get(k);
    }

    /** {@code ids=List(k1,k2,...)} of the URI forms: as {@code RestLi.encodeQuery}, keys never being empty. */
    String idsQuery() {
        int length = 10 + uriForms.size();
        for (String key : uriForms) {
            length += key.length();
        }
        StringBuilder query = new StringBuilder(length).append("ids=List(");
        for (int k = 0; k < uriForms.size(); k++) {
            query.append(k == 0 ? "" : ",").append(uriForms.get(k));
        }
        return query.append(')').toString();
    }

    /**
     * The crmId sent whose key the response wrote as {@code responseKey}: the key whose body form
     * it is; else the key whose URI form it is, unless that text is the body form of another key
     * or the URI form of two; else, for a complex key, the key it decodes to. Null when it names
     * no key of this batch.
     */
    String crmIdOf(String responseKey) {
        String crmId = crmIdByBodyForm.get(responseKey);
        if (crmId != null) {
            return crmId;
        }
        crmId = crmIdByUriForm.get(responseKey);
        if (crmId != null) {
            return crmId == AMBIGUOUS ? null : crmId;
        }
        crmId = scheme.crmIdOf(responseKey);
        return crmId != null && sent.contains(crmId) ? crmId : null;
    }

    /**
     * The entries of one of the response's maps ({@code results}, {@code errors}) by the crmId of
     * their key. A crmId that more than one entry names is left out and added to
     * {@code ambiguous}: which entry is its own cannot be told.
     *
     * @param map the response's map; a missing or non-object node holds no entry
     * @param ambiguous receives the crmIds named by more than one entry
     */
    Map<String, JsonNode> entries(JsonNode map, Set<String> ambiguous) {
        Map<String, JsonNode> byCrmId = new HashMap<>(sent.size() * 2);
        for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String crmId = crmIdOf(entry.getKey());
            if (crmId != null && byCrmId.putIfAbsent(crmId, entry.getValue()) != null) {
                ambiguous.add(crmId);
            }
        }
        byCrmId.keySet().removeAll(ambiguous);
        return byCrmId;
    }
}
