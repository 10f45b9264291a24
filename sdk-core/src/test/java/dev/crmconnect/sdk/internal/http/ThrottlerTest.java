package dev.crmconnect.sdk.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmconnect.sdk.Throttle;
import dev.crmconnect.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ThrottlerTest {

    private static final long WINDOW = Throttler.RECORD_WINDOW.toMillis();
    private static final Instant NOON = Instant.parse("2025-03-01T12:00:00Z");
    private static final long DAY_1 = Math.floorDiv(Instant.parse("2025-03-01T00:00:00Z").toEpochMilli(), 86_400_000L);
    private static final Duration LONG = Duration.ofDays(3);

    private final MutableClock clock = new MutableClock(NOON);

    @Test
    void theDefaultsAreLinkedInsQuotasAndDisabledIsNoThrottle() {
        Throttler throttler = Throttler.of(Throttle.defaults(), LONG, clock);
        for (int i = 0; i < 11; i++) {
            assertEquals(0, throttler.reserve(100), "batch " + i + ": a tenth of the quota, and one, go at once");
        }
        assertEquals(millis(610), throttler.reserve(100), "then one batch every 61 s / 100");
        assertNull(Throttler.of(Throttle.disabled(), LONG, clock));
    }

    @Test
    void afterABurstBatchesGoAtTheQuotasPaceAndTheWindowCapsEverySpan() {
        Throttler throttler = new Throttler(10_000, 100_000, LONG, clock);
        for (int i = 0; i < 11; i++) {
            assertEquals(0, throttler.reserve(100), "batch " + i);
        }
        for (int i = 11; i < 100; i++) {
            assertEquals(millis((i - 10) * 610L), throttler.reserve(100), "batch " + i + " at the pace");
        }
        // 10,000 records between 0 and 54.29 s: the window holds no more until the first burst leaves.
        for (int i = 100; i < 111; i++) {
            assertEquals(seconds(61), throttler.reserve(100), "batch " + i + " when the first burst has left");
        }
        assertEquals(millis(61_610), throttler.reserve(100), "batch 111 when the first paced batch has left");
        clock.advance(Duration.ofSeconds(61));
        assertEquals(millis(1_220), throttler.reserve(100), "the queue is kept as time passes");
    }

    @Test
    void callsWithRecordsTakeTurnsInOrderAndCallsWithoutRecordsDoNotQueue() {
        // 100 records a minute: 610 ms a record, a burst of 10 records.
        Throttler throttler = new Throttler(100, 100_000, LONG, clock);
        assertEquals(0, throttler.reserve(60));
        clock.advance(Duration.ofSeconds(10));
        assertEquals(seconds(51), throttler.reserve(60), "until the first 60 leave the window");
        assertEquals(millis(81_500), throttler.reserve(10), "paced behind the earlier call, never before it");
        assertEquals(seconds(112), throttler.reserve(40), "until the second 60 leave: 61 s after 61 s");
        assertEquals(0, throttler.reserve(0), "a read does not wait behind records");
        clock.advance(Duration.ofSeconds(51));
        assertEquals(millis(79_300), throttler.reserve(1), "still behind the 40 that waited, at the pace");
    }

    @Test
    void aBackgroundCallBooksNothingAheadSoAnInteractiveOneGoesFirst() {
        // 100 records a minute: 610 ms a record, a burst of 10 records.
        Throttler throttler = new Throttler(100, 100_000, LONG, clock);
        assertEquals(0, throttler.reserve(20, true), "free now: taken");
        assertEquals(millis(6_100), throttler.reserve(10, true), "not free now: told when to ask again");
        assertEquals(millis(6_100), throttler.reserve(10, true), "and nothing was booked");
        assertEquals(millis(6_100), throttler.reserve(10), "an interactive call books the next free time");
        assertEquals(millis(12_200), throttler.reserve(10, true), "behind it");
        clock.advance(Duration.ofMillis(6_100));
        assertEquals(millis(6_100), throttler.reserve(10, true), "the interactive call's time was kept for it");
        clock.advance(Duration.ofMillis(6_100));
        assertEquals(0, throttler.reserve(10, true));
    }

    @Test
    void noSpanOf61SecondsAndNoServerMinuteExceedsTheQuotaAndNoCallWaitsLongerThanNeeded() {
        int limit = 10_000;
        long seed = 20250301;
        Random random = new Random(seed);
        Throttler throttler = new Throttler(limit, 10_000_000, Duration.ofMinutes(2), clock);
        List<long[]> sent = new ArrayList<>(); // {reserved at, records}
        long serverMinuteOffset = random.nextInt(60_000);
        Map<Long, Integer> perServerMinute = new HashMap<>();
        long previousAt = Long.MIN_VALUE;
        // The pace, modelled apart: records are paid for at 61 s / limit each, a tenth of the limit ahead.
        double millisPerRecord = (double) WINDOW / limit;
        double burstMillis = millisPerRecord * (limit / Throttler.BURST_DIVISOR);
        double pacedUntil = Double.NEGATIVE_INFINITY;
        int refused = 0;
        for (int i = 0; i < 20_000; i++) {
            // About 270 records a second against 164 allowed: a queue builds up until calls are refused.
            clock.advance(Duration.ofMillis(random.nextInt(4) == 0 ? 0 : random.nextInt(500)));
            int records = 1 + random.nextInt(100);
            int before = throttler.recordsInWindow();
            long wait = throttler.reserve(records);
            if (wait < 0) {
                refused++;
                assertEquals(before, throttler.recordsInWindow(), "seed " + seed + ": a refusal reserves nothing");
                continue;
            }
            long at = clock.millis() + TimeUnit.NANOSECONDS.toMillis(wait);
            assertTrue(at >= previousAt, "seed " + seed + ": call " + i + " went before an earlier one");
            long paceAllows = Math.max(clock.millis(), (long) Math.ceil(pacedUntil - burstMillis));
            if (wait > 0 && at > previousAt && at > paceAllows) {
                // It waited for records to leave: just before its time they would not have fitted.
                assertTrue(recordsWithin(sent, at - WINDOW, at - 1) + records > limit,
                        "seed " + seed + ": call " + i + " waited longer than needed");
            }
            assertTrue(at >= paceAllows, "seed " + seed + ": call " + i + " ran ahead of the pace");
            pacedUntil = Math.max(pacedUntil, at) + records * millisPerRecord;
            previousAt = at;
            sent.add(new long[] {at, records});
            long arrival = at + random.nextInt(1_000);
            perServerMinute.merge(Math.floorDiv(arrival + serverMinuteOffset, 60_000), records, Integer::sum);
            assertTrue(throttler.recordsInWindow() <= limit, "seed " + seed + ": memory stays within a window");
        }
        for (long[] first : sent) {
            int inSpan = recordsWithin(sent, first[0], first[0] + WINDOW - 1);
            assertTrue(inSpan <= limit, "seed " + seed + ": " + inSpan + " records in 61 s from " + first[0]);
        }
        perServerMinute.forEach((minute, records) ->
                assertTrue(records <= limit, "seed " + seed + ": server minute " + minute + " saw " + records));
        assertTrue(refused > 0 && refused < 20_000, "the run exercised both outcomes: " + refused + " refused");
    }

    @Test
    void aWaitBeyondTheLimitIsRefusedAndReservesNothing() {
        Throttler throttler = new Throttler(100, 100_000, Duration.ofSeconds(10), clock);
        assertEquals(0, throttler.reserve(100));
        assertEquals(-1, throttler.reserve(50), "61 s exceeds the 10 s allowed");
        assertEquals(-1, throttler.reserve(101), "more than a window holds is never admitted");
        assertEquals(Map.of(DAY_1, 1), throttler.requestsByDay(), "the refused calls counted no request");
        clock.advance(Duration.ofSeconds(61));
        assertEquals(0, throttler.reserve(100), "the refused 50 hold no place in the window");
        assertEquals(Map.of(DAY_1, 2), throttler.requestsByDay());
    }

    @Test
    void onceTheDaysRequestsAreSpentTheNextWaitsUntilMidnightUtc() {
        Throttler throttler = new Throttler(10_000, 3, LONG, clock);
        for (int i = 0; i < 3; i++) {
            assertEquals(0, throttler.reserve(i == 0 ? 0 : 100));
        }
        assertEquals(hours(12), throttler.reserve(100), "the records could go, the request cannot");
        assertEquals(hours(12), throttler.reserve(0));
        assertEquals(hours(12), throttler.reserve(100));
        assertEquals(hours(36), throttler.reserve(0), "the next day's are spent too");
        assertEquals(Map.of(DAY_1, 3, DAY_1 + 1, 3, DAY_1 + 2, 1), throttler.requestsByDay());

        Throttler strict = new Throttler(10_000, 1, Duration.ofMinutes(2), clock);
        assertEquals(0, strict.reserve(100));
        assertEquals(-1, strict.reserve(100), "midnight is beyond the call timeout");
        assertEquals(Map.of(DAY_1, 1), strict.requestsByDay());
    }

    @Test
    void aRequestCountsToTheUtcDayOfItsTimeAndInItsLastSecondToTheNextDayToo() {
        Throttler throttler = new Throttler(10_000, 2, LONG, clock);
        clock.set(Instant.parse("2025-03-01T23:59:58.999Z"));
        assertEquals(0, throttler.reserve(100));
        assertEquals(Map.of(DAY_1, 1), throttler.requestsByDay());
        clock.set(Instant.parse("2025-03-01T23:59:59Z"));
        assertEquals(0, throttler.reserve(100), "it may arrive after midnight");
        assertEquals(Map.of(DAY_1, 2, DAY_1 + 1, 1), throttler.requestsByDay());
        clock.set(Instant.parse("2025-03-01T23:59:59.500Z"));
        assertEquals(millis(500), throttler.reserve(0), "the day is spent: until midnight");
        clock.set(Instant.parse("2025-03-02T00:00:00Z"));
        assertEquals(hours(24), throttler.reserve(0),
                "the last second's request and the one that waited for midnight spent the new day's");
        assertEquals(Map.of(DAY_1 + 1, 2, DAY_1 + 2, 1), throttler.requestsByDay(), "past days are forgotten");

        Throttler atMidnight = new Throttler(10_000, 1, LONG, clock);
        assertEquals(0, atMidnight.reserve(100));
        assertEquals(Map.of(DAY_1 + 1, 1), atMidnight.requestsByDay(), "00:00:00 is the new day alone");
    }

    @Test
    void concurrentCallsGetTheSameWaitsAsCallsInTurn() throws Exception {
        Throttler throttler = new Throttler(1_000, 100_000, LONG, clock);
        Map<Long, AtomicInteger> callsByWait = new ConcurrentHashMap<>();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                done.add(threads.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        callsByWait.computeIfAbsent(throttler.reserve(10), k -> new AtomicInteger()).incrementAndGet();
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        Map<Long, Integer> counts = new TreeMap<>();
        callsByWait.forEach((wait, n) -> counts.put(wait, n.get()));
        Throttler inTurn = new Throttler(1_000, 100_000, LONG, clock);
        Map<Long, Integer> expected = new TreeMap<>();
        for (int i = 0; i < 400; i++) {
            expected.merge(inTurn.reserve(10), 1, Integer::sum);
        }
        assertEquals(expected, counts);
        assertEquals(11, counts.get(0L), "the burst: a tenth of the quota and one call");
    }

    /** The records reserved from {@code fromMillis} to {@code toMillis} inclusive; {@code sent} is in time order. */
    private static int recordsWithin(List<long[]> sent, long fromMillis, long toMillis) {
        int low = 0;
        int high = sent.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sent.get(mid)[0] < fromMillis) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        int sum = 0;
        for (int i = low; i < sent.size() && sent.get(i)[0] <= toMillis; i++) {
            sum += (int) sent.get(i)[1];
        }
        return sum;
    }

    private static long millis(long n) {
        return TimeUnit.MILLISECONDS.toNanos(n);
    }

    private static long seconds(long n) {
        return TimeUnit.SECONDS.toNanos(n);
    }

    private static long hours(long n) {
        return TimeUnit.HOURS.toNanos(n);
    }
}
