package dev.crmconnect.sdk.restli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmconnect.model.RecordKey;
import dev.crmconnect.sdk.exception.RestLiSyntaxException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RestLiTest {

    @Test
    void everyAsciiCharacterButTheUnreservedIsEscapedInUppercaseHex() {
        for (char c = 0; c < 0x80; c++) {
            boolean unreserved = Character.isLetterOrDigit(c) || "-_.~".indexOf(c) >= 0;
            String expected = unreserved ? String.valueOf(c) : String.format("%%%02X", (int) c);
            assertEquals(expected, RestLi.encode(String.valueOf(c)), "character " + (int) c);
        }
    }

    @Test
    void nonAsciiTextIsEscapedAsUtf8() {
        assertEquals("%C3%A9", RestLi.encode("é"));
        assertEquals("%E4%B8%AD", RestLi.encode("中"));
        assertEquals("%F0%9F%98%80", RestLi.encode("\uD83D\uDE00"));
        assertEquals("e%CC%81", RestLi.encode("e\u0301"));
        assertEquals("%EF%BF%BF", RestLi.encode("\uFFFF"));
        assertEquals("x%20y", RestLi.encode(new StringBuilder("x y")));
    }

    @Test
    void numbersAndBooleansAreWrittenAsJavaPrintsThem() {
        assertEquals("-9223372036854775808", RestLi.encode(Long.MIN_VALUE));
        assertEquals("123.5", RestLi.encode(123.5));
        assertEquals("123.0", RestLi.encode(123.0));
        assertEquals("1.5", RestLi.encode(1.5f));
        assertEquals("1E%2B3", RestLi.encode(new BigDecimal("1E+3")));
        assertEquals("123456789012345678901234567890", RestLi.encode(new BigInteger("123456789012345678901234567890")));
        assertEquals("List(true,false)", RestLi.encode(List.of(true, false)));
    }

    @Test
    void fieldsAreSortedByNameWhateverTheMapsOrder() {
        Map<String, Object> map = new HashMap<>(Map.of("b", 4, "a", 3, "_", 2, "B", 1));
        assertEquals("(B:1,_:2,a:3,b:4)", RestLi.encode(map));
        assertEquals(RestLi.encode(new TreeMap<>(map)), RestLi.encode(new LinkedHashMap<>(map)));
        assertEquals(List.of("B", "_", "a", "b"), new ArrayList<>(((Map<?, ?>) RestLi.decode("(B:1,_:2,a:3,b:4)")).keySet()));
    }

    @Test
    void emptyStringsAreNothingAtTheTopAndQuotedInside() {
        assertEquals("", RestLi.encode(""));
        assertEquals("", RestLi.encode(null));
        assertEquals("List()", RestLi.encode(List.of()));
        assertEquals("List('')", RestLi.encode(List.of("")));
        assertEquals("List('','')", RestLi.encode(Arrays.asList(null, "")));
        assertEquals("()", RestLi.encode(Map.of()));
        assertEquals("('':'')", RestLi.encode(Map.of("", "")));
        assertEquals(List.of(), RestLi.decode("List()"));
        assertEquals(List.of(""), RestLi.decode("List('')"));
        assertEquals("", RestLi.decode("''"));
        assertEquals("", RestLi.decode(""));
        assertEquals("''", RestLi.decode("%27%27"), "escaped quotes are text");
    }

    @Test
    void decoderAcceptsWhatRestLiWritesLeniently() {
        assertEquals(Map.of("k", "", "m", ""), RestLi.decode("(k:,m:'')"));
        assertEquals(List.of("", "a", ""), RestLi.decode("List(,a,)"));
        assertEquals("é", RestLi.decode("%c3%a9"));
        assertEquals("a b'é+", RestLi.decode("a b'é+"));
        assertEquals("List", RestLi.decode("List"));
        assertEquals(List.of(List.of(), Map.of()), RestLi.decode("List(List(),())"));
    }

    @Test
    void queryParametersSkipNullsAndQuoteEmptyValues() {
        Map<String, Object> params = new HashMap<>();
        params.put("b", "");
        params.put("a", null);
        params.put("c", List.of("x y"));
        assertEquals("b=''&c=List(x%20y)", RestLi.encodeQuery(params));
        assertEquals("", RestLi.encodeQuery(Map.of()));
        assertEquals(Map.of(), RestLi.decodeQuery(""));
        assertEquals(Map.of("a", "", "b", ""), RestLi.decodeQuery("a=&b=''"));
        assertEquals(Map.of("a", "1=2"), RestLi.decodeQuery("a=1=2"));
    }

    @Test
    void unsupportedValuesAreRefusedWithTheRule() {
        IllegalArgumentException type = assertThrows(IllegalArgumentException.class, () -> RestLi.encode(Set.of("a")));
        assertTrue(type.getMessage().contains("unsupported type"), type.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RestLi.encode('c'));
        assertThrows(IllegalArgumentException.class, () -> RestLi.encode(Map.of(1, "a")));
        Map<String, Object> nullKey = new HashMap<>();
        nullKey.put(null, "a");
        assertThrows(IllegalArgumentException.class, () -> RestLi.encode(nullKey));
        assertThrows(IllegalArgumentException.class, () -> RestLi.encodeQuery(Map.of("", "a")));
    }

    @Test
    void unpairedSurrogatesAreRefusedWithoutQuotingTheText() {
        for (String text : List.of("secret\uD83D", "secret\uDE00x", "\uDE00\uD83D")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RestLi.encode(text));
            assertTrue(e.getMessage().contains("surrogate"), e.getMessage());
            assertFalse(e.getMessage().contains("secret"), e.getMessage());
        }
    }

    @Test
    void nestingIsBoundedBothWays() {
        Object deepest = "x";
        for (int i = 0; i < RestLi.MAX_DEPTH; i++) {
            deepest = i % 2 == 0 ? List.of(deepest) : Map.of("k", deepest);
        }
        String encoded = RestLi.encode(deepest);
        assertEquals(deepest, RestLi.decode(encoded));
        Object tooDeep = List.of(deepest);
        assertThrows(IllegalArgumentException.class, () -> RestLi.encode(tooDeep));
        RestLiSyntaxException e = assertThrows(RestLiSyntaxException.class, () -> RestLi.decode("List(" + encoded + ")"));
        assertTrue(e.getMessage().contains("64 nested"), e.getMessage());

        List<Object> cycle = new ArrayList<>();
        cycle.add(cycle);
        assertThrows(IllegalArgumentException.class, () -> RestLi.encode(cycle));
    }

    @Test
    void hostileNestingFailsAtTheLimitWithoutOverflowingTheStack() {
        RestLiSyntaxException e = assertThrows(RestLiSyntaxException.class, () -> RestLi.decode("(k:".repeat(100_000)));
        assertEquals(3 * RestLi.MAX_DEPTH, e.position());
        e = assertThrows(RestLiSyntaxException.class, () -> RestLi.decodeQuery("a=" + "List(".repeat(100_000)));
        assertEquals(2 + 5 * RestLi.MAX_DEPTH, e.position());
    }

    @Test
    void syntaxErrorsNeverQuoteTheInput() {
        RestLiSyntaxException e = assertThrows(RestLiSyntaxException.class,
                () -> RestLi.decode("(email:jane%40example.com"));
        assertFalse(e.getMessage().contains("jane"), e.getMessage());
        assertFalse(e.getMessage().contains("example"), e.getMessage());
    }

    static Stream<Arguments> malformedValues() {
        return Stream.of(
                Arguments.of("(", 1, "expected ':' after a field name, found end of input"),
                Arguments.of("List(", 5, "expected ',' or ')', found end of input"),
                Arguments.of("(a:b", 4, "expected ',' or ')'"),
                Arguments.of("(a)", 2, "expected ':' after a field name, found ')'"),
                Arguments.of("(a:b))", 5, "expected end of input, found ')'"),
                Arguments.of(")", 0, "expected end of input"),
                Arguments.of("a,b", 1, "expected end of input, found ','"),
                Arguments.of(":", 0, "expected end of input, found ':'"),
                Arguments.of("List(a)b", 7, "expected end of input, found 'b'"),
                Arguments.of("List(a\u00E9(", 7, "expected ',' or ')', found '('"),
                Arguments.of("List(a)\u00E9", 7, "expected end of input, found U+00E9"),
                Arguments.of("(a:List(b)", 10, "expected ',' or ')'"),
                Arguments.of("(List(a):b)", 5, "expected ':' after a field name, found '('"),
                Arguments.of("(a:b,a:c)", 5, "field name given twice"),
                Arguments.of("%", 0, "two hex digits after '%'"),
                Arguments.of("%4", 0, "two hex digits"),
                Arguments.of("ab%4", 2, "two hex digits"),
                Arguments.of("%G0", 0, "two hex digits"),
                Arguments.of("%\u0661\u0661", 0, "two hex digits"),
                Arguments.of("%C3", 3, "expected '%' and a UTF-8 continuation byte, found end of input"),
                Arguments.of("%C3a", 3, "expected '%' and a UTF-8 continuation byte, found 'a'"),
                Arguments.of("%C3%28", 3, "continuation byte (80 to BF), found byte 28"),
                Arguments.of("%C3%2", 3, "two hex digits"),
                Arguments.of("%80", 0, "first byte of a UTF-8 sequence, found byte 80"),
                Arguments.of("%FF", 0, "first byte"),
                Arguments.of("%C0%80", 0, "overlong"),
                Arguments.of("%E0%80%80", 0, "overlong"),
                Arguments.of("%ED%A0%80", 0, "surrogate"),
                Arguments.of("x%F4%90%80%80", 1, "above 10FFFF"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedValues")
    void malformedValuesNameThePositionAndWhatWasExpected(String input, int position, String message) {
        RestLiSyntaxException e = assertThrows(RestLiSyntaxException.class, () -> RestLi.decode(input));
        assertEquals(position, e.position(), e.getMessage());
        assertTrue(e.getMessage().startsWith("Malformed Rest.li text at position " + position + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    static Stream<Arguments> malformedQueries() {
        return Stream.of(
                Arguments.of("a", 1, "expected '=' after the parameter name, found end of input"),
                Arguments.of("a&b=1", 1, "expected '=' after the parameter name, found '&'"),
                Arguments.of("a=1&", 4, "expected a parameter name, found end of input"),
                Arguments.of("&a=1", 0, "expected a parameter name, found '&'"),
                Arguments.of("a=1&&b=2", 4, "expected a parameter name"),
                Arguments.of("=1", 0, "expected a parameter name, found '='"),
                Arguments.of("a=1&a=2", 4, "parameter name given twice"),
                Arguments.of("a(=1", 1, "expected '=' after the parameter name, found '('"),
                Arguments.of("a=(", 3, "expected ':'"),
                Arguments.of("a=1)", 3, "expected '&' or end of input, found ')'"),
                Arguments.of("a=List(1&b=2", 8, "expected ',' or ')', found end of input"),
                Arguments.of("a=%2", 2, "two hex digits"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedQueries")
    void malformedQueriesNameThePositionAndWhatWasExpected(String input, int position, String message) {
        RestLiSyntaxException e = assertThrows(RestLiSyntaxException.class, () -> RestLi.decodeQuery(input));
        assertEquals(position, e.position(), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void aRecordKeysValueIsSortedAndNamesTheCrmAsDataProvider() {
        RecordKey key = RecordKey.of("Zoë (ä,b):c", "urn:li:organization:7");
        Map<String, Object> value = RestLi.keyValue(key);
        assertEquals(List.of("crmId", "dataProvider", "integrationContext"), List.copyOf(value.keySet()));
        assertEquals(Map.of("crmId", "Zoë (ä,b):c", "dataProvider", "CRM", "integrationContext", "urn:li:organization:7"),
                value);
        assertThrows(UnsupportedOperationException.class, () -> value.put("x", "y"));
    }
}
