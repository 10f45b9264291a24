package dev.crmconnect.sdk.restli;

import java.util.TreeMap;
import java.util.Collections;
import dev.crmconnect.model.RecordKey;
import dev.crmconnect.sdk.exception.RestLiSyntaxException;
import java.util.Map;
import java.util.Objects;

/**
 * The Rest.li 2.0 text form of keys and query parameters, as LinkedIn's servers read and write it.
 *
 * <p>Strings are percent-encoded as UTF-8, leaving only {@code A-Z a-z 0-9 - _ . ~} as they are
 * (uppercase hex); objects are {@code (k:v,k:v)} with fields in sorted order of their names; lists
 * are {@code List(a,b)}; numbers and booleans are written as Java prints them ({@code 123},
 * {@code 123.5}, {@code true}). A top-level null or empty string is written as nothing at all; an
 * empty string (or null) inside a list, an object or a query value is written {@code ''}, as
 * Rest.li does, so that {@code List('')} and {@code List()} stay apart.
 *
 * <p>What the text cannot tell apart, and so what does not survive {@code decode(encode(x))}:
 * <ul>
 *   <li>a number or boolean and its string: every scalar decodes as a String ({@code 123 -> "123"});
 *   <li>null and the empty string: both decode as {@code ""};
 *   <li>the kind of CharSequence, List or Map: decoding gives String, ArrayList and LinkedHashMap
 *       (fields in the order written, which is sorted when this class wrote them).
 * </ul>
 * Every tree of Strings (any well-formed Unicode), Lists and Maps with String keys, nested at
 * most 64 deep, comes back equal.
 *
 * <p>Keys inside JSON bodies (the map keys of batch requests and responses) have a form of their
 * own, {@link #encodeKeyForBody}: no URL escaping, as Rest.li's
 * {@code URIParamUtils.encodeKeyForBody} writes them. {@link #decode} reads a complex key in
 * that form too; a simple key in a body is the string itself and is never decoded.
 *
 * <p>The decoder is as lenient as Rest.li's: characters other than {@code ( ) , :} and {@code %}
 * may appear unescaped, hex may be lowercase, and an empty string may be written as nothing or as
 * {@code ''}. It is strict about structure and UTF-8: anything else is a
 * {@link RestLiSyntaxException} naming the position. All methods are stateless and thread-safe.
 */
public final class RestLi {

    /** Deepest nesting of lists and objects either way; deeper input is hostile or a cycle. */
    static final int MAX_DEPTH = 64;

    private RestLi() {
    }

    /**
     * A record's key as the Rest.li value the contract's complex keys are written from:
     * {@code {crmId, dataProvider: "CRM", integrationContext}}, fields in sorted order. The model
     * knows nothing of Rest.li; its keys' wire form lives here, beside the codec.
     *
     * @param key the record's key
     * @return an unmodifiable map sorted by name, for {@link #encode} or {@link #encodeKeyForBody}
     */
    public static Map<String, Object> keyValue(RecordKey key) {
        TreeMap<String, Object> value = new TreeMap<>();
        value.put("crmId", key.crmId());
        value.put("dataProvider", key.dataProvider());
        value.put("integrationContext", key.integrationContext());
        return Collections.unmodifiableSortedMap(value);
    }

    /**
     * Encodes null, CharSequence, Number, Boolean, List&lt;?&gt; or Map&lt;String,?&gt; (fields
     * written in sorted key order).
     *
     * @param value the value to encode
     * @return the Rest.li text; empty for null or an empty string
     * @throws IllegalArgumentException for another type, a non-String key, an unpaired surrogate
     *     or nesting deeper than 64
     */
    public static String encode(Object value) {
        if (value == null || value instanceof CharSequence text && text.length() == 0) {
            return "";
        }
        StringBuilder out = new StringBuilder(64);
        RestLiEncoder.writeValue(value, out, 0);
        return out.toString();
    }

    /**
     * Encodes a key as Rest.li 2.0 writes it in a JSON body, as a map key of a batch request's
     * {@code entities} or of a batch response's {@code results}, {@code statuses} and
     * {@code errors} ({@code URIParamUtils.encodeKeyForBody}, no URL escaping). A simple key (a
     * CharSequence, Number or Boolean) is its text as it is: {@code c:1} stays {@code c:1}. A
     * complex key (a Map&lt;String,?&gt; or a List&lt;?&gt;) is written as by {@link #encode},
     * but each string in it percent-encodes only {@code ( ) , : '} and {@code %} (uppercase hex)
     * and leaves every other character as it is:
     * {@code (crmId:a b%2Cc,dataProvider:CRM,integrationContext:urn%3Ali%3Aorganization%3A7)}.
     *
     * @param key the key; not null
     * @return the key's text for a body
     * @throws NullPointerException if {@code key} is null
     * @throws IllegalArgumentException for another type, a non-String field name, an unpaired
     *     surrogate or nesting deeper than 64
     */
    public static String encodeKeyForBody(Object key) {
        Objects.requireNonNull(key, "key");
        if (key instanceof CharSequence || key instanceof Number || key instanceof Boolean) {
            String text = key.toString();
            RestLiEncoder.checkWellFormed(text);
            return text;
        }
        StringBuilder out = new StringBuilder(64);
        RestLiEncoder.writeValue(key, out, 0, true);
        return out.toString();
    }

    /**
     * Decodes Rest.li text: returns a String, a List&lt;Object&gt; or a Map&lt;String,Object&gt;
     * (in the order written); scalars come back as Strings.
     *
     * @param encoded the Rest.li text; not null
     * @return the decoded tree
     * @throws NullPointerException if {@code encoded} is null
     * @throws RestLiSyntaxException if the text is not well-formed
     */
    public static Object decode(String encoded) {
        Objects.requireNonNull(encoded, "encoded");
        return RestLiParser.parseValue(encoded);
    }

    /**
     * Encodes query parameters: {@code name=value} pairs joined by {@code &} in sorted order of
     * names, both encoded as above. A parameter whose value is null is left out (not given).
     *
     * @param params the parameters by name; not null
     * @return the query, without a leading {@code ?}; empty when no parameter has a value
     * @throws NullPointerException if {@code params} is null
     * @throws IllegalArgumentException for an empty name or a value {@link #encode} refuses
     */
    public static String encodeQuery(Map<String, ?> params) {
        Objects.requireNonNull(params, "params");
        StringBuilder out = new StringBuilder(64);
        for (String name : RestLiEncoder.sortedKeys(params)) {
            Object value = params.get(name);
            if (value == null) {
                continue;
            }
            if (name.isEmpty()) {
                throw new IllegalArgumentException("Rest.li query parameter name: must not be empty");
            }
            if (out.length() > 0) {
                out.append('&');
            }
            RestLiEncoder.writeString(name, out);
            out.append('=');
            RestLiEncoder.writeValue(value, out, 0);
        }
        return out.toString();
    }

    /**
     * Decodes a query written by {@link #encodeQuery} (without the leading {@code ?}) into a map in
     * the order written; values as {@link #decode} returns them.
     *
     * @param query the query, without the leading {@code ?}; not null
     * @return the parameters by name, in the order written
     * @throws NullPointerException if {@code query} is null
     * @throws RestLiSyntaxException if it is not well-formed or a name is repeated
     */
    public static Map<String, Object> decodeQuery(String query) {
        Objects.requireNonNull(query, "query");
        return RestLiParser.parseQuery(query);
    }
}
