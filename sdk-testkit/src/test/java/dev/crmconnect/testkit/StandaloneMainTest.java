package dev.crmconnect.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmconnect.testsupport.ExitWithParent;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StandaloneMainTest {

    @Test
    void mainServesTheFakeOnTheGivenPortInItsOwnProcess() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Through ExitWithParent: the fake stops if this JVM dies before it stops the fake.
        Process process = new ProcessBuilder(java, ExitWithParent.parentPidOption(), "-cp",
                System.getProperty("java.class.path"), ExitWithParent.class.getName(),
                FakeCrmConnectMain.class.getName(), "--port", String.valueOf(port),
                "--tenant", "client-a,secret-a,urn:li:organization:1001")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String banner = out.readLine();
            assertTrue(banner != null && banner.contains("http://127.0.0.1:" + port + "/v2"), String.valueOf(banner));

            RawHttp http = new RawHttp(port).login("client-a", "secret-a");
            assertEquals(200, http.finder("crmContacts",
                    "q=integrationContext&integrationContext=urn%3Ali%3Aorganization%3A1001").status());
            assertEquals(200, http.admin("GET", "/state", null).status());
        } finally {
            process.destroy();
            assertTrue(process.waitFor(10, TimeUnit.SECONDS), "the fake stops on SIGTERM");
        }
    }

    @Test
    void argumentsAreParsedAndCheckedWithClearMessages() {
        assertNull(FakeCrmConnectMain.parse(new String[] {"--help"}));
        try (FakeCrmConnect fake = FakeCrmConnectMain.parse(new String[] {"--port", "0", "--seed", "9",
                "--tenant", "c,s,urn:li:organization:5,http://127.0.0.1:1/push", "--publication-lag-seconds", "30"}).start()) {
            List<FakeTenant> tenants = fake.tenants();
            assertEquals(1, tenants.size());
            assertEquals("urn:li:organization:5", tenants.get(0).integrationContext());
            assertEquals("http://127.0.0.1:1/push", tenants.get(0).callbackUrl());
        }
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> FakeCrmConnectMain.parse(new String[] {"--colour", "red"}));
        assertEquals("--colour: unknown option", unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FakeCrmConnectMain.parse(new String[] {"--port", "x"}));
        assertThrows(IllegalArgumentException.class, () -> FakeCrmConnectMain.parse(new String[] {"--tenant", "a,b"}));
        assertThrows(IllegalArgumentException.class, () -> FakeCrmConnectMain.parse(new String[] {"--port"}));
    }
}
