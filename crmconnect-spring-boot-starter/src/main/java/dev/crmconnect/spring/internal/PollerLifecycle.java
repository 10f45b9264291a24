package dev.crmconnect.spring.internal;

import dev.crmconnect.sdk.poller.DeletionNoticePoller;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the poller with the application context and closes it, its leases released, when the context stops. In the
 * default phase: started last, once the web server is up, and stopped first. A closed poller cannot start again.
 */
public final class PollerLifecycle implements SmartLifecycle {

    private final DeletionNoticePoller poller;
    private final boolean autoStartup;
    private volatile boolean running;

    /**
     * The lifecycle of {@code poller}.
     *
     * @param poller the poller
     * @param autoStartup whether the context starts it
     */
    public PollerLifecycle(DeletionNoticePoller poller, boolean autoStartup) {
        this.poller = poller;
        this.autoStartup = autoStartup;
    }

    @Override
    public void start() {
        poller.start();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        poller.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public boolean isAutoStartup() {
        return autoStartup;
    }

    @Override
    public String toString() {
        return "PollerLifecycle[" + poller.tenants().size() + " tenants, running=" + running + "]";
    }
}
