package dev.crmconnect.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.crmconnect.sdk.CrmConnectClient;
import dev.crmconnect.testkit.FakeCrmConnect;
import dev.crmconnect.testkit.FakeTenant;
import dev.crmconnect.testkit.TenantState;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** README.md's code and commands agree with the build. */
class ReadmeTest {

    /** The repository's root: the tests run in the samples module's directory. */
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @Test
    void theTourInTheReadmeIsApiTourJava() throws IOException {
        List<String> readme = Files.readAllLines(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        List<String> source = Files.readAllLines(
                ROOT.resolve("samples/src/main/java/dev/crmconnect/samples/ApiTour.java"), StandardCharsets.UTF_8);

        List<String> quoted = block(readme, "## A tour of the API", "```java");
        List<String> region = dedent(source.subList(indexOf(source, "// tour:begin") + 1, indexOf(source, "// tour:end")));

        assertEquals(String.join("\n", region), String.join("\n", quoted),
                "README.md's tour differs from ApiTour.java's tour region: copy the region into the README");
    }

    @Test
    void quickStartLineOneRunsThePollerSampleThroughItsProfile() throws IOException {
        List<String> readme = Files.readAllLines(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        List<String> quickStart = block(readme, "## Quick start", "```");
        String pom = Files.readString(ROOT.resolve("samples/pom.xml"), StandardCharsets.UTF_8);

        assertEquals(2, quickStart.size(), "two commands: " + quickStart);
        assertEquals("./mvnw -B -ntp -pl samples -am -DskipTests -Prun-poller package", quickStart.get(0));
        assertEquals("./mvnw -B verify", quickStart.get(1));
        assertTrue(pom.contains("<id>run-poller</id>")
                && pom.contains("<mainClass>dev.crmconnect.samples.NoticePollerDemo</mainClass>"), "samples/pom.xml");
    }

    @Test
    void everyProfileRunsADemoLauncherThatMavenCanCall() throws Exception {
        String pom = Files.readString(ROOT.resolve("samples/pom.xml"), StandardCharsets.UTF_8);
        Matcher mainClass = Pattern.compile("<mainClass>([\\w.]+)</mainClass>").matcher(pom);
        List<String> launchers = new ArrayList<>();
        while (mainClass.find()) {
            launchers.add(mainClass.group(1));
        }

        assertEquals(List.of("dev.crmconnect.samples.NoticePollerDemo", "dev.crmconnect.samples.ContactSyncDemo",
                "dev.crmconnect.samples.WebhookReceiverDemo"), launchers);
        for (String launcher : launchers) {
            Class<?> type = Class.forName(launcher);
            Method main = type.getMethod("main", String[].class);
            assertTrue(Modifier.isPublic(type.getModifiers()) && Modifier.isStatic(main.getModifiers()),
                    launcher + ": exec:java calls a public class's public static main");
        }
        assertTrue(pom.contains("<classpathScope>test</classpathScope>"), "the launchers are test classes");
    }

    @Test
    void theTourRunsAgainstTheFake(@TempDir Path checkpoints) throws Exception {
        String organization = "urn:li:organization:1001";
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        try (FakeCrmConnect fake = FakeCrmConnect.builder()
                .tenant(new FakeTenant("tour-client", "tour-secret", organization)).start();
             CrmConnectClient client = ApiTour.tour(fake.baseUrl(), fake.tokenUrl(), "tour-client", "tour-secret",
                     checkpoints, server)) {
            TenantState state = fake.state(organization);
            assertEquals(1, state.count("crmContacts"), "c-42 stored, the private c-43 never sent");
            assertEquals(1, state.count("crmPoolMembers"));
            assertEquals(1, state.count("crmNotes"));
            assertTrue(Files.isDirectory(checkpoints));
            assertEquals(organization, client.integrationContext());
        } finally {
            server.stop(0);
        }
    }

    /** The lines of the first fenced block opening with {@code fence} after the heading. */
    private static List<String> block(List<String> lines, String heading, String fence) {
        int start = indexOf(lines, heading);
        int open = start + 1;
        while (!lines.get(open).equals(fence)) {
            open++;
        }
        int close = open + 1;
        while (!lines.get(close).equals("```")) {
            close++;
        }
        return lines.subList(open + 1, close);
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(text)) {
                return i;
            }
        }
        throw new AssertionError("no line " + text);
    }

    private static List<String> dedent(List<String> lines) {
        int indent = lines.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length())
                .min().orElse(0);
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            out.add(line.isBlank() ? "" : line.substring(indent));
        }
        return out;
    }
}
