package dev.crmconnect.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RecordKeyTest {

    @Test
    void keysWithTheSameFieldsAreEqualAndNameTheCrmAsDataProvider() {
        assertEquals(RecordKey.of("c-42", "urn:li:organization:1001"), new RecordKey("c-42", "urn:li:organization:1001"));
        assertEquals("CRM", RecordKey.of("c-42", "urn:li:organization:1001").dataProvider());
    }
}
