package dev.crmconnect.testkit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.crmconnect.sdk.restli.RestLi;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fake's own Rest.li codec: Rest.li's cases, and agreement with the SDK's codec on random values. */
class RestLiCodecTest {

    @Test
    void readsElementsAsRestLisParserDoes() {
        assertEquals(List.of("1", "2", "foobar"), RestLiCodec.parse("List(1,2,foobar)"));
        assertEquals(Map.of("k1", "v1", "k2", "urn:li:app:123", "k3", List.of("1", "2"), "k4", Map.of("k41", "foobar")),
                RestLiCodec.parse("(k1:v1,k2:urn%3Ali%3Aapp%3A123,k3:List(1,2),k4:(k41:foobar))"));
        assertEquals(List.of(""), RestLiCodec.parse("List('')"));
        assertEquals("", RestLiCodec.parse("''"));
        assertEquals("''", RestLiCodec.parse("%27%27"), "escaped quotes are two quotes, not the empty string");
        assertEquals(Map.of(), RestLiCodec.parse("()"));
        assertEquals(List.of(), RestLiCodec.parse("List()"));
        assertEquals(Map.of("crmId", "Zoë (ä,b):c", "dataProvider", "CRM", "integrationContext", "urn:li:organization:7"),
                RestLiCodec.parse("(crmId:Zoë %28ä%2Cb%29%3Ac,dataProvider:CRM,integrationContext:urn%3Ali%3Aorganization%3A7)"),
                "the body form: characters other than the grammar's taken as they are");
        assertEquals("aA", RestLiCodec.parse("a%41"), "an element is decoded; a simple key in a body is never one");
        for (String bad : List.of("List(", "(a)", "a:b", "%ZZ", "%C0%80", "%ED%A0%80", "(a:b))", "(a:1,a:2)", "")) {
            assertThrows(IllegalArgumentException.class, () -> RestLiCodec.parse(bad), bad);
        }
    }

    @Test
    void writesKeysForBodiesAsEncodeKeyForBodyDoes() {
        assertEquals("c:1", RestLiCodec.bodyKey("c:1"));
        assertEquals("50%off", RestLiCodec.bodyKey("50%off"));
        assertEquals("(%2C:List(%27,%28,%29,%3A))", RestLiCodec.bodyKey(Map.of(",", List.of("'", "(", ")", ":"))));
        assertEquals("(this is a key:List(/,=,&))", RestLiCodec.bodyKey(Map.of("this is a key", List.of("/", "=", "&"))));
        assertEquals("(%2525:%25)", RestLiCodec.bodyKey(Map.of("%25", "%")));
        assertEquals("('':'')", RestLiCodec.bodyKey(Map.of("", "")));
    }

    @Test
    void agreesWithTheSdksCodecOnRandomValues() {
        Random random = new Random(20250611);
        for (int i = 0; i < 5_000; i++) {
            Object value = value(random, 3);
            String where = "case " + i + ": " + value;
            assertEquals(RestLi.encodeKeyForBody(value), RestLiCodec.bodyKey(value), where);
            if ("".equals(value)) {
                continue; // no key is empty; the SDK writes a lone empty string as nothing, Rest.li as ''
            }
            assertEquals(RestLi.encode(value), RestLiCodec.uriForm(value), where);
            assertEquals(value, RestLiCodec.parse(RestLi.encode(value)), where);
            if (!(value instanceof String)) {
                assertEquals(value, RestLiCodec.parse(RestLi.encodeKeyForBody(value)), where);
            }
        }
    }

    private static Object value(Random random, int depth) {
        int kind = random.nextInt(depth > 0 ? 8 : 5);
        if (kind < 5) {
            StringBuilder text = new StringBuilder();
            String alphabet = "aZ09-_.~ :,()'%/é文🙂List";
            for (int n = random.nextInt(6); n > 0; n--) {
                text.appendCodePoint(alphabet.codePoints().toArray()[random.nextInt((int) alphabet.codePoints().count())]);
            }
            return text.toString();
        }
        if (kind < 7) {
            List<Object> list = new ArrayList<>();
            for (int n = random.nextInt(4); n > 0; n--) {
                list.add(value(random, depth - 1));
            }
            return list;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int n = random.nextInt(4); n > 0; n--) {
            map.put((String) value(random, 0), value(random, depth - 1));
        }
        return map;
    }
}
