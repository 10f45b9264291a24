package dev.crmconnect.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.crmconnect.model.internal.Personal;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every public record of the model, component by component: its builder has a setter for it,
 * {@code toBuilder()} keeps it, it has a JSON name that the contract knows (or is one of the few
 * kept out of the body), {@code toString()} redacts it when it is marked {@link Personal}, and an
 * invalid value is refused with a message naming it. A new record needs a sample in
 * {@link #SAMPLES}; a new component needs a value in its record's sample. Failures name the record
 * and the component.
 */
class ModelContractTest {

    /** Records built by a static factory rather than a builder. */
    private static final Set<Class<?>> WITHOUT_BUILDER = Set.of(RecordKey.class);

    /** What a synced record keeps out of its JSON body: the key travels in the URL, a private record is never sent. */
    private static final Set<String> OUT_OF_BODY = Set.of("crmId", "contactCrmId", "visibility");

    /**
     * Valid samples of every record; between them, every component holds a value other than its
     * default, and the personal ones a value their redaction does not show in part.
     */
    private static final Map<Class<?>, List<Record>> SAMPLES = samples(
            Fixtures.address().build(),
            Fixtures.application().visibility(Visibility.PRIVATE).build(),
            Fixtures.contact().visibility(Visibility.PRIVATE).doNotContact(true).match(Fixtures.match().build()).build(),
            Fixtures.crmUser().build(),
            Fixtures.exportRequest().id("dr-1").status(DataRequestStatus.COMPLETED).createdAt(Fixtures.T1)
                    .completedAt(Fixtures.T2).downloadUrl("https://dl.example.com/export.zip?token=s3cr3t").build(),
            Fixtures.deletionRequest().build(),
            Fixtures.seatScope().build(),
            Fixtures.contractScope().build(),
            Fixtures.deletionNotice().build(),
            Fixtures.destination().build(),
            Fixtures.emailInteraction().visibility(Visibility.PRIVATE).build(),
            Fixtures.exportedCandidate().build(),
            Fixtures.location().build(),
            Fixtures.match().build(),
            Fixtures.note().visibility(Visibility.PRIVATE).build(),
            Fixtures.owner().build(),
            Fixtures.phone().extension("4321").build(),
            Fixtures.pool().visibility(Visibility.PRIVATE).build(),
            Fixtures.poolMember().visibility(Visibility.PRIVATE).build(),
            Fixtures.step("s2", 1).build(),
            RecordKey.of("c-42", "urn:li:organization:1001"),
            Fixtures.resume().build(),
            Fixtures.vacancy().visibility(Visibility.PRIVATE).build(),
            Fixtures.stage("onsite", 1).build());

    private static final ObjectMapper PLAIN_JACKSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    static Stream<Class<?>> records() throws IOException, URISyntaxException {
        Path dir = Path.of(Contact.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve(Contact.class.getPackageName().replace('.', '/'));
        List<Class<?>> records = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".class") && !name.contains("$")) {
                    Class<?> type = loadClass(Contact.class.getPackageName() + "." + name.replace(".class", ""));
                    if (type.isRecord() && Modifier.isPublic(type.getModifiers())) {
                        records.add(type);
                    }
                }
            }
        }
        return records.stream();
    }

    @Test
    void everyRecordIsFound() throws Exception {
        assertTrue(records().count() >= 20, "the scan of the model's classes found too few records");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void samplesGiveEveryComponentAValue(Class<?> type) {
        List<Record> samples = samples(type);
        List<String> problems = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            if (samples.stream().allMatch(s -> isDefault(value(c, s)))) {
                problems.add(name(c) + ": no sample holds a value other than null, empty, zero, false or PUBLIC");
            }
        }
        assertNoProblems(problems);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void builderHasASetterForEveryComponentAndRebuildsEverySample(Class<?> type) throws Exception {
        if (WITHOUT_BUILDER.contains(type)) {
            assertTrue(Arrays.stream(type.getMethods()).noneMatch(m -> m.getName().equals("builder")),
                    type.getSimpleName() + " has a builder: take it out of WITHOUT_BUILDER");
            return;
        }
        Method builder = type.getMethod("builder");
        List<String> problems = new ArrayList<>();
        Map<RecordComponent, Method> setters = new LinkedHashMap<>();
        for (RecordComponent c : type.getRecordComponents()) {
            Method setter = setter(builder.getReturnType(), c);
            if (setter == null) {
                problems.add(name(c) + ": the builder has no setter " + c.getName() + " or " + jsonName(c)
                        + " taking " + c.getGenericType().getTypeName());
            } else {
                setters.put(c, setter);
            }
        }
        assertNoProblems(problems);
        for (Record sample : samples(type)) {
            Object b = builder.invoke(null);
            for (Map.Entry<RecordComponent, Method> setter : setters.entrySet()) {
                setter.getValue().invoke(b, value(setter.getKey(), sample));
            }
            Object built = b.getClass().getMethod("build").invoke(b);
            assertSameComponents(sample, built, "builder().<every setter>.build()");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void toBuilderKeepsEveryComponent(Class<?> type) throws Exception {
        if (WITHOUT_BUILDER.contains(type)) {
            return;
        }
        Method toBuilder = type.getMethod("toBuilder");
        for (Record sample : samples(type)) {
            Object b = toBuilder.invoke(sample);
            Object built = b.getClass().getMethod("build").invoke(b);
            assertSameComponents(sample, built, "toBuilder().build()");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void everyComponentHasAJsonNameTheContractKnows(Class<?> type) throws Exception {
        Set<String> contractNames = contractFieldNames();
        List<String> problems = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            String json = jsonName(c);
            if (json == null) {
                if (!SyncedRecord.class.isAssignableFrom(type) || !OUT_OF_BODY.contains(c.getName())) {
                    problems.add(name(c) + ": has no JSON name (@JsonIgnore), but only a synced record's key and"
                            + " visibility stay out of the body");
                }
            } else if (!contractNames.contains(json)) {
                problems.add(name(c) + ": JSON name '" + json + "' is no field of docs/CONTRACT.md's entities");
            }
        }
        assertNoProblems(problems);
        for (Record sample : samples(type)) {
            JsonNode written = PLAIN_JACKSON.valueToTree(sample);
            Set<String> expected = new TreeSet<>();
            for (RecordComponent c : type.getRecordComponents()) {
                if (jsonName(c) != null && !isEmpty(value(c, sample))) {
                    expected.add(jsonName(c));
                }
            }
            Set<String> actual = new TreeSet<>();
            written.fieldNames().forEachRemaining(actual::add);
            assertEquals(expected, actual, type.getSimpleName() + ": the JSON fields written for " + sample);
            Object read = PLAIN_JACKSON.treeToValue(written, type);
            for (RecordComponent c : type.getRecordComponents()) {
                if (jsonName(c) != null) {
                    assertEquals(value(c, sample), value(c, read), name(c) + ": changed on a JSON round trip as "
                            + jsonName(c));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void toStringRedactsPersonalComponentsAndShowsTheOthers(Class<?> type) {
        List<String> problems = new ArrayList<>();
        for (Record sample : samples(type)) {
            String text = sample.toString();
            for (RecordComponent c : type.getRecordComponents()) {
                Object value = value(c, sample);
                if (isEmpty(value)) {
                    continue;
                }
                boolean labelled = text.contains(c.getName() + "=") || text.contains(jsonName(c) + "=");
                if (c.isAnnotationPresent(Personal.class)) {
                    List<?> parts = value instanceof Collection<?> values ? List.copyOf(values) : List.of(value);
                    for (Object part : parts) {
                        if (!(part instanceof String s)) {
                            problems.add(name(c) + ": @Personal, but not text; nested records redact themselves");
                        } else if (text.contains(s)) {
                            problems.add(name(c) + ": personal, yet toString() shows it: " + text);
                        }
                    }
                    if (!labelled) {
                        problems.add(name(c) + ": toString() leaves it out rather than redacting it: " + text);
                    }
                } else if (!text.contains(c.getName() + "=" + value) && !text.contains(jsonName(c) + "=" + value)) {
                    problems.add(name(c) + ": not personal, yet toString() does not show it: " + text);
                }
            }
        }
        assertNoProblems(problems);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void anInvalidValueIsRefusedNamingTheComponent(Class<?> type) throws Exception {
        Constructor<?> canonical = type.getDeclaredConstructor(
                Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType).toArray(Class<?>[]::new));
        String entity = Character.toLowerCase(type.getSimpleName().charAt(0)) + type.getSimpleName().substring(1);
        List<String> problems = new ArrayList<>();
        RecordComponent[] components = type.getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            String path = entity + "." + (jsonName(c) == null ? c.getName() : jsonName(c));
            Object invalid;
            if (c.getType() == String.class) {
                invalid = "bad\u0000value";
            } else if (c.getType() == List.class && elementType(c) == String.class) {
                invalid = List.of("bad\u0000value");
                path += "[0]";
            } else if (c.getType() == List.class) {
                invalid = Arrays.asList((Object) null);
                path += "[0]";
            } else if (c.getType() == int.class || c.getType() == long.class) {
                invalid = c.getType() == int.class ? (Object) (-1) : (Object) (-1L);
            } else {
                continue; // Booleans, instants, enums and nested records: nothing to refuse here.
            }
            Object[] args = args(sampleWithValue(type, c));
            args[i] = invalid;
            try {
                canonical.newInstance(args);
                problems.add(name(c) + ": accepted the invalid value " + printable(invalid));
            } catch (InvocationTargetException e) {
                String message = e.getCause().getMessage();
                if (!(e.getCause() instanceof IllegalArgumentException) || !message.startsWith(path + ": ")) {
                    problems.add(name(c) + ": refused " + printable(invalid) + " with '" + message
                            + "', which does not begin with '" + path + ": '");
                } else if (message.contains("bad")) {
                    problems.add(name(c) + ": the message echoes the value: " + message);
                }
            }
        }
        assertNoProblems(problems);
    }

    // --- helpers -------------------------------------------------------------------------------

    private static Map<Class<?>, List<Record>> samples(Record... samples) {
        Map<Class<?>, List<Record>> byType = new LinkedHashMap<>();
        for (Record sample : samples) {
            byType.computeIfAbsent(sample.getClass(), t -> new ArrayList<>()).add(sample);
        }
        return byType;
    }

    private static List<Record> samples(Class<?> type) {
        List<Record> samples = SAMPLES.get(type);
        if (samples == null) {
            fail(type.getSimpleName() + ": no sample; add one to ModelContractTest.SAMPLES");
        }
        return samples;
    }

    private static Record sampleWithValue(Class<?> type, RecordComponent c) {
        return samples(type).stream().filter(s -> !isDefault(value(c, s))).findFirst().orElse(samples(type).get(0));
    }

    private static String name(RecordComponent c) {
        return c.getDeclaringRecord().getSimpleName() + "." + c.getName();
    }

    /** The component's name in a JSON body, or null when it is kept out of it. */
    private static String jsonName(RecordComponent c) {
        try {
            // Jackson's annotations reach the field and the accessor, not the component itself.
            var field = c.getDeclaringRecord().getDeclaredField(c.getName());
            if (field.isAnnotationPresent(JsonIgnore.class)) {
                return null;
            }
            JsonProperty property = field.getAnnotation(JsonProperty.class);
            return property == null || property.value().isEmpty() ? c.getName() : property.value();
        } catch (NoSuchFieldException e) {
            throw new AssertionError(e);
        }
    }

    /** The single-argument builder method named as the component or its JSON name that takes its value as it is. */
    private static Method setter(Class<?> builder, RecordComponent c) {
        for (Method m : builder.getMethods()) {
            boolean named = m.getName().equals(c.getName()) || m.getName().equals(jsonName(c));
            if (named && m.getParameterCount() == 1 && m.getReturnType() == builder
                    && accepts(m.getGenericParameterTypes()[0], c.getGenericType())) {
                return m;
            }
        }
        return null;
    }

    private static boolean accepts(Type parameter, Type component) {
        if (parameter instanceof ParameterizedType p && component instanceof ParameterizedType v) {
            return ((Class<?>) p.getRawType()).isAssignableFrom((Class<?>) v.getRawType())
                    && Arrays.equals(p.getActualTypeArguments(), v.getActualTypeArguments());
        }
        return parameter instanceof Class<?> p && component instanceof Class<?> v && p.isAssignableFrom(v);
    }

    private static Type elementType(RecordComponent c) {
        return ((ParameterizedType) c.getGenericType()).getActualTypeArguments()[0];
    }

    private static Object value(RecordComponent c, Object record) {
        try {
            return c.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(name(c), e);
        }
    }

    private static Object[] args(Record record) {
        return Arrays.stream(record.getClass().getRecordComponents()).map(c -> value(c, record)).toArray();
    }

    private static boolean isEmpty(Object value) {
        return value == null || value instanceof Collection<?> c && c.isEmpty();
    }

    /** Null, empty, zero, false, or the builders' one non-null default, PUBLIC: a value a lost setter would not change. */
    private static boolean isDefault(Object value) {
        return isEmpty(value) || value instanceof Number n && n.longValue() == 0 || Boolean.FALSE.equals(value)
                || value == Visibility.PUBLIC;
    }

    private static void assertSameComponents(Record expected, Object actual, String how) {
        for (RecordComponent c : expected.getClass().getRecordComponents()) {
            assertEquals(value(c, expected), value(c, actual), name(c) + ": lost by " + how);
        }
    }

    private static void assertNoProblems(List<String> problems) {
        if (!problems.isEmpty()) {
            fail(problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
        }
    }

    private static String printable(Object value) {
        return String.valueOf(value).replace("\u0000", "\\u0000");
    }

    /** Every backquoted name in the entities section of docs/CONTRACT.md. */
    private static Set<String> contractFieldNames() throws IOException {
        String contract = Files.readString(Path.of("..", "docs", "CONTRACT.md"));
        int start = contract.indexOf("### Entities");
        int end = contract.indexOf("\n## ", start);
        assertTrue(start >= 0 && end > start, "docs/CONTRACT.md has no '### Entities' section");
        Set<String> names = new HashSet<>();
        Matcher m = Pattern.compile("`([A-Za-z][A-Za-z0-9]*)`").matcher(contract.substring(start, end));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static Class<?> loadClass(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(name, e);
        }
    }
}
