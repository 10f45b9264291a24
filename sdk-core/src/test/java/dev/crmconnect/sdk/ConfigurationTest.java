package dev.crmconnect.sdk;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigurationTest {

    private static CrmConnectClient.Builder valid() {
        return CrmConnectClient.builder()
                .credentials(TestSupport.CLIENT_ID, TestSupport.CLIENT_SECRET)
                .integrationContext(TestSupport.CONTEXT);
    }

    private static String problem(UnaryOperator<CrmConnectClient.Builder> change) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> change.apply(valid()).build());
        assertFalse(e.getMessage().contains(TestSupport.CLIENT_SECRET), "the secret is never shown");
        return e.getMessage();
    }

    @Test
    void theDefaultsBuild() {
        try (CrmConnectClient client = valid().build()) {
            assertEquals(TestSupport.CONTEXT, client.integrationContext());
            assertFalse(client.toString().contains(TestSupport.CLIENT_SECRET));
        }
    }

    @Test
    void missingSettingsAreAllNamedAtBuild() {
        String message = assertThrows(IllegalArgumentException.class, () -> CrmConnectClient.builder().build())
                .getMessage();
        assertTrue(message.contains("clientId"), message);
        assertTrue(message.contains("clientSecret"), message);
        assertTrue(message.contains("integrationContext"), message);
    }

    @Test
    void eachInvalidSettingIsNamed() {
        assertTrue(problem(b -> b.credentials("id", " ")).contains("clientSecret"));
        assertTrue(problem(b -> b.credentials("id with space", "x")).contains("clientId"));
        assertTrue(problem(b -> b.integrationContext("urn:li:organization:abc")).contains("integrationContext"));
        assertTrue(problem(b -> b.baseUrl("not a url")).contains("baseUrl"));
        assertTrue(problem(b -> b.baseUrl("ftp://api.example.com")).contains("baseUrl"));
        assertTrue(problem(b -> b.baseUrl("https://api.example.com/v2?x=1")).contains("baseUrl"));
        assertTrue(problem(b -> b.tokenUrl(null)).contains("tokenUrl"));
        assertTrue(problem(b -> b.connectTimeout(Duration.ZERO)).contains("connectTimeout"));
        assertTrue(problem(b -> b.attemptTimeout(Duration.ofSeconds(-1))).contains("attemptTimeout"));
        assertTrue(problem(b -> b.callTimeout(null)).contains("callTimeout"));
        assertTrue(problem(b -> b.attemptTimeout(Duration.ofMinutes(5)).callTimeout(Duration.ofMinutes(1)))
                .contains("attemptTimeout: must not exceed callTimeout"));
        assertTrue(problem(b -> b.retryPolicy(null)).contains("retryPolicy"));
        assertTrue(problem(b -> b.throttle(null)).contains("throttle"));
        assertTrue(problem(b -> b.listener(null)).contains("listener"));
        assertTrue(problem(b -> b.userAgentSuffix("bad\r\nX-Injected: 1")).contains("userAgentSuffix"));
        assertTrue(problem(b -> b.maxResponseBytes(10)).contains("maxResponseBytes"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://api.example.com/v2", "http://10.0.0.5:8080/v2", "http://localhost.example.com/v2"})
    void plainHttpIsRefusedOffLoopback(String url) {
        String message = problem(b -> b.baseUrl(url));
        assertTrue(message.contains("baseUrl: must use https"), message);
        assertTrue(problem(b -> b.tokenUrl(url)).contains("tokenUrl: must use https"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080/v2", "http://127.0.0.1:9/v2", "http://[::1]:8080/v2",
            "https://api.example.com/v2"})
    void loopbackHttpAndHttpsAreAllowed(String url) {
        assertDoesNotThrow(() -> valid().baseUrl(url).tokenUrl(url).build().close());
    }

    @Test
    void plainHttpOffLoopbackIsAllowedOnlyWhenAskedFor() {
        assertDoesNotThrow(() -> valid().baseUrl("http://fake.internal/v2").allowInsecureHttp(true).build().close());
    }

    @Test
    void retryPolicySettingsAreChecked() {
        assertEquals("maxAttempts: must be between 1 and 20", assertThrows(IllegalArgumentException.class,
                () -> RetryPolicy.builder().maxAttempts(0)).getMessage());
        assertEquals("maxAttempts: must be between 1 and 20", assertThrows(IllegalArgumentException.class,
                () -> RetryPolicy.builder().maxAttempts(21)).getMessage());
        assertEquals("initialBackoff: must be positive", assertThrows(IllegalArgumentException.class,
                () -> RetryPolicy.builder().initialBackoff(Duration.ZERO)).getMessage());
        assertEquals("maxBackoff: must be positive", assertThrows(IllegalArgumentException.class,
                () -> RetryPolicy.builder().maxBackoff(Duration.ofSeconds(-1))).getMessage());
        assertEquals("maxRetryAfter: must not be negative", assertThrows(IllegalArgumentException.class,
                () -> RetryPolicy.builder().maxRetryAfter(Duration.ofSeconds(-1))).getMessage());
        assertEquals("initialBackoff: is required", assertThrows(NullPointerException.class,
                () -> RetryPolicy.builder().initialBackoff(null)).getMessage());
        assertEquals("maxRetryAfter: is required", assertThrows(NullPointerException.class,
                () -> RetryPolicy.builder().maxRetryAfter(null)).getMessage());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RetryPolicy.builder()
                .initialBackoff(Duration.ofSeconds(2)).maxBackoff(Duration.ofSeconds(1)).build());
        assertEquals("maxBackoff: must not be shorter than initialBackoff", e.getMessage());
        assertEquals(0, RetryPolicy.builder().maxRetryAfter(Duration.ZERO).build().maxRetryAfter().toMillis());
        assertEquals(1, RetryPolicy.none().maxAttempts());
        assertEquals(RetryPolicy.defaults(), RetryPolicy.defaults().toBuilder().build());
    }

    @Test
    void throttleSettingsAreChecked() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Throttle.of(99, 100_000)).getMessage()
                .contains("recordsPerMinute"));
        assertEquals("requestsPerDay: must be at least 1",
                assertThrows(IllegalArgumentException.class, () -> Throttle.of(10_000, 0)).getMessage());
        assertEquals(1, Throttle.of(100, 1).requestsPerDay());
        assertFalse(Throttle.disabled().enabled());
        assertEquals(10_000, Throttle.defaults().recordsPerMinute());
        assertEquals(100_000, Throttle.defaults().requestsPerDay());
    }

    @Test
    void requestOptionsRefuseHeadersTheSdkOwnsAndInjection() {
        assertThrows(IllegalArgumentException.class, () -> RequestOptions.builder().header("Authorization", "x"));
        assertThrows(IllegalArgumentException.class, () -> RequestOptions.builder().header("x-restli-method", "x"));
        assertThrows(IllegalArgumentException.class, () -> RequestOptions.builder().header("X-Ok", "a\r\nB: c"));
        assertEquals("header name: must be an HTTP token", assertThrows(IllegalArgumentException.class,
                () -> RequestOptions.builder().header("Bad Name", "x")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> RequestOptions.builder().idempotencyKey(""));
        assertEquals("timeout: must be positive", assertThrows(IllegalArgumentException.class,
                () -> RequestOptions.builder().timeout(Duration.ZERO)).getMessage());
        RequestOptions options = RequestOptions.builder().header("X-Secretish", "value-123").idempotencyKey("k").build();
        assertFalse(options.toString().contains("value-123"), options.toString());
    }
}
