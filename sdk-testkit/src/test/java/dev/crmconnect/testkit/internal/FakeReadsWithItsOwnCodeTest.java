package dev.crmconnect.testkit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The fake checks what the SDK sends with its own code: were it to read bodies through the SDK's
 * internals (its JSON mapper above all), a mapping bug would hide on both sides.
 */
class FakeReadsWithItsOwnCodeTest {

    @Test
    void noMainSourceImportsTheSdksInternals() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            List<Path> offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(FakeReadsWithItsOwnCodeTest::importsSdkInternals)
                    .toList();
            assertEquals(List.of(), offenders);
        }
    }

    private static boolean importsSdkInternals(Path file) {
        try {
            return Files.readString(file).contains("import dev.crmconnect.sdk.internal.");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
