package dev.crmconnect.sdk.poller;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PollerListenerCompositeTest {

    private static final String TENANT = "urn:li:organization:1001";

    @Test
    void tellsEachListenerInOrderAndAThrowingOneDoesNotStopTheNext() {
        List<String> calls = new ArrayList<>();
        PollerListener first = named("first", calls, false);
        PollerListener throwing = named("throwing", calls, true);
        PollerListener last = named("last", calls, false);
        PollerListener composite = PollerListener.composite(first, throwing, last);

        composite.noticeDecided(new AuditRecord(TENANT, "n-1", "urn:li:person:1", Decision.delete("contact"),
                Instant.parse("2024-05-01T10:00:00Z"), "handler-1"));
        composite.pollFailed(TENANT, new IOException("feed down"));

        assertEquals(List.of("first noticeDecided n-1", "throwing noticeDecided n-1", "last noticeDecided n-1",
                "first pollFailed feed down", "throwing pollFailed feed down", "last pollFailed feed down"), calls);
    }

    @Test
    void forwardsEveryEventThePollerHas() {
        // A new event added to PollerListener must be forwarded too, not left to its empty default.
        Class<?> composite = PollerListener.composite().getClass();
        for (java.lang.reflect.Method event : PollerListener.class.getDeclaredMethods()) {
            if (!java.lang.reflect.Modifier.isStatic(event.getModifiers())) {
                assertDoesNotThrow(() -> composite.getDeclaredMethod(event.getName(), event.getParameterTypes()),
                        event.getName());
            }
        }
    }

    @Test
    void refusesNullListeners() {
        assertThrows(NullPointerException.class, () -> PollerListener.composite((PollerListener[]) null));
        assertThrows(NullPointerException.class, () -> PollerListener.composite(new PollerListener() { }, null));
    }

    @Test
    void ofNoListenersDoesNothing() {
        PollerListener.composite().pollFailed(TENANT, new IOException("feed down"));
    }

    /** Records each call as {@code <name> <event> <detail>}; throws after recording if {@code fails}. */
    private static PollerListener named(String name, List<String> calls, boolean fails) {
        return new PollerListener() {
            @Override
            public void noticeDecided(AuditRecord record) {
                called(name + " noticeDecided " + record.noticeId());
            }

            @Override
            public void pollFailed(String tenant, Throwable error) {
                called(name + " pollFailed " + error.getMessage());
            }

            private void called(String call) {
                calls.add(call);
                if (fails) {
                    throw new IllegalStateException("listener " + name + " failed");
                }
            }
        };
    }
}
