package dev.crmconnect.testkit;

import java.util.Objects;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension running one {@link FakeCrmConnect} per extension instance, reset before each
 * test.
 *
 * <pre>{@code
 * @RegisterExtension
 * static FakeCrmConnectExtension fake = FakeCrmConnectExtension.of(FakeCrmConnect.builder()
 *         .tenant(new FakeTenant("client", "secret", "urn:li:organization:1001")));
 *
 * @Test
 * void syncs() {
 *     String api = fake.server().baseUrl();
 * }
 * }</pre>
 * On a static field the server lives for the test class (nested classes share it); on an instance
 * field, for one test. Test classes running in parallel each have their own server; tests of one
 * class share theirs and its reset, so run them in one thread. Test methods may also take a
 * {@link FakeCrmConnect} parameter.
 */
public final class FakeCrmConnectExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
        AfterAllCallback, ParameterResolver {

    private final FakeCrmConnect.Builder builder;
    private volatile FakeCrmConnect server;
    /** The context that started the server, the one whose end stops it. */
    private volatile String owner;

    private FakeCrmConnectExtension(FakeCrmConnect.Builder builder) {
        this.builder = builder;
    }

    /**
     * An extension with a default fake (no tenants).
     *
     * @return a new extension; its fake starts with the first test
     */
    public static FakeCrmConnectExtension create() {
        return new FakeCrmConnectExtension(FakeCrmConnect.builder());
    }

    /**
     * An extension whose fake this builder starts.
     *
     * @param builder the builder of the fake; it is started again for each server
     * @return a new extension; its fake starts with the first test
     * @throws NullPointerException if {@code builder} is null
     */
    public static FakeCrmConnectExtension of(FakeCrmConnect.Builder builder) {
        return new FakeCrmConnectExtension(Objects.requireNonNull(builder, "builder"));
    }

    /**
     * The running fake; only between the extension's start and stop.
     *
     * @return the fake
     * @throws IllegalStateException if the fake is not running, for example in a {@code @BeforeAll} method
     */
    public FakeCrmConnect server() {
        FakeCrmConnect running = server;
        if (running == null) {
            throw new IllegalStateException("the fake is not running: use it from a test or a @BeforeEach method");
        }
        return running;
    }

    /** Starts the fake for the test class. */
    @Override
    public void beforeAll(ExtensionContext context) {
        startFor(context);
    }

    /** Starts the fake for one test when registered on an instance field, else resets it. */
    @Override
    public void beforeEach(ExtensionContext context) {
        if (!startFor(context)) {
            server().reset();
        }
    }

    /** Stops a server started for one test. */
    @Override
    public void afterEach(ExtensionContext context) {
        stopFor(context);
    }

    /** Stops the server of the test class. */
    @Override
    public void afterAll(ExtensionContext context) {
        stopFor(context);
    }

    /** Resolves {@link FakeCrmConnect} parameters. */
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == FakeCrmConnect.class;
    }

    /** The running fake. */
    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return server();
    }

    private synchronized boolean startFor(ExtensionContext context) {
        if (server != null) {
            return false;
        }
        server = builder.start();
        owner = context.getUniqueId();
        return true;
    }

    private synchronized void stopFor(ExtensionContext context) {
        if (server != null && context.getUniqueId().equals(owner)) {
            try {
                server.close();
            } finally {
                server = null;
                owner = null;
            }
        }
    }
}
