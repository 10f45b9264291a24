package dev.crmconnect.sdk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys of one batch, each encoded once: the same text goes into the {@code ids} query and the
 * body, and finds the crmId of a key the response sends back without decoding it.
 */
final class BatchKeys {

    private final KeyScheme scheme;
    private final List<String> encoded;
    private final Map<String, String> crmIdByKey;

    BatchKeys(KeyScheme scheme, List<String> crmIds) {
        this.scheme = scheme;
        this.encoded = new ArrayList<>(crmIds.size());
        this.crmIdByKey = new HashMap<>(crmIds.size() * 2);
        for (String crmId : crmIds) {
            String key = scheme.encode(crmId);
            encoded.add(key);
            crmIdByKey.put(key, crmId);
        }
    }

    /** The encoded key of the batch's {@code k}-th crmId. */
    String key(int k) {
        return encoded.get(k);
    }

    /** {@code ids=List(k1,k2,...)}: as {@code RestLi.encodeQuery}, keys never being empty. */
    String idsQuery() {
        int length = 10 + encoded.size();
        for (String key : encoded) {
            length += key.length();
        }
        StringBuilder query = new StringBuilder(length).append("ids=List(");
        for (int k = 0; k < encoded.size(); k++) {
            query.append(k == 0 ? "" : ",").append(encoded.get(k));
        }
        return query.append(')').toString();
    }

    /**
     * The crmId of a key from the response: looked up among the keys sent, else decoded, since a
     * server may escape differently (lowercase hex, characters left unescaped); null when it is
     * not a key of ours.
     */
    String crmIdOf(String responseKey) {
        String crmId = crmIdByKey.get(responseKey);
        return crmId != null ? crmId : scheme.crmIdOf(responseKey);
    }
}
