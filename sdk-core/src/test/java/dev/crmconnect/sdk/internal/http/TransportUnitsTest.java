package dev.crmconnect.sdk.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmconnect.sdk.RetryPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TransportUnitsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void withheldMessagesKeepTypesAndStackTracesAndDropEveryMessageDownTheChain() {
        String served = "<html>jane.doe@example.com</html>";
        java.net.ProtocolException protocol = new java.net.ProtocolException("Invalid status line: \"" + served + "\"");
        java.io.IOException wrapper = new java.io.IOException(served, protocol);
        IllegalStateException ours = new IllegalStateException(served) { // an anonymous type: not made again
        };
        wrapper.addSuppressed(ours);
        ours.initCause(new java.io.UncheckedIOException(served, new java.io.EOFException(served)));
        protocol.addSuppressed(wrapper); // a cycle through the suppressed exceptions

        Throwable copy = WithheldMessages.copyOf(wrapper);

        assertEquals(java.io.IOException.class, copy.getClass());
        assertEquals(java.net.ProtocolException.class, copy.getCause().getClass());
        assertEquals("the response is not valid HTTP" + WithheldMessages.WITHHELD, copy.getCause().getMessage());
        assertTrue(Arrays.equals(protocol.getStackTrace(), copy.getCause().getStackTrace()));
        Throwable suppressed = copy.getSuppressed()[0];
        assertEquals(WithheldMessages.Withheld.class, suppressed.getClass());
        assertTrue(suppressed.getMessage().startsWith(ours.getClass().getName() + ": failed"), suppressed.getMessage());
        assertEquals(WithheldMessages.Withheld.class, suppressed.getCause().getClass(), "no public (String) constructor");
        assertEquals(java.io.EOFException.class, suppressed.getCause().getCause().getClass());
        assertTrue(copy.getCause().getSuppressed()[0] == copy, "the cycle is copied, not followed forever");
        java.io.StringWriter printed = new java.io.StringWriter();
        copy.printStackTrace(new java.io.PrintWriter(printed));
        assertTrue(!printed.toString().contains("jane.doe") && !printed.toString().contains("html"), printed::toString);
        assertEquals(null, WithheldMessages.copyOf(null));
    }

    @Test
    void retryAfterReadsSecondsAndHttpDates() {
        assertEquals(Optional.of(Duration.ofSeconds(120)), RetryAfter.parse(" 120 ", CLOCK));
        assertEquals(Optional.of(Duration.ofSeconds(30)), RetryAfter.parse("Sat, 01 Mar 2025 12:00:30 GMT", CLOCK));
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse("Sat, 01 Mar 2025 11:00:00 GMT", CLOCK));
        assertEquals(Optional.empty(), RetryAfter.parse("soon", CLOCK));
        assertEquals(Optional.empty(), RetryAfter.parse("-5", CLOCK));
        assertEquals(Optional.empty(), RetryAfter.parse(null, CLOCK));
        assertEquals(Optional.of(Duration.ofDays(366)), RetryAfter.parse("999999999999", CLOCK));
    }

    @Test
    void backoffIsFullJitterDoublingUpToTheCap() {
        RetryPolicy policy = RetryPolicy.builder().initialBackoff(Duration.ofMillis(100))
                .maxBackoff(Duration.ofMillis(1000)).build();
        assertEquals(0, Backoff.delayMillis(policy, 1, 0.0));
        assertEquals(2_000, Backoff.retryAfterMillis(2_000, 0.0), "never less than Retry-After");
        assertEquals(2_200, Backoff.retryAfterMillis(2_000, 0.999999), "at most a tenth more");
        assertEquals(61_000, Backoff.retryAfterMillis(60_000, 0.999999), "and at most a second more");
        assertEquals(0, Backoff.retryAfterMillis(0, 0.999999));
        assertEquals(100, Backoff.delayMillis(policy, 1, 0.999999));
        assertEquals(200, Backoff.delayMillis(policy, 2, 0.999999));
        assertEquals(800, Backoff.delayMillis(policy, 4, 0.999999));
        assertEquals(1000, Backoff.delayMillis(policy, 5, 0.999999));
        assertEquals(1000, Backoff.delayMillis(policy, 60, 0.999999));
        long seed = 42;
        Random random = new Random(seed);
        for (int i = 0; i < 1000; i++) {
            int attempt = 1 + random.nextInt(20);
            long delay = Backoff.delayMillis(policy, attempt, random.nextDouble());
            assertTrue(delay >= 0 && delay <= 1000, "seed " + seed + ": attempt " + attempt + " -> " + delay);
        }
    }

    @Test
    void serviceErrorsAreReadLenientlyAndMadePrintable() {
        ServiceError error = ServiceError.parse(("{\"message\":\"bad\\u0007 input\",\"serviceErrorCode\":100,"
                + "\"status\":422,\"fields\":[\"a\",\"b\"]}").getBytes(StandardCharsets.UTF_8));
        assertEquals(422, error.status());
        assertEquals(100, error.serviceErrorCode());
        assertEquals("bad  input", error.message());
        assertEquals(List.of("a", "b"), error.fieldPaths());
        assertEquals(new ServiceError(null, null, null, List.of()), ServiceError.parse("<html>".getBytes(StandardCharsets.UTF_8)));
        String longMessage = "{\"message\":\"" + "m".repeat(1000) + "\"}";
        assertEquals(ServiceError.MAX_MESSAGE_LENGTH,
                ServiceError.parse(longMessage.getBytes(StandardCharsets.UTF_8)).message().length());
    }

    @Test
    void pagingIsAppendedToTheQuery() {
        assertEquals("q=x&start=20&count=10", ApiRequest.finder("/p", "q=x").withPaging(20, 10).query());
        assertEquals("start=0&count=5", ApiRequest.finder("/p", "").withPaging(0, 5).query());
    }
}
