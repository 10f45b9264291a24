package dev.crmconnect.opentelemetry;

import dev.crmconnect.sdk.ClientListener;
import dev.crmconnect.sdk.CrmConnectClient;
import dev.crmconnect.sdk.exception.CrmConnectException;
import dev.crmconnect.sdk.RequestDecorator;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * OpenTelemetry tracing of CRM Connect client calls: a {@link SpanKind#CLIENT} span per call, child of the
 * context current on the thread that starts the call, named after the Rest.li method and the route template
 * (for example {@code BATCH_UPDATE /crmContacts}), with each attempt, retry and throttle wait as a span event,
 * and the span's context propagated on every attempt through the {@link OpenTelemetry}'s propagators (with
 * the W3C trace context propagator, a {@code traceparent} header).
 *
 * <p>Span attributes: {@code http.request.method}, {@code url.template}, {@code crmconnect.resource},
 * {@code crmconnect.operation}, {@code crmconnect.integration_context}, {@code crmconnect.records},
 * {@code crmconnect.attempts}, {@code http.response.status_code} and, for a failed call, {@code error.type}
 * (the SDK exception's class name). Record keys, query values and exception messages, which may name keys,
 * are never recorded.
 *
 * <pre>{@code
 * CrmConnectTracing tracing = CrmConnectTracing.create(openTelemetry);
 * CrmConnectClient client = tracing.instrument(CrmConnectClient.builder())
 *         // ...
 *         .build();
 * }</pre>
 *
 * <p>To combine it with other listeners, pass {@link #listener()} to {@link ClientListener#composite} and
 * {@link #requestDecorator()} to {@link CrmConnectClient.Builder#requestDecorator}. One instance may serve
 * many clients.
 */
public final class CrmConnectTracing {

    /** The instrumentation scope name of the spans. */
    public static final String INSTRUMENTATION_NAME = "dev.crmconnect.opentelemetry";

    static final AttributeKey<String> HTTP_METHOD = AttributeKey.stringKey("http.request.method");
    static final AttributeKey<String> URL_TEMPLATE = AttributeKey.stringKey("url.template");
    static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    static final AttributeKey<String> RESOURCE = AttributeKey.stringKey("crmconnect.resource");
    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("crmconnect.operation");
    static final AttributeKey<String> TENANT = AttributeKey.stringKey("crmconnect.integration_context");
    static final AttributeKey<Long> RECORDS = AttributeKey.longKey("crmconnect.records");
    static final AttributeKey<Long> ATTEMPTS = AttributeKey.longKey("crmconnect.attempts");
    static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("crmconnect.attempt");
    static final AttributeKey<Long> DURATION_MS = AttributeKey.longKey("crmconnect.duration_ms");
    static final AttributeKey<Long> DELAY_MS = AttributeKey.longKey("crmconnect.delay_ms");
    static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey("crmconnect.request_id");

    private static final TextMapSetter<BiConsumer<String, String>> SETTER = (carrier, key, value) -> {
        if (carrier != null) {
            carrier.accept(key, value);
        }
    };

    private final Tracer tracer;
    private final TextMapPropagator propagator;
    private final Map<Long, Span> spans = new ConcurrentHashMap<>();
    private final ClientListener listener = new TracingListener();
    private final RequestDecorator decorator = this::inject;

    private CrmConnectTracing(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer(INSTRUMENTATION_NAME);
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    /**
     * Tracing through {@code openTelemetry}'s tracer provider and propagators.
     *
     * @param openTelemetry the OpenTelemetry instance, for example {@code GlobalOpenTelemetry.get()}
     * @return the tracing, whose listener and decorator a client builder takes
     * @throws NullPointerException if {@code openTelemetry} is null
     */
    public static CrmConnectTracing create(OpenTelemetry openTelemetry) {
        return new CrmConnectTracing(Objects.requireNonNull(openTelemetry, "openTelemetry must not be null"));
    }

    /**
     * The listener that starts, annotates and ends the spans.
     *
     * @return the listener, the same on every call
     */
    public ClientListener listener() {
        return listener;
    }

    /**
     * The decorator that propagates the call's span context on each attempt.
     *
     * @return the decorator, the same on every call
     */
    public RequestDecorator requestDecorator() {
        return decorator;
    }

    /**
     * Sets this tracing's listener and decorator on {@code builder}, replacing the listener and decorator it held.
     *
     * @param builder the client builder
     * @return {@code builder}
     * @throws NullPointerException if {@code builder} is null
     */
    public CrmConnectClient.Builder instrument(CrmConnectClient.Builder builder) {
        return Objects.requireNonNull(builder, "builder must not be null").listener(listener)
                .requestDecorator(decorator);
    }

    private void inject(ClientListener.RequestSent attempt, BiConsumer<String, String> headers) {
        Span span = spans.get(attempt.call().id());
        if (span != null) {
            propagator.inject(Context.root().with(span), headers, SETTER);
        }
    }

    @Override
    public String toString() {
        return "CrmConnectTracing[" + spans.size() + " calls in flight]";
    }

    private final class TracingListener implements ClientListener {

        @Override
        public void onCallStarted(CallStarted event) {
            CallInfo call = event.call();
            Span span = tracer.spanBuilder(call.method() + " " + call.route())
                    .setSpanKind(SpanKind.CLIENT)
                    .setParent(Context.current())
                    .setAttribute(HTTP_METHOD, call.httpMethod())
                    .setAttribute(URL_TEMPLATE, call.route())
                    .setAttribute(RESOURCE, call.resource())
                    .setAttribute(OPERATION, call.method())
                    .setAttribute(TENANT, call.integrationContext())
                    .setAttribute(RECORDS, (long) call.records())
                    .startSpan();
            spans.put(call.id(), span);
        }

        @Override
        public void onRequestCompleted(RequestCompleted event) {
            Span span = spans.get(event.call().id());
            if (span == null) {
                return;
            }
            AttributesBuilder attributes = Attributes.builder()
                    .put(ATTEMPT, (long) event.attempt())
                    .put(DURATION_MS, event.duration().toMillis());
            if (event.status() > 0) {
                attributes.put(STATUS, (long) event.status());
            }
            event.requestId().ifPresent(id -> attributes.put(REQUEST_ID, id));
            event.failure().ifPresent(failure -> attributes.put(ERROR_TYPE, failure.getClass().getName()));
            span.addEvent("crmconnect.attempt", attributes.build());
        }

        @Override
        public void onRetryScheduled(RetryScheduled event) {
            Span span = spans.get(event.call().id());
            if (span != null) {
                span.addEvent("crmconnect.retry", Attributes.of(ATTEMPT, (long) event.failedAttempt(), DELAY_MS,
                        event.delay().toMillis()));
            }
        }

        @Override
        public void onThrottled(Throttled event) {
            Span span = spans.get(event.call().id());
            if (span != null) {
                span.addEvent("crmconnect.throttled", Attributes.of(ATTEMPT, (long) event.attempt(), DELAY_MS,
                        event.delay().toMillis(), RECORDS, (long) event.records()));
            }
        }

        @Override
        public void onCallCompleted(CallCompleted event) {
            Span span = spans.remove(event.call().id());
            if (span == null) {
                return;
            }
            span.setAttribute(ATTEMPTS, (long) event.attempts());
            if (event.status() > 0) {
                span.setAttribute(STATUS, (long) event.status());
            }
            if (event.failure().isPresent()) {
                CrmConnectException failure = event.failure().get();
                span.setAttribute(ERROR_TYPE, failure.getClass().getName());
                span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
            }
            span.end();
        }
    }
}
