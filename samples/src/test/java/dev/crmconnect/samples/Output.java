package dev.crmconnect.samples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Captures what a sample prints. */
final class Output {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    /** The stream to hand to the sample. */
    final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    /** Everything printed so far. */
    String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
