package dev.crmconnect.testkit.internal;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/**
 * Runs a {@link Simulation} on an in-process WireMock server: one request filter answers every
 * non-admin call, one admin extension serves {@code /__admin/crm/}. WireMock's own request
 * journal and logging are off.
 */
public final class WireMockHost implements AutoCloseable {

    private final WireMockServer server;

    private WireMockHost(WireMockServer server) {
        this.server = server;
    }

    /** Starts a server for this simulation. */
    public static WireMockHost start(Simulation simulation, AdminApi admin, int port, String bindAddress) {
        WireMockConfiguration options = WireMockConfiguration.options()
                .bindAddress(bindAddress)
                .disableRequestJournal()
                .stubRequestLoggingDisabled(true)
                .templatingEnabled(false)
                .gzipDisabled(true)
                .jettyStopTimeout(0L)
                .notifier(new QuietNotifier())
                .extensions(new ApiFilter(simulation), new AdminRoutes(admin));
        if (port == 0) {
            options.dynamicPort();
        } else {
            options.port(port);
        }
        WireMockServer server = new WireMockServer(options);
        server.start();
        return new WireMockHost(server);
    }

    /** The port it listens on. */
    public int port() {
        return server.port();
    }

    /** Stops the server. */
    @Override
    public void close() {
        server.stop();
    }
}
