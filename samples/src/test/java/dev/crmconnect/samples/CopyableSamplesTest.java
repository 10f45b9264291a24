package dev.crmconnect.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The samples in {@code src/main} are meant to be copied into a CRM's code, so they use the JDK,
 * the SDK, Jackson and (the Spring Boot sample) Spring and the starter only: never the testkit (WireMock underneath), whose fake server only the demo
 * launchers in {@code src/test} start. The Maven scope keeps the testkit off the main compile
 * classpath; these checks say why, should someone widen the scope again.
 */
class CopyableSamplesTest {

    /** The tests run in the samples module's directory. */
    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path SOURCES = MODULE.resolve("src/main/java");
    /**
     * The Spring Boot sample adds Spring and the starter's API ({@code dev.crmconnect.spring.}): a Spring Boot
     * application is what it shows, and the starter is a published module like sdk-core.
     */
    private static final List<String> ALLOWED_IMPORTS = List.of("java.", "javax.", "com.sun.net.httpserver.",
            "dev.crmconnect.sdk.", "dev.crmconnect.model.", "com.fasterxml.jackson.", "org.slf4j.",
            "org.springframework.", "dev.crmconnect.spring.");
    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(?:static\\s+)?([\\w.]+(?:\\.\\*)?)\\s*;");
    /** Neither an import nor a fully qualified name, nor the shaded WireMock's packages. */
    private static final List<String> FORBIDDEN_TEXT = List.of("dev.crmconnect.testkit", "wiremock");

    @Test
    void theCopyableSourcesImportOnlyTheJdkTheSdkJacksonAndSpring() throws IOException {
        List<Path> sources = files(SOURCES, ".java");
        assertTrue(sources.stream().map(p -> p.getFileName().toString()).toList().containsAll(List.of(
                "NoticePollerSample.java", "SamplePolicy.java", "ContactSyncSample.java", "ContactCsv.java",
                "WebhookReceiverSample.java", "ApiTour.java")), "the samples moved: " + sources);

        List<String> violations = new ArrayList<>();
        for (Path source : sources) {
            List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String where = SOURCES.relativize(source) + ":" + (i + 1) + ": " + lines.get(i).strip();
                Matcher m = IMPORT.matcher(lines.get(i));
                if (m.find() && ALLOWED_IMPORTS.stream().noneMatch(m.group(1)::startsWith)) {
                    violations.add(where);
                }
                String lower = lines.get(i).toLowerCase(Locale.ROOT);
                if (FORBIDDEN_TEXT.stream().anyMatch(lower::contains)) {
                    violations.add(where);
                }
            }
        }
        assertEquals(List.of(), violations, "the samples in src/main must not need the testkit: move the code that"
                + " starts the fake server into a demo launcher in src/test");
    }

    @Test
    void noCompiledSampleClassReferencesTheTestkit() throws IOException, URISyntaxException {
        Path classes = Path.of(ContactSyncSample.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Path> compiled = files(classes, ".class");
        assertTrue(compiled.contains(classes.resolve("dev/crmconnect/samples/ContactSyncSample.class")), classes
                + " is not the samples' main output: " + compiled);
        assertFalse(Files.exists(classes.resolve("dev/crmconnect/samples/NoticePollerDemo.class")),
                "a demo launcher among the samples to copy");

        List<String> violations = new ArrayList<>();
        for (Path file : compiled) {
            // Every class a class file refers to is named in its constant pool, as dev/crmconnect/testkit/...
            String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
            if (text.contains("dev/crmconnect/testkit/") || text.contains("wiremock")) {
                violations.add(classes.relativize(file).toString());
            }
        }
        assertEquals(List.of(), violations, "compiled samples that refer to the testkit");
    }

    @Test
    void theTestkitIsOnlyATestDependencyOfTheSamples() throws IOException {
        String pom = Files.readString(MODULE.resolve("pom.xml"), StandardCharsets.UTF_8);
        Matcher dependency = Pattern.compile("<dependency>((?:(?!</dependency>).)*<artifactId>sdk-testkit</artifactId>"
                + "(?:(?!</dependency>).)*)</dependency>", Pattern.DOTALL).matcher(pom);

        assertTrue(dependency.find(), "no sdk-testkit dependency in samples/pom.xml");
        assertTrue(dependency.group(1).contains("<scope>test</scope>"), "sdk-testkit must stay test-scoped: "
                + dependency.group(1));
    }

    private static List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }
}
