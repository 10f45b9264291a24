package dev.crmconnect.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ExitWithParentTest {

    @Test
    void aChildEndsWhenItsParentIsKilled() throws Exception {
        Process parent = java(List.of(), Parent.class);
        ProcessHandle child = null;
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(parent.getInputStream(),
                    StandardCharsets.UTF_8));
            boolean watching = false;
            while (child == null || !watching) {
                String line = lines.readLine();
                assertTrue(line != null, "the parent or the child ended early");
                if (line.startsWith("CHILD ")) {
                    child = ProcessHandle.of(Long.parseLong(line.substring(6))).orElseThrow();
                } else if (line.equals("WATCHING")) {
                    watching = true;
                }
            }
            parent.destroyForcibly();
            assertTrue(parent.waitFor(60, TimeUnit.SECONDS));

            child.onExit().get(60, TimeUnit.SECONDS);
            assertFalse(child.isAlive());
        } finally {
            parent.destroyForcibly();
            if (child != null) {
                child.destroyForcibly();
            }
        }
    }

    @Test
    void aChildWhoseParentIsAlreadyGoneEndsAtOnce() throws Exception {
        long notMyParent = ProcessHandle.current().pid() + 1_000_000;
        Process child = java(List.of("-D" + ExitWithParent.PARENT_PID_PROPERTY + "=" + notMyParent), Child.class);
        try {
            assertTrue(child.waitFor(60, TimeUnit.SECONDS));
            assertEquals(ExitWithParent.EXIT_STATUS, child.exitValue());
        } finally {
            child.destroyForcibly();
        }
    }

    private static Process java(List<String> options, Class<?> main) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", ExitWithParent.parentPidOption()));
        command.addAll(options);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    /** Starts a {@link Child} that shares its standard output, prints {@code CHILD <pid>}, then sleeps. */
    static final class Parent {

        public static void main(String[] args) throws Exception {
            ExitWithParent.watchParent();
            Process child = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", ExitWithParent.parentPidOption(),
                    "-cp", System.getProperty("java.class.path"), Child.class.getName())
                    .inheritIO()
                    .start();
            System.out.println("CHILD " + child.pid());
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    /** Watches its parent, prints {@code WATCHING}, then sleeps. */
    static final class Child {

        public static void main(String[] args) throws Exception {
            ExitWithParent.watchParent();
            System.out.println("WATCHING");
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
