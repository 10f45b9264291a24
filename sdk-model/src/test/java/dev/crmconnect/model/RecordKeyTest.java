package dev.crmconnect.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordKeyTest {

    @Test
    void restLiValueIsSortedAndNamesTheCrmAsDataProvider() {
        RecordKey key = RecordKey.of("Zoë (ä,b):c", "urn:li:organization:7");
        Map<String, Object> value = key.toRestLiValue();
        assertEquals(List.of("crmId", "dataProvider", "integrationContext"), List.copyOf(value.keySet()));
        assertEquals(Map.of("crmId", "Zoë (ä,b):c", "dataProvider", "CRM", "integrationContext", "urn:li:organization:7"),
                value);
        assertEquals("CRM", key.dataProvider());
        assertThrows(UnsupportedOperationException.class, () -> value.put("x", "y"));
    }

    @Test
    void keysWithTheSameFieldsAreEqual() {
        assertEquals(RecordKey.of("c-42", "urn:li:organization:1001"), new RecordKey("c-42", "urn:li:organization:1001"));
    }
}
