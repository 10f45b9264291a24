package dev.crmconnect.sdk.restli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every case of the contract's restli-encoding.json, both ways. */
class RestLiEncodingCasesTest {

    private static final Map<String, Object> DATA = EncodingCases.load("restli-encoding.json");

    @TestFactory
    List<DynamicTest> encodeCases() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map<String, Object> testCase : cases("encode")) {
            Object value = testCase.get("value");
            String encoded = (String) testCase.get("encoded");
            tests.add(DynamicTest.dynamicTest("encode " + value + " -> " + encoded, () -> {
                assertEquals(encoded, RestLi.encode(value));
                Object decoded = RestLi.decode(encoded);
                assertEquals(EncodingCases.scalarsAsStrings(value), decoded);
                assertEquals(encoded, RestLi.encode(decoded), "re-encoding what was decoded");
            }));
        }
        assertFalse(tests.isEmpty(), "the test data has encode cases");
        return tests;
    }

    @TestFactory
    List<DynamicTest> queryCases() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map<String, Object> testCase : cases("queryParams")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> params = (Map<String, Object>) testCase.get("params");
            String query = (String) testCase.get("query");
            tests.add(DynamicTest.dynamicTest("query " + params + " -> " + query, () -> {
                assertEquals(query, RestLi.encodeQuery(params));
                Map<String, Object> decoded = RestLi.decodeQuery(query);
                assertEquals(EncodingCases.scalarsAsStrings(params), decoded);
                assertEquals(query, RestLi.encodeQuery(decoded), "re-encoding what was decoded");
            }));
        }
        assertFalse(tests.isEmpty(), "the test data has query cases");
        return tests;
    }

    @TestFactory
    List<DynamicTest> bodyKeyCases() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map<String, Object> testCase : cases("bodyKeys")) {
            Object value = testCase.get("value");
            String encoded = (String) testCase.get("encoded");
            tests.add(DynamicTest.dynamicTest("body key " + value + " -> " + encoded, () -> {
                assertEquals(encoded, RestLi.encodeKeyForBody(value));
                if (value instanceof Map<?, ?> || value instanceof List<?>) {
                    assertEquals(EncodingCases.scalarsAsStrings(value), RestLi.decode(encoded),
                            "a complex key's body form decodes as its URI form does");
                }
            }));
        }
        assertFalse(tests.isEmpty(), "the test data has body key cases");
        return tests;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> cases(String section) {
        return (List<Map<String, Object>>) DATA.get(section);
    }
}
