package dev.crmconnect.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MutableClockTest {

    private static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

    @Test
    void standsStillUntilMoved() {
        MutableClock clock = new MutableClock(START);
        assertEquals(START, clock.instant());
        assertEquals(START.toEpochMilli(), clock.millis());
        clock.advance(Duration.ofMinutes(90));
        assertEquals(START.plusSeconds(5_400), clock.instant());
        clock.advance(Duration.ofMinutes(-30));
        assertEquals(START.plusSeconds(3_600), clock.instant());
        clock.set(START.minusSeconds(1));
        assertEquals(START.minusSeconds(1), Instant.now(clock));
    }

    @Test
    void isInUtcAndItsZonedViewsFollowIt() {
        MutableClock clock = new MutableClock(START);
        Clock paris = clock.withZone(ZoneId.of("Europe/Paris"));
        assertEquals(ZoneOffset.UTC, clock.getZone());
        assertSame(clock, clock.withZone(ZoneOffset.UTC));
        assertEquals(LocalTime.of(1, 0), LocalTime.now(paris));
        clock.advance(Duration.ofHours(2));
        assertEquals(LocalTime.of(3, 0), LocalTime.now(paris));
        assertSame(clock, paris.withZone(ZoneOffset.UTC));
    }
}
