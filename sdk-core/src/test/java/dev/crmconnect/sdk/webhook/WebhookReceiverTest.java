package dev.crmconnect.sdk.webhook;

import static dev.crmconnect.sdk.webhook.Pushes.SECRET;
import static dev.crmconnect.sdk.webhook.Pushes.headers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmconnect.sdk.exception.WebhookSignatureException;
import dev.crmconnect.sdk.webhook.WebhookResult.Outcome;
import dev.crmconnect.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WebhookReceiverTest {

    private final List<WebhookEvent> handled = new CopyOnWriteArrayList<>();

    private WebhookReceiver receiver(WebhookHandler handler) {
        return WebhookReceiver.builder().clientSecret(SECRET).handler(handler).build();
    }

    private WebhookResult push(WebhookReceiver receiver, byte[] body) {
        return receiver.receive(body, headers(SECRET, body));
    }

    @Test
    void aValidPushIsHandledAndAnswered200() {
        WebhookReceiver receiver = receiver(handled::add);
        WebhookResult result = push(receiver, Pushes.exportBody("req-1"));
        assertEquals(Outcome.HANDLED, result.outcome());
        assertEquals(200, result.httpStatus());
        assertEquals(1, handled.size());
        assertEquals("req-1", handled.get(0).requestId());
        assertSame(handled.get(0), result.event().orElseThrow());
    }

    @Test
    void aRetriedPushIsHandledOnceAndStillAnswered200() {
        WebhookReceiver receiver = receiver(handled::add);
        byte[] body = Pushes.exportBody("req-1");
        assertEquals(Outcome.HANDLED, push(receiver, body).outcome());
        for (int retry = 0; retry < 6; retry++) {
            WebhookResult again = push(receiver, body);
            assertEquals(Outcome.DUPLICATE, again.outcome());
            assertEquals(200, again.httpStatus());
        }
        assertEquals(1, handled.size());
        assertEquals(Outcome.HANDLED, push(receiver, Pushes.exportBody("req-2")).outcome());
        assertEquals(2, handled.size());
    }

    @Test
    void aBadSignatureIs401AndTheHandlerIsNotCalled() {
        WebhookReceiver receiver = receiver(handled::add);
        byte[] body = Pushes.exportBody("req-1");
        byte[] tampered = Pushes.exportBody("req-2");
        WebhookResult result = receiver.receive(tampered, headers(SECRET, body));
        assertEquals(Outcome.INVALID_SIGNATURE, result.outcome());
        assertEquals(401, result.httpStatus());
        WebhookSignatureException e = assertInstanceOf(WebhookSignatureException.class, result.failure().orElseThrow());
        assertEquals(WebhookSignatureException.Reason.MISMATCH, e.reason());
        assertEquals(401, receiver.receive(body, Map.of()).httpStatus());
        assertTrue(handled.isEmpty());
        // A refused push leaves no trace: the genuine one is still handled.
        assertEquals(Outcome.HANDLED, push(receiver, body).outcome());
    }

    @Test
    void aSignedButMalformedBodyIs400() {
        WebhookReceiver receiver = receiver(handled::add);
        WebhookResult result = push(receiver, Pushes.utf8("{\"eventType\":\"EXPORT_CANDIDATE_PROFILE\"}"));
        assertEquals(Outcome.MALFORMED_BODY, result.outcome());
        assertEquals(400, result.httpStatus());
        assertTrue(result.detail().contains("requestId"), result.detail());
        assertTrue(handled.isEmpty());
    }

    @Test
    void unknownEventTypesReachTheHandler() {
        WebhookReceiver receiver = receiver(handled::add);
        byte[] withId = Pushes.body("SOMETHING_NEW", "req-7");
        assertEquals(Outcome.HANDLED, push(receiver, withId).outcome());
        assertEquals(Outcome.DUPLICATE, push(receiver, withId).outcome());
        byte[] withoutId = Pushes.utf8("{\"eventType\":\"SOMETHING_ELSE\"}");
        assertEquals(Outcome.HANDLED, push(receiver, withoutId).outcome());
        assertEquals(Outcome.HANDLED, push(receiver, withoutId).outcome());
        assertEquals(List.of("SOMETHING_NEW", "SOMETHING_ELSE", "SOMETHING_ELSE"),
                handled.stream().map(WebhookEvent::rawType).toList());
        assertEquals(WebhookEventType.UNKNOWN, handled.get(0).type());
    }

    @Test
    void aFailedHandlerIs500AndTheRetryIsHandledAgain() {
        AtomicInteger calls = new AtomicInteger();
        IllegalStateException boom = new IllegalStateException("CRM down for jane.doe@example.com");
        WebhookReceiver receiver = receiver(event -> {
            if (calls.incrementAndGet() == 1) {
                throw boom;
            }
            handled.add(event);
        });
        byte[] body = Pushes.exportBody("req-1");
        WebhookResult failed = push(receiver, body);
        assertEquals(Outcome.HANDLER_FAILED, failed.outcome());
        assertEquals(500, failed.httpStatus());
        assertSame(boom, failed.failure().orElseThrow());
        assertFalse(failed.detail().contains("jane"), failed.detail());
        assertEquals(0, receiver.rememberedRequestIds());

        assertEquals(Outcome.HANDLED, push(receiver, body).outcome());
        assertEquals(Outcome.DUPLICATE, push(receiver, body).outcome());
        assertEquals(2, calls.get());
        assertEquals(1, handled.size());
    }

    @Test
    void aHandlerThrowingAnErrorDoesNotLeaveTheIdClaimed() {
        AtomicInteger calls = new AtomicInteger();
        WebhookReceiver receiver = WebhookReceiver.builder().clientSecret(SECRET)
                .concurrentDeliveryWait(Duration.ZERO)
                .handler(event -> {
                    if (calls.incrementAndGet() == 1) {
                        throw new AssertionError("an Error, not an Exception");
                    }
                }).build();
        byte[] body = Pushes.exportBody("req-1");
        assertThrows(AssertionError.class, () -> push(receiver, body));
        assertEquals(Outcome.HANDLED, push(receiver, body).outcome());
    }

    @Test
    void requestIdsAreForgottenAfterTheirTimeToLive() {
        MutableClock clock = new MutableClock(Instant.parse("2024-06-11T10:00:00Z"));
        WebhookReceiver receiver = WebhookReceiver.builder().clientSecret(SECRET).handler(handled::add)
                .rememberFor(Duration.ofHours(1)).clock(clock).build();
        byte[] body = Pushes.exportBody("req-1");
        assertEquals(Outcome.HANDLED, push(receiver, body).outcome());
        clock.advance(Duration.ofMinutes(59));
        assertEquals(Outcome.DUPLICATE, push(receiver, body).outcome());
        clock.advance(Duration.ofMinutes(2));
        assertEquals(0, receiver.rememberedRequestIds());
        assertEquals(Outcome.HANDLED, push(receiver, body).outcome());
        assertEquals(2, handled.size());
    }

    @Test
    void theOldestRequestIdsAreForgottenBeyondTheCapacity() {
        WebhookReceiver receiver = WebhookReceiver.builder().clientSecret(SECRET).handler(handled::add)
                .rememberedRequestIds(2).build();
        for (String id : List.of("a", "b", "c")) {
            assertEquals(Outcome.HANDLED, push(receiver, Pushes.exportBody(id)).outcome());
        }
        assertEquals(2, receiver.rememberedRequestIds());
        assertEquals(Outcome.DUPLICATE, push(receiver, Pushes.exportBody("c")).outcome());
        assertEquals(Outcome.DUPLICATE, push(receiver, Pushes.exportBody("b")).outcome());
        assertEquals(Outcome.HANDLED, push(receiver, Pushes.exportBody("a")).outcome());
    }

    @Test
    void theBuilderNamesWhatIsMissingOrWrong() {
        IllegalStateException noSecret = assertThrows(IllegalStateException.class,
                () -> WebhookReceiver.builder().handler(e -> { }).build());
        assertTrue(noSecret.getMessage().contains("clientSecret"));
        IllegalStateException noHandler = assertThrows(IllegalStateException.class,
                () -> WebhookReceiver.builder().clientSecret(SECRET).build());
        assertTrue(noHandler.getMessage().contains("handler"));
        assertEquals("rememberedRequestIds: must be at least 1", assertThrows(IllegalArgumentException.class,
                () -> WebhookReceiver.builder().rememberedRequestIds(0)).getMessage());
        assertEquals("rememberFor: must be positive", assertThrows(IllegalArgumentException.class,
                () -> WebhookReceiver.builder().rememberFor(Duration.ZERO)).getMessage());
        assertEquals("concurrentDeliveryWait: must not be negative", assertThrows(IllegalArgumentException.class,
                () -> WebhookReceiver.builder().concurrentDeliveryWait(Duration.ofSeconds(-1))).getMessage());
    }

    @Test
    void manyThreadsDeliveringTheSamePushesHandleEachOnce() throws Exception {
        Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        WebhookReceiver receiver = receiver(
                event -> calls.computeIfAbsent(event.requestId(), id -> new AtomicInteger()).incrementAndGet());
        int ids = 100;
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < ids; i++) {
            bodies.add(Pushes.exportBody("req-" + i));
        }
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        Concurrently.run(8, thread -> {
            for (byte[] body : bodies) {
                outcomes.add(push(receiver, body).outcome());
            }
        });
        assertEquals(ids, calls.size());
        calls.forEach((id, count) -> assertEquals(1, count.get(), id));
        assertEquals(ids, Collections.frequency(outcomes, Outcome.HANDLED));
        assertEquals(7 * ids, Collections.frequency(outcomes, Outcome.DUPLICATE));
    }

    @Test
    void concurrentDeliveriesWaitForTheOneBeingHandled() throws Exception {
        Gate gate = new Gate();
        AtomicInteger calls = new AtomicInteger();
        WebhookReceiver receiver = receiver(event -> {
            calls.incrementAndGet();
            gate.await();
        });
        byte[] body = Pushes.exportBody("req-1");
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        Concurrently.run(8, thread -> outcomes.add(push(receiver, body).outcome()),
                threads -> {
                    Concurrently.awaitBlocked(threads, 8);
                    gate.open();
                });
        assertEquals(1, calls.get());
        assertEquals(1, Collections.frequency(outcomes, Outcome.HANDLED));
        assertEquals(7, Collections.frequency(outcomes, Outcome.DUPLICATE));
    }

    @Test
    void whenTheFirstDeliveryFailsAWaitingOneHandlesTheEvent() throws Exception {
        Gate gate = new Gate();
        AtomicInteger calls = new AtomicInteger();
        WebhookReceiver receiver = receiver(event -> {
            if (calls.incrementAndGet() == 1) {
                gate.await();
                throw new IllegalStateException("first attempt fails");
            }
        });
        byte[] body = Pushes.exportBody("req-1");
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        Concurrently.run(8, thread -> outcomes.add(push(receiver, body).outcome()),
                threads -> {
                    Concurrently.awaitBlocked(threads, 8);
                    gate.open();
                });
        assertEquals(2, calls.get());
        assertEquals(1, Collections.frequency(outcomes, Outcome.HANDLER_FAILED));
        assertEquals(1, Collections.frequency(outcomes, Outcome.HANDLED));
        assertEquals(6, Collections.frequency(outcomes, Outcome.DUPLICATE));
    }

    @Test
    void aDeliveryThatCannotWaitAnswers503() throws Exception {
        Gate gate = new Gate();
        WebhookReceiver receiver = WebhookReceiver.builder().clientSecret(SECRET)
                .concurrentDeliveryWait(Duration.ZERO).handler(event -> gate.await()).build();
        byte[] body = Pushes.exportBody("req-1");
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        Thread first = new Thread(() -> outcomes.add(push(receiver, body).outcome()));
        first.start();
        Concurrently.awaitBlocked(List.of(first), 1);
        WebhookResult second = push(receiver, body);
        assertEquals(Outcome.IN_PROGRESS, second.outcome());
        assertEquals(503, second.httpStatus());
        gate.open();
        first.join(30_000);
        assertEquals(List.of(Outcome.HANDLED), outcomes);
        assertEquals(Outcome.DUPLICATE, push(receiver, body).outcome());
    }
}
