package dev.crmconnect.testkit;

import static dev.crmconnect.testkit.RawHttp.ORG_A;
import static dev.crmconnect.testkit.RawHttp.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FakeCrmConnectExtensionTest {

    @RegisterExtension
    static FakeCrmConnectExtension fake = FakeCrmConnectExtension.of(FakeCrmConnect.builder()
            .tenant(new FakeTenant("client-a", "secret-a", ORG_A)));

    private static FakeCrmConnect firstServer;

    private static void storeAContact(FakeCrmConnect server) {
        String k = key("c-1");
        new RawHttp(server).login("client-a", "secret-a")
                .batchUpdate("crmContacts", k, "{\"entities\":{\"" + k + "\":{\"firstName\":\"A\"}}}");
    }

    @Test
    @Order(1)
    void aTestChangesTheFake() {
        firstServer = fake.server();
        storeAContact(fake.server());
        fake.server().addTenant(new FakeTenant("added", "secret", "urn:li:organization:3"));
        fake.server().clock().advance(Duration.ofDays(3));
        assertEquals(1, fake.server().state(ORG_A).count("crmContacts"));
    }

    @Test
    @Order(2)
    void theNextTestStartsFromTheBuiltState(FakeCrmConnect injected) {
        assertSame(firstServer, fake.server(), "one server for the class");
        assertSame(fake.server(), injected);
        assertEquals(0, fake.server().state(ORG_A).count("crmContacts"));
        assertEquals(List.of("client-a"), fake.server().tenants().stream().map(FakeTenant::clientId).toList());
        assertEquals(0, fake.server().journal().size());
        long drift = Math.abs(fake.server().clock().millis() - System.currentTimeMillis());
        assertEquals(true, drift < Duration.ofDays(1).toMillis(), "the clock is back to system time");
    }

    @Nested
    class NestedTests {
        @Test
        void shareTheServerAndItsReset() {
            assertSame(firstServer == null ? fake.server() : firstServer, fake.server());
            assertEquals(0, fake.server().state(ORG_A).count("crmContacts"));
        }
    }

    /** An extension on an instance field: one server per test, closed after it. */
    @Nested
    class PerTestServer {
        private static final List<FakeCrmConnect> SERVERS = new CopyOnWriteArrayList<>();

        @RegisterExtension
        FakeCrmConnectExtension own = FakeCrmConnectExtension.of(FakeCrmConnect.builder()
                .tenant(new FakeTenant("client-a", "secret-a", ORG_A)));

        @Test
        void first() {
            SERVERS.add(own.server());
            storeAContact(own.server());
            assertEquals(1, own.server().state(ORG_A).count("crmContacts"));
        }

        @Test
        void second() {
            SERVERS.add(own.server());
            assertEquals(0, own.server().state(ORG_A).count("crmContacts"));
        }

        /** A runner may run this class on its own as well as within the outer one: count each run apart. */
        @BeforeAll
        static void noServerYet() {
            SERVERS.clear();
        }

        @AfterAll
        static void everyServerWasClosed() {
            assertEquals(2, SERVERS.size());
            for (FakeCrmConnect server : SERVERS) {
                assertThrows(UncheckedIOException.class, () -> new RawHttp(server)
                        .tokenRequest("grant_type=client_credentials&client_id=client-a&client_secret=secret-a"));
            }
        }
    }

    @Test
    void serverIsUnavailableOutsideItsLifetime() {
        FakeCrmConnectExtension unused = FakeCrmConnectExtension.create();
        IllegalStateException e = assertThrows(IllegalStateException.class, unused::server);
        assertEquals(true, e.getMessage().contains("not running"));
    }
}
