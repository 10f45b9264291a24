package dev.crmconnect.testkit.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmconnect.model.Contact;
import dev.crmconnect.model.Note;
import dev.crmconnect.model.Pool;
import dev.crmconnect.model.SyncedRecord;
import dev.crmconnect.sdk.BatchResult;
import dev.crmconnect.sdk.CrmConnectClient;
import dev.crmconnect.sdk.RecordResult.Outcome;
import dev.crmconnect.sdk.RecordResult;
import dev.crmconnect.sdk.RetryPolicy;
import dev.crmconnect.sdk.Throttle;
import dev.crmconnect.sdk.exception.TransportException;
import dev.crmconnect.sdk.internal.json.Json;
import dev.crmconnect.testkit.FakeCrmConnect;
import dev.crmconnect.testkit.FakeTenant;
import dev.crmconnect.testkit.Faults;
import dev.crmconnect.testkit.JournalEntry;
import dev.crmconnect.testkit.Quotas;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A long sync through seeded faults: 100,000 records (contacts, pools, notes) against the fake
 * answering 10% of calls with a 5xx, resetting 2% of connections, sending 2% of bodies too slowly
 * for the client's attempt timeout (the fake has stored the batch; the client never learns it),
 * and throttling bursts of calls with 429 and {@code Retry-After}. Checks, record for record, that
 * each per-record result is true, that no record was acknowledged twice, and, after re-sending
 * what failed, that the fake holds exactly what was sent.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ChaosSyncTest {

    static final long SEED = 20_250_611L;
    static final int CONTACTS = 80_000;
    static final int POOLS = 5_000;
    static final int NOTES = 15_000;
    /** Fewer than the default 4, so that some batches run out of attempts and the FAILED path is exercised. */
    static final int ATTEMPTS = 3;
    /** A burst of 429s on the path of every this-many-th attempt. */
    static final int BURST_EVERY = 150;
    static final int BURST_LENGTH = 8;
    static final int MAX_PASSES = 5;

    private static final String ORG = "urn:li:organization:1001";
    private static final FakeTenant TENANT = new FakeTenant("client-a", "secret-a", ORG);

    /** Per-record tallies of one resource's first pass. */
    record Tally(String resource, int stored, int failedAbsent, int failedButStored, int lostAnswers,
                 long appliedMoreThanOnce) {
    }

    @Test
    void aHundredThousandRecordsUnderSeededFaultsEndExactlyAsSent() throws Exception {
        SyncData data = new SyncData(SEED);
        List<Contact> contacts = data.contacts(CONTACTS);
        List<Pool> pools = data.pools(POOLS);
        List<Note> notes = data.notes(NOTES, contacts);
        try (FakeCrmConnect fake = FakeCrmConnect.builder().tenant(TENANT).seed(SEED).quotas(Quotas.unlimited())
                .start()) {
            Faults faults = Faults.builder().seed(SEED)
                    .errorRate(0.10, 500, 502, 503, 504)
                    .resetRate(0.02)
                    .latency(Duration.ofMillis(1))
                    .slowBodies(0.02, Duration.ofMillis(1_500))
                    .build();
            fake.faults(faults);
            AttemptLog log = new AttemptLog((path, n) -> {
                if (n % BURST_EVERY == 0) {
                    fake.failNext(path, BURST_LENGTH, 429);
                }
            });
            long started = System.nanoTime();
            try (CrmConnectClient client = client(fake, log)) {
                BatchResult contactResults = await(client.contacts().upsertAsync(contacts));
                BatchResult poolResults = await(client.pools().upsertAsync(pools));
                BatchResult noteResults = await(client.notes().upsertAsync(notes));
                long firstPassMillis = (System.nanoTime() - started) / 1_000_000;

                List<JournalEntry> journal = fake.journal();
                assertTrue(journal.size() < 10_000, "the journal kept every call: " + journal.size());
                Map<String, Map<String, Map<String, Object>>> stored = fake.state(ORG).entities();
                List<Tally> tallies = List.of(
                        check("crmContacts", contacts, contactResults, stored, journal, log, Contact.class,
                                (c, id) -> c.toBuilder().crmId(id).build()),
                        check("crmPools", pools, poolResults, stored, journal, log, Pool.class,
                                (p, id) -> p.toBuilder().crmId(id).build()),
                        check("crmNotes", notes, noteResults, stored, journal, log, Note.class,
                                (n, id) -> n.toBuilder().crmId(id).build()));
                int lostAnswers = tallies.stream().mapToInt(Tally::lostAnswers).sum();
                long brokenAttempts = log.failures(TransportException.Reason.TIMEOUT.name())
                        + log.failures(TransportException.Reason.CONNECTION_LOST.name());
                assertTrue(lostAnswers <= brokenAttempts, "seed " + SEED + ": every answer the client missed is an"
                        + " attempt it saw time out or break: " + lostAnswers + " > " + brokenAttempts);

                int contactPasses = resendFailed(client.contacts()::upsertAsync, contacts, contactResults);
                int poolPasses = resendFailed(client.pools()::upsertAsync, pools, poolResults);
                int notePasses = resendFailed(client.notes()::upsertAsync, notes, noteResults);
                int passes = 1 + Math.max(contactPasses, Math.max(poolPasses, notePasses));
                Map<String, Map<String, Map<String, Object>>> last = fake.state(ORG).entities();
                assertStoredExactly("crmContacts", contacts, last, Contact.class, (c, id) -> c.toBuilder().crmId(id).build());
                assertStoredExactly("crmPools", pools, last, Pool.class, (p, id) -> p.toBuilder().crmId(id).build());
                assertStoredExactly("crmNotes", notes, last, Note.class, (n, id) -> n.toBuilder().crmId(id).build());

                Map<Integer, Long> statuses = new java.util.TreeMap<>();
                journal.forEach(e -> statuses.merge(e.status(), 1L, Long::sum));
                System.out.printf("chaos seed=%d records=%d firstPassMillis=%d totalMillis=%d passes=%d attempts=%d"
                                + " retries=%d fakeStatuses=%s clientFailures=%s tallies=%s%n",
                        SEED, contacts.size() + pools.size() + notes.size(), firstPassMillis,
                        (System.nanoTime() - started) / 1_000_000, passes, log.sent(), log.retries(), statuses,
                        log.failures(), tallies);
            }
        }
    }

    @Test
    void aRecordWhoseAnswersWereAllLostIsReportedFailedThoughTheFakeStoredIt() throws Exception {
        Contact contact = new SyncData(SEED).contacts(1).get(0);
        try (FakeCrmConnect fake = FakeCrmConnect.builder().tenant(TENANT).start()) {
            AttemptLog log = new AttemptLog((path, n) -> { });
            try (CrmConnectClient client = CrmConnectClient.builder().baseUrl(fake.baseUrl()).tokenUrl(fake.tokenUrl())
                    .credentials(TENANT.clientId(), TENANT.clientSecret()).integrationContext(ORG)
                    .retryPolicy(RetryPolicy.builder().maxAttempts(2).initialBackoff(Duration.ofMillis(1))
                            .maxBackoff(Duration.ofMillis(1)).build())
                    .attemptTimeout(Duration.ofSeconds(1)).listener(log).build()) {
                client.contacts().get(List.of("warm-up")); // the token, answered at once
                // Every answer now dribbles for longer than the client's attempt timeout: the fake
                // stores the batch, then the client gives up on the answer, twice.
                fake.faults(Faults.builder().seed(SEED).slowBodies(1.0, Duration.ofMillis(1_500)).build());
                RecordResult result = await(client.contacts().upsertAsync(List.of(contact))).results().get(0);

                assertEquals(Outcome.FAILED, result.outcome(), result.toString());
                TransportException cause = (TransportException) result.batchFailure().orElseThrow();
                assertEquals(TransportException.Reason.TIMEOUT, cause.reason());
                assertEquals(2, cause.attempts());
                WriteLedger ledger = new WriteLedger(fake.journal(), "/v2/crmContacts", log);
                assertEquals(0, ledger.acknowledged(contact.crmId()));
                assertEquals(2, ledger.lost(contact.crmId()), "both attempts were applied");
                Map<String, Object> held = fake.state(ORG).entities("crmContacts").get(contact.crmId());
                assertEquals(contact, read(held, Contact.class, contact.crmId(), (c, id) -> c.toBuilder().crmId(id)
                        .build()), "stored once, as sent: a full replace applied twice is the same record");
                assertEquals(1, fake.state(ORG).count("crmContacts"));
            }
        }
    }

    private static CrmConnectClient client(FakeCrmConnect fake, AttemptLog log) {
        return CrmConnectClient.builder()
                .baseUrl(fake.baseUrl())
                .tokenUrl(fake.tokenUrl())
                .credentials(TENANT.clientId(), TENANT.clientSecret())
                .integrationContext(ORG)
                .retryPolicy(RetryPolicy.builder().maxAttempts(ATTEMPTS).initialBackoff(Duration.ofMillis(10))
                        .maxBackoff(Duration.ofMillis(200)).build())
                .throttle(Throttle.disabled())
                .batchesInFlight(8)
                .attemptTimeout(Duration.ofSeconds(1))
                .callTimeout(Duration.ofSeconds(60))
                .listener(log)
                .build();
    }

    /**
     * Checks each record's result against the fake's state and journal: a STORED record is held
     * as sent and was acknowledged once; a FAILED one was never acknowledged, and is either absent
     * or held as sent because an attempt whose answer was lost applied it.
     */
    private static <T extends SyncedRecord> Tally check(String resource, List<T> sent, BatchResult result,
            Map<String, Map<String, Map<String, Object>>> state, List<JournalEntry> journal, AttemptLog log,
            Class<T> type, BiFunction<T, String, T> withId) {
        WriteLedger ledger = new WriteLedger(journal, "/v2/" + resource, log);
        Map<String, Map<String, Object>> stored = state.get(resource);
        assertEquals(sent.size(), result.results().size(), resource);
        int storedOk = 0;
        int failedAbsent = 0;
        int failedButStored = 0;
        Set<String> sentIds = new HashSet<>();
        for (int i = 0; i < sent.size(); i++) {
            T record = sent.get(i);
            RecordResult r = result.results().get(i);
            String id = record.crmId();
            sentIds.add(id);
            String where = "seed " + SEED + ", " + resource + " " + id + ": " + r;
            assertEquals(id, r.crmId(), where);
            assertTrue(ledger.acknowledged(id) <= 1, where + ": acknowledged " + ledger.acknowledged(id) + " times");
            Map<String, Object> held = stored.get(id);
            if (r.outcome() == Outcome.STORED) {
                assertNotNull(held, where + ": reported STORED but absent");
                assertEquals(record, read(held, type, id, withId), where);
                assertEquals(1, ledger.acknowledged(id), where);
                storedOk++;
            } else {
                assertEquals(Outcome.FAILED, r.outcome(), where);
                assertTrue(r.batchFailure().isPresent(), where + ": a failed batch carries its cause");
                assertEquals(0, ledger.acknowledged(id), where);
                if (held == null) {
                    assertEquals(0, ledger.lost(id), where + ": applied but absent");
                    failedAbsent++;
                } else {
                    assertTrue(ledger.lost(id) > 0, where + ": held though no attempt applied it");
                    assertEquals(record, read(held, type, id, withId), where);
                    failedButStored++;
                }
            }
        }
        assertTrue(sentIds.containsAll(stored.keySet()), resource + ": the fake holds records never sent");
        return new Tally(resource, storedOk, failedAbsent, failedButStored, ledger.lostAnswers(),
                ledger.appliedMoreThanOnce());
    }

    /** Re-sends the records that failed, as a vendor's next sync would, until none fails; returns the passes. */
    private static <T extends SyncedRecord> int resendFailed(
            Function<List<T>, CompletableFuture<BatchResult>> upsertAsync, List<T> sent, BatchResult first)
            throws Exception {
        List<T> failed = failedOf(sent, first);
        int passes = 0;
        while (!failed.isEmpty()) {
            assertTrue(++passes < MAX_PASSES, "seed " + SEED + ": still failing after " + passes + " passes: "
                    + failed.size());
            failed = failedOf(failed, await(upsertAsync.apply(failed)));
        }
        return passes;
    }

    private static <T> List<T> failedOf(List<T> sent, BatchResult result) {
        List<T> failed = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            if (result.results().get(i).outcome() == Outcome.FAILED) {
                failed.add(sent.get(i));
            }
        }
        return failed;
    }

    private static <T extends SyncedRecord> void assertStoredExactly(String resource, List<T> sent,
            Map<String, Map<String, Map<String, Object>>> state, Class<T> type, BiFunction<T, String, T> withId) {
        Map<String, Map<String, Object>> stored = state.get(resource);
        assertEquals(sent.size(), stored.size(), "seed " + SEED + ": " + resource + " count");
        for (T record : sent) {
            Map<String, Object> held = stored.get(record.crmId());
            assertNotNull(held, "seed " + SEED + ": " + resource + " " + record.crmId() + " absent");
            assertEquals(record, read(held, type, record.crmId(), withId), resource + " " + record.crmId());
        }
    }

    private static <T> T read(Map<String, Object> held, Class<T> type, String crmId, BiFunction<T, String, T> withId) {
        return withId.apply(Json.mapper().convertValue(held, type), crmId);
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(3, TimeUnit.MINUTES);
    }
}
