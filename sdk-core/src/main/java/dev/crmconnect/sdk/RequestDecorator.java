package dev.crmconnect.sdk;

import java.util.function.BiConsumer;

/**
 * Adds headers to each attempt of a call, for example a W3C {@code traceparent} that a tracing
 * library computes for the call's span. Called on the SDK's threads for every attempt, after
 * {@link ClientListener#onRequestSent}, and must return quickly; an exception it throws is logged
 * and the attempt is sent without its headers.
 *
 * <p>Headers the SDK sets itself ({@code Authorization}, {@code Accept}, {@code Content-Type},
 * {@code User-Agent}, {@code X-Idempotency-Key}, {@code X-RestLi-Method},
 * {@code X-RestLi-Protocol-Version}) and headers the JDK's HTTP client forbids are ignored.
 */
@FunctionalInterface
public interface RequestDecorator {

    /** The decorator that adds nothing. */
    RequestDecorator NONE = (attempt, headers) -> {
    };

    /**
     * Adds headers to an attempt.
     *
     * @param attempt the attempt about to be sent: the call and the attempt's number
     * @param headers takes a header's name and value; may be called any number of times
     */
    void decorate(ClientListener.RequestSent attempt, BiConsumer<String, String> headers);
}
