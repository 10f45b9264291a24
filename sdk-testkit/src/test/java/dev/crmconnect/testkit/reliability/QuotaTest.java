package dev.crmconnect.testkit.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmconnect.model.Contact;
import dev.crmconnect.sdk.BatchResult;
import dev.crmconnect.sdk.CrmConnectClient;
import dev.crmconnect.sdk.RecordResult.Outcome;
import dev.crmconnect.sdk.RetryPolicy;
import dev.crmconnect.sdk.Throttle;
import dev.crmconnect.testkit.FakeCrmConnect;
import dev.crmconnect.testkit.FakeTenant;
import dev.crmconnect.testkit.JournalEntry;
import dev.crmconnect.testkit.Quotas;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The client-side throttle against the fake's records-per-minute quota. The throttle keeps no
 * 61 seconds above the quota on the client's clock (the system's); the fake counts records in
 * fixed minutes of its own clock, which here follows real time, set to the start of a minute as
 * the sync begins. A sync of 6,200 records at 6,100 a minute sends the quota at once and the
 * last batch 61 seconds later, so it lasts just over a minute.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class QuotaTest {

    static final int RECORDS_PER_MINUTE = 6_100;
    static final int REQUESTS_PER_DAY = 100_000;
    static final int RECORDS = 6_200;
    private static final String ORG = "urn:li:organization:1001";
    private static final FakeTenant TENANT = new FakeTenant("client-q", "secret-q", ORG);

    @Test
    void theThrottleKeepsASyncLongerThanAMinuteUnderTheQuotaWithoutA429() throws Exception {
        List<Contact> contacts = new SyncData(7).contacts(RECORDS);
        try (FakeCrmConnect fake = FakeCrmConnect.builder().tenant(TENANT)
                .quotas(Quotas.of(RECORDS_PER_MINUTE, REQUESTS_PER_DAY, Quotas.RetryAfter.SECONDS)).start();
             CrmConnectClient client = client(fake, Throttle.of(RECORDS_PER_MINUTE, REQUESTS_PER_DAY))) {
            startOfAMinute(fake);
            long started = System.nanoTime();
            BatchResult result = client.contacts().upsertAsync(contacts).get(3, TimeUnit.MINUTES);
            long tookMillis = (System.nanoTime() - started) / 1_000_000;

            assertEquals(RECORDS, result.count(Outcome.STORED), result.toString());
            List<JournalEntry> journal = fake.journal();
            assertEquals(0, journal.stream().filter(e -> e.status() == 429).count(), "not a single 429");
            Map<Long, Integer> perMinute = recordsPerFakeMinute(journal);
            int peak = perMinute.values().stream().max(Integer::compare).orElse(0);
            assertTrue(perMinute.size() >= 2, "the sync outlasted a minute of the fake: " + perMinute);
            assertTrue(peak <= RECORDS_PER_MINUTE, "peak " + peak);
            assertTrue(peak >= RECORDS_PER_MINUTE * 95 / 100, "the throttle used the quota: peak " + peak);
            System.out.printf("quota recordsPerMinute=%d records=%d tookMillis=%d perFakeMinute=%s peak=%d"
                            + " slidingPeak=%d%n", RECORDS_PER_MINUTE, RECORDS, tookMillis, perMinute.values(), peak,
                    slidingPeak(journal));
        }
    }

    @Test
    void withoutTheThrottleTheSameSyncMeetsTheQuota() throws Exception {
        List<Contact> contacts = new SyncData(7).contacts(RECORDS);
        try (FakeCrmConnect fake = FakeCrmConnect.builder().tenant(TENANT)
                .quotas(Quotas.of(RECORDS_PER_MINUTE, REQUESTS_PER_DAY, Quotas.RetryAfter.SECONDS)).start();
             CrmConnectClient client = client(fake, Throttle.disabled())) {
            fake.clock().freeze(); // one fake minute for the whole run
            BatchResult result = client.contacts().upsertAsync(contacts).get(1, TimeUnit.MINUTES);

            assertEquals(RECORDS_PER_MINUTE, result.count(Outcome.STORED), result.toString());
            assertEquals(RECORDS - RECORDS_PER_MINUTE, result.count(Outcome.FAILED));
            assertTrue(result.failed().stream().allMatch(r -> r.status() == 429), result.failed().toString());
        }
    }

    private static CrmConnectClient client(FakeCrmConnect fake, Throttle throttle) {
        return CrmConnectClient.builder()
                .baseUrl(fake.baseUrl())
                .tokenUrl(fake.tokenUrl())
                .credentials(TENANT.clientId(), TENANT.clientSecret())
                .integrationContext(ORG)
                .throttle(throttle)
                .retryPolicy(RetryPolicy.none()) // a 429 would fail its records instead of hiding in a retry
                .callTimeout(Duration.ofMinutes(2))
                .build();
    }

    /** Moves the fake's clock, still ticking, to the start of the next minute. */
    private static void startOfAMinute(FakeCrmConnect fake) {
        long now = fake.clock().millis();
        fake.clock().set(Instant.ofEpochMilli((now / 60_000 + 1) * 60_000));
    }

    private static Map<Long, Integer> recordsPerFakeMinute(List<JournalEntry> journal) {
        Map<Long, Integer> perMinute = new TreeMap<>();
        for (JournalEntry e : journal) {
            if ("BATCH_UPDATE".equals(e.restLiMethod())) {
                perMinute.merge(e.at().toEpochMilli() / 60_000, e.keys().size(), Integer::sum);
            }
        }
        return perMinute;
    }

    /** The most records that arrived within any 60 seconds, however they fall against the fake's minutes. */
    private static int slidingPeak(List<JournalEntry> journal) {
        List<JournalEntry> writes = journal.stream().filter(e -> "BATCH_UPDATE".equals(e.restLiMethod())).toList();
        int peak = 0;
        for (int i = 0; i < writes.size(); i++) {
            int sum = 0;
            for (int j = i; j < writes.size()
                    && writes.get(j).at().isBefore(writes.get(i).at().plusSeconds(60)); j++) {
                sum += writes.get(j).keys().size();
            }
            peak = Math.max(peak, sum);
        }
        return peak;
    }
}
