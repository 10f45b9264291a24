package dev.crmconnect.testkit.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.crmconnect.model.Contact;
import dev.crmconnect.sdk.internal.json.Json;
import dev.crmconnect.testkit.FakeCrmConnect;
import dev.crmconnect.testkit.FakeTenant;
import dev.crmconnect.testkit.JournalEntry;
import dev.crmconnect.testkit.Quotas;
import dev.crmconnect.testsupport.ExitWithParent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger's promise under crashes: a reconcile of 100,000 contacts in a child JVM, into a file
 * ledger, is killed with SIGKILL 10 times, each time once the fake has received another 9,000
 * records, and then a last run finishes. The fake must then hold every contact exactly as the
 * input has it, and no more records may have been sent twice than the batches in flight at the
 * kills could hold: an entry is written only after its record's acknowledgement, and what was
 * acknowledged is never sent again.
 */
class ReconcileCrashTest {

    static final String TENANT = "urn:li:organization:1001";
    static final String CLIENT_ID = "reconcile-client";
    static final String CLIENT_SECRET = "reconcile-secret";
    static final int RECORDS = 100_000;
    static final int KILLS = 10;
    static final int RECEIVED_BETWEEN_KILLS = 9_000;

    @TempDir
    Path temporary;

    @Test
    void theFakeHoldsTheInputAndOnlyTheBatchesInFlightAtAKillWereSentTwice() throws Exception {
        Path ledger = temporary.resolve("ledger");
        try (FakeCrmConnect fake = FakeCrmConnect.builder()
                .tenant(new FakeTenant(CLIENT_ID, CLIENT_SECRET, TENANT))
                .quotas(Quotas.unlimited())
                .start()) {
            List<Long> killedAt = new ArrayList<>();
            for (int kill = 1; kill <= KILLS; kill++) {
                killedAt.add(runAndKill(fake, ledger, (long) kill * RECEIVED_BETWEEN_KILLS));
            }
            String last = finish(fake, ledger);
            String context = "kills once the fake had received " + killedAt + " records; last run: " + last;

            List<JournalEntry> journal = fake.journal();
            assertTrue(journal.size() < 10_000, "the fake's journal keeps the last 10,000 calls; " + context);
            Map<String, Integer> received = new HashMap<>();
            for (JournalEntry entry : journal) {
                if ("BATCH_UPDATE".equals(entry.restLiMethod())) {
                    entry.keys().forEach(key -> received.merge((String) ((Map<?, ?>) key).get("crmId"), 1, Integer::sum));
                }
            }
            long twice = received.values().stream().mapToLong(n -> n - 1).sum();
            long bound = (long) KILLS * ReconcileChild.BATCHES_IN_FLIGHT * ReconcileChild.BATCH_SIZE;
            System.out.println("reconcile crash test: " + twice + " records sent twice (at most " + bound + "); "
                    + context);
            assertTrue(twice <= bound, twice + " records sent twice, more than the " + bound
                    + " the batches in flight at the kills could hold; " + context);

            Map<String, Map<String, Object>> held = fake.state(TENANT).entities("crmContacts");
            assertEquals(RECORDS, held.size(), context);
            assertEquals(RECORDS, received.size(), context);
            for (int i = 0; i < RECORDS; i++) {
                Contact expected = ReconcileChild.contact(i);
                Map<String, Object> body = held.get(expected.crmId());
                assertNotNull(body, expected.crmId() + " absent; " + context);
                Contact stored = Json.mapper().convertValue(body, Contact.class).toBuilder().crmId(expected.crmId())
                        .build();
                assertEquals(expected, stored, expected.crmId() + "; " + context);
            }
        }
    }

    /** Starts a child and kills it once the fake has received {@code target} records in all; returns the count then. */
    private long runAndKill(FakeCrmConnect fake, Path ledger, long target) throws Exception {
        Path errors = Files.createTempFile(temporary, "child-", ".err");
        Process child = start(fake, ledger, errors);
        long received;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while ((received = received(fake)) < target) {
                if (!child.isAlive()) {
                    fail("the child ended before the fake received " + target + " records (" + received + "): "
                            + new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                            + Files.readString(errors));
                }
                if (System.nanoTime() > deadline) {
                    fail("the fake received " + received + " of " + target + " records in time: "
                            + Files.readString(errors));
                }
                Thread.sleep(1);
            }
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        assertEquals(137, child.exitValue(), "the child was to die by SIGKILL: " + Files.readString(errors));
        return received;
    }

    /** Runs a child to the end; returns its {@code DONE} line. */
    private String finish(FakeCrmConnect fake, Path ledger) throws Exception {
        Path errors = Files.createTempFile(temporary, "child-", ".err");
        Process child = start(fake, ledger, errors);
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!child.waitFor(120, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            fail("the last run did not finish: " + Files.readString(errors));
        }
        assertEquals(0, child.exitValue(), Files.readString(errors));
        assertTrue(out.startsWith("DONE ") && out.endsWith(" 0"), out + Files.readString(errors));
        return out;
    }

    private static long received(FakeCrmConnect fake) {
        return fake.journal().stream().filter(e -> "BATCH_UPDATE".equals(e.restLiMethod()))
                .mapToLong(e -> e.keys().size()).sum();
    }

    private static Process start(FakeCrmConnect fake, Path ledger, Path errors) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                ExitWithParent.parentPidOption(), "-cp", System.getProperty("java.class.path"),
                ReconcileChild.class.getName(),
                ledger.toString(), fake.baseUrl(), fake.tokenUrl(), CLIENT_ID, CLIENT_SECRET, TENANT,
                Integer.toString(RECORDS))
                .redirectError(errors.toFile())
                .start();
    }
}
