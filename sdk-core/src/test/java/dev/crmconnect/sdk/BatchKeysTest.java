package dev.crmconnect.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.crmconnect.model.RecordKey;
import dev.crmconnect.sdk.restli.RestLi;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchKeysTest {

    private static final String CONTEXT = "urn:li:organization:1001";
    private static final List<String> IDS = List.of("c-1", "a b", "x,y:(z)", "'quoted'", "é文🙂", "100%", "List(1)");

    @Test
    void complexKeysAreWhatTheCodecWritesForTheRecordKey() {
        BatchKeys keys = new BatchKeys(KeyScheme.complex(CONTEXT), IDS);
        List<Object> values = IDS.stream().map(id -> (Object) RecordKey.of(id, CONTEXT).toRestLiValue()).toList();
        assertEquals(RestLi.encodeQuery(Map.of("ids", values)), keys.idsQuery());
        for (int k = 0; k < IDS.size(); k++) {
            assertEquals(RestLi.encode(values.get(k)), keys.key(k));
            assertEquals(IDS.get(k), keys.crmIdOf(keys.key(k)));
        }
    }

    @Test
    void simpleKeysAreTheEncodedCrmIds() {
        BatchKeys keys = new BatchKeys(KeyScheme.simple(), IDS);
        assertEquals(RestLi.encodeQuery(Map.of("ids", IDS)), keys.idsQuery());
        assertEquals("a%20b", keys.key(1));
    }

    @Test
    void aKeyEscapedDifferentlyByTheServerIsStillFound() {
        BatchKeys keys = new BatchKeys(KeyScheme.complex(CONTEXT), IDS);
        // Lowercase hex, fields unescaped where Rest.li allows, in another order.
        String differently = "(integrationContext:urn%3ali%3aorganization%3a1001,dataProvider:CRM,crmId:a%20b)";
        assertEquals("a b", keys.crmIdOf(differently));
        assertNull(keys.crmIdOf("(crmId:a%20b,dataProvider:CRM,integrationContext:urn%3Ali%3Aorganization%3A9)"),
                "another tenant's key is not ours");
        assertNull(keys.crmIdOf("(crmId:"), "a malformed key is nobody's");
    }

    @Test
    void anInvalidCrmIdIsRefusedBeforeAnythingIsSent() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BatchKeys(KeyScheme.complex(CONTEXT), List.of("ok", "")));
        assertEquals(true, e.getMessage().startsWith("recordKey.crmId"), e.getMessage());
    }
}
