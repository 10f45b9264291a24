package dev.crmconnect.sdk.privacy;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.crmconnect.sdk.CrmConnectClient;
import dev.crmconnect.sdk.RequestOptions;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The eraser and the exporter refuse a bad crmId before any call. */
class PrivacyInputTest {

    @RegisterExtension
    static WireMockExtension wm = Wire.server();

    private CrmConnectClient client;

    @BeforeEach
    void setUp() {
        client = Wire.client(wm);
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void badContactIdsAreRefusedUnsent() throws Exception {
        ContactEraser eraser = ContactEraser.of(client);
        ContactExporter exporter = ContactExporter.of(client);
        assertEquals("contactCrmId: is required",
                assertThrows(IllegalArgumentException.class, () -> eraser.erase(null)).getMessage());
        assertEquals("contactCrmId: must be 1 to 64 characters",
                assertThrows(IllegalArgumentException.class, () -> eraser.erase("x".repeat(65))).getMessage());
        assertEquals("contactCrmId: must be 1 to 64 characters",
                assertThrows(IllegalArgumentException.class, () -> exporter.export("")).getMessage());
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> eraser.eraseAsync("bad\nid", RequestOptions.defaults()).get(10, TimeUnit.SECONDS));
        assertInstanceOf(IllegalArgumentException.class, e.getCause());
        assertEquals(0, wm.findAll(anyRequestedFor(anyUrl())).size());
    }
}
