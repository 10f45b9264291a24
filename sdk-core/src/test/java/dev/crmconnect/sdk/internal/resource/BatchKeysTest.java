package dev.crmconnect.sdk.internal.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmconnect.model.RecordKey;
import dev.crmconnect.sdk.internal.json.Json;
import dev.crmconnect.sdk.restli.RestLi;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BatchKeysTest {

    private static final String CONTEXT = "urn:li:organization:1001";
    private static final List<String> IDS = List.of("c-1", "a b", "x,y:(z)", "'quoted'", "é文🙂", "100%", "List(1)");
    /** The raw keys of the outside review's differential run that a decoding match got wrong. */
    private static final List<String> RAW = List.of("acct:42", "Smith, J", "50%off", "a%41", "c:1", "(x)", "O'Brien",
            "a b", "%", "%2", "List(1)", "''");

    @Test
    void complexKeysGoToTheQueryInTheirUriFormAndToTheBodyInRestLisBodyForm() {
        BatchKeys keys = new BatchKeys(KeyScheme.complex(CONTEXT), IDS);
        List<Object> values = IDS.stream().map(id -> (Object) RestLi.keyValue(RecordKey.of(id, CONTEXT))).toList();
        assertEquals(RestLi.encodeQuery(Map.of("ids", values)), keys.idsQuery());
        for (int k = 0; k < IDS.size(); k++) {
            assertEquals(RestLi.encodeKeyForBody(values.get(k)), keys.bodyKey(k));
            assertEquals(IDS.get(k), keys.crmIdOf(keys.bodyKey(k)));
            assertEquals(IDS.get(k), keys.crmIdOf(RestLi.encode(values.get(k))), "the URI form, as some servers echo");
        }
        assertEquals("(crmId:x%2Cy%3A%28z%29,dataProvider:CRM,integrationContext:urn%3Ali%3Aorganization%3A1001)",
                keys.bodyKey(2));
        assertEquals("(crmId:a b,dataProvider:CRM,integrationContext:urn%3Ali%3Aorganization%3A1001)", keys.bodyKey(1));
        assertEquals("(crmId:%27quoted%27,dataProvider:CRM,integrationContext:urn%3Ali%3Aorganization%3A1001)",
                keys.bodyKey(3));
        assertEquals("(crmId:é文🙂,dataProvider:CRM,integrationContext:urn%3Ali%3Aorganization%3A1001)", keys.bodyKey(4));
        assertEquals("(crmId:100%25,dataProvider:CRM,integrationContext:urn%3Ali%3Aorganization%3A1001)", keys.bodyKey(5));
    }

    @Test
    void simpleKeysGoToTheBodyRawAndToTheQueryEncoded() {
        BatchKeys keys = new BatchKeys(KeyScheme.simple(), RAW);
        assertEquals(RestLi.encodeQuery(Map.of("ids", RAW)), keys.idsQuery());
        assertTrue(keys.idsQuery().startsWith("ids=List(acct%3A42,Smith%2C%20J,50%25off,a%2541,c%3A1,"), keys.idsQuery());
        for (int k = 0; k < RAW.size(); k++) {
            assertEquals(RAW.get(k), keys.bodyKey(k), "a simple key is the string itself in a body");
        }
    }

    @Test
    void rawSimpleKeysInTheResponseAreTheCrmIdsSentNeverADecodingOfThem() {
        BatchKeys keys = new BatchKeys(KeyScheme.simple(), RAW);
        for (String crmId : RAW) {
            assertEquals(crmId, keys.crmIdOf(crmId), crmId);
        }
        assertNull(keys.crmIdOf("aA"), "a%41 is not aA");
        assertNull(keys.crmIdOf("50"), "nor a prefix");
    }

    @Test
    void randomRawSimpleKeysAreAllMatchedToTheRecordSent() {
        Random random = new Random(17);
        String alphabet = "ab:,()'% %41%25AZ09-_~.é";
        Set<String> ids = new LinkedHashSet<>();
        while (ids.size() < 3_000) {
            StringBuilder id = new StringBuilder();
            for (int n = 1 + random.nextInt(12); n > 0; n--) {
                id.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            if (!id.toString().isBlank()) {
                ids.add(id.toString());
            }
        }
        List<String> all = new ArrayList<>(ids);
        int unmatched = 0;
        for (int from = 0; from < all.size(); from += 100) {
            List<String> batch = all.subList(from, Math.min(all.size(), from + 100));
            BatchKeys keys = new BatchKeys(KeyScheme.simple(), batch);
            ObjectNode results = Json.mapper().createObjectNode();
            batch.forEach(id -> results.putObject(id).put("status", 204)); // what a Rest.li server answers
            Set<String> ambiguous = new HashSet<>();
            Map<String, JsonNode> byCrmId = keys.entries(results, ambiguous);
            assertTrue(ambiguous.isEmpty(), ambiguous::toString);
            for (String id : batch) {
                unmatched += byCrmId.containsKey(id) ? 0 : 1;
            }
        }
        assertEquals(0, unmatched, "records not matched to their result");
    }

    @Test
    void aSimpleKeysUriFormStillFindsItUnlessAnotherKeyIsWrittenSo() {
        BatchKeys keys = new BatchKeys(KeyScheme.simple(), List.of("c:1", "x y"));
        assertEquals("c:1", keys.crmIdOf("c%3A1"), "a server answering in the URI form sent");
        assertEquals("x y", keys.crmIdOf("x%20y"));

        BatchKeys clash = new BatchKeys(KeyScheme.simple(), List.of("c:1", "c%3A1"));
        assertEquals("c%3A1", clash.crmIdOf("c%3A1"), "the body form wins: it is what Rest.li writes");
        assertEquals("c:1", clash.crmIdOf("c:1"));
        assertEquals("c%3A1", clash.crmIdOf("c%253A1"));
    }

    @Test
    void twoEntriesNamingOneRecordNameNeither() {
        // A server percent-encoding simple keys, for c:1 and c%3A1: "c%3A1" (meant for c:1) reads as
        // the body form of c%3A1, and "c%253A1" as the URI form of c%3A1.
        BatchKeys keys = new BatchKeys(KeyScheme.simple(), List.of("c:1", "c%3A1"));
        ObjectNode results = Json.mapper().createObjectNode();
        results.putObject("c%3A1").put("status", 204);
        results.putObject("c%253A1").put("status", 204);
        Set<String> ambiguous = new HashSet<>();
        Map<String, JsonNode> byCrmId = keys.entries(results, ambiguous);
        assertEquals(Set.of("c%3A1"), ambiguous);
        assertTrue(byCrmId.isEmpty(), byCrmId::toString);
    }

    @Test
    void aComplexKeyEscapedDifferentlyByTheServerIsStillFound() {
        BatchKeys keys = new BatchKeys(KeyScheme.complex(CONTEXT), IDS);
        // Lowercase hex, fields unescaped where Rest.li allows, in another order.
        String differently = "(integrationContext:urn%3ali%3aorganization%3a1001,dataProvider:CRM,crmId:a%20b)";
        assertEquals("a b", keys.crmIdOf(differently));
        assertNull(keys.crmIdOf("(crmId:a%20b,dataProvider:CRM,integrationContext:urn%3Ali%3Aorganization%3A9)"),
                "another tenant's key is not ours");
        assertNull(keys.crmIdOf("(crmId:zz,dataProvider:CRM,integrationContext:urn%3Ali%3Aorganization%3A1001)"),
                "a key not sent in this batch");
        assertNull(keys.crmIdOf("(crmId:"), "a malformed key is nobody's");
    }

    @Test
    void anInvalidCrmIdIsRefusedBeforeAnythingIsSent() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BatchKeys(KeyScheme.complex(CONTEXT), List.of("ok", "")));
        assertEquals(true, e.getMessage().startsWith("recordKey.crmId"), e.getMessage());
    }
}
