package dev.crmconnect.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each scenario on a few hundred records: it runs, and its last line is its headline figure. */
class HarnessTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) throws Exception {
        return Harness.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String lastLine() {
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        return lines.get(lines.size() - 1);
    }

    @Test
    void refusesAnUnknownScenarioOrOption() throws Exception {
        assertEquals(2, run());
        assertEquals(2, run("nope"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage"));
        assertEquals(2, run("poller", "--speed", "3"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown option --speed"));
        assertEquals(2, run("poller", "--records", "-5"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--records must be a positive whole number"));
    }

    @Test
    void pollerPrintsNoticesPerSecondLast() throws Exception {
        assertEquals(0, run("poller", "--records", "300"));
        assertTrue(lastLine().matches("poller file store = \\d+ notices/s"), lastLine());
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("| file ") && text.contains("| 300 "), text);
    }
}
