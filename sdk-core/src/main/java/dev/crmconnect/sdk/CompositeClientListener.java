package dev.crmconnect.sdk;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link ClientListener#composite}: each event to each listener, one's exception not stopping the others. */
final class CompositeClientListener implements ClientListener {

    private static final Logger LOG = LoggerFactory.getLogger("dev.crmconnect.sdk.http");

    private final List<ClientListener> listeners;

    CompositeClientListener(ClientListener... listeners) {
        Objects.requireNonNull(listeners, "listeners must not be null");
        for (ClientListener listener : listeners) {
            Objects.requireNonNull(listener, "a listener must not be null");
        }
        this.listeners = List.of(listeners);
    }

    private void each(Consumer<ClientListener> event) {
        for (ClientListener listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                LOG.warn("a ClientListener threw {}; ignored", e.getClass().getName());
            }
        }
    }

    @Override
    public void onCallStarted(CallStarted event) {
        each(l -> l.onCallStarted(event));
    }

    @Override
    public void onCallCompleted(CallCompleted event) {
        each(l -> l.onCallCompleted(event));
    }

    @Override
    public void onRequestSent(RequestSent event) {
        each(l -> l.onRequestSent(event));
    }

    @Override
    public void onRequestCompleted(RequestCompleted event) {
        each(l -> l.onRequestCompleted(event));
    }

    @Override
    public void onRetryScheduled(RetryScheduled event) {
        each(l -> l.onRetryScheduled(event));
    }

    @Override
    public void onThrottled(Throttled event) {
        each(l -> l.onThrottled(event));
    }

    @Override
    public String toString() {
        return "ClientListener.composite" + listeners;
    }
}
