package dev.crmconnect.sdk.internal.resource;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmconnect.sdk.privacy.DataRequestPolling;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DataRequestCallsTest {

    private static final long SEED = 20240607L;

    @Test
    void pollIntervalsDoubleUpToTheCapAndStayWithinHalfAndAll() {
        DataRequestPolling polling = DataRequestPolling.builder().random(new Random(SEED))
                .intervals(Duration.ofMillis(100), Duration.ofMillis(1_000)).build();
        for (int attempt = 1; attempt <= 12; attempt++) {
            long ceiling = Math.min(1_000, 100L << Math.min(attempt - 1, 20));
            long millis = DataRequestCalls.pollInterval(polling, attempt).toMillis();
            assertTrue(millis >= ceiling / 2 && millis <= ceiling, "seed " + SEED + ", attempt " + attempt + ": " + millis);
        }
    }
}
