package dev.crmconnect.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.crmconnect.sdk.exception.AuthenticationException;
import dev.crmconnect.sdk.exception.ComplianceGapException;
import dev.crmconnect.sdk.exception.ConflictException;
import dev.crmconnect.sdk.exception.CrmConnectException;
import dev.crmconnect.sdk.exception.NotFoundException;
import dev.crmconnect.sdk.exception.RateLimitedException;
import dev.crmconnect.sdk.exception.ServerException;
import dev.crmconnect.sdk.exception.ValidationException;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorMappingTest {

    @RegisterExtension
    static WireMockExtension wm = TestSupport.wireMock();

    private CrmConnectClient client;

    @BeforeEach
    void setUp() {
        TestSupport.stubToken(wm);
        client = TestSupport.builder(wm).retryPolicy(RetryPolicy.none()).build();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    private void stubError(int status, int serviceErrorCode, String extraJson) {
        wm.stubFor(get(urlPathEqualTo("/v2/crmContacts")).willReturn(aResponse()
                .withStatus(status)
                .withHeader("X-LI-UUID", "req-" + status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"went wrong " + status + "\",\"serviceErrorCode\":" + serviceErrorCode
                        + ",\"status\":" + status + extraJson + "}")));
    }

    private CrmConnectException failure() {
        return TestSupport.failure(TestSupport.api(client).send(TestSupport.finder(), RequestOptions.defaults()));
    }

    @ParameterizedTest(name = "HTTP {0} -> {1}")
    @CsvSource({
            "400, ValidationException",
            "401, AuthenticationException",
            "403, CrmConnectException",
            "404, NotFoundException",
            "409, ConflictException",
            "410, CrmConnectException",
            "422, ValidationException",
            "429, RateLimitedException",
            "500, ServerException",
            "501, ServerException",
            "502, ServerException",
            "503, ServerException",
            "504, ServerException",
    })
    void everyStatusMapsToItsException(int status, String type) {
        stubError(status, 100, "");
        CrmConnectException e = failure();
        assertEquals(type, e.getClass().getSimpleName(), e.toString());
        assertEquals(status, e.status());
        assertEquals(OptionalInt.of(100), e.serviceErrorCode());
        assertEquals("req-" + status, e.requestId().orElseThrow());
        assertTrue(e.getMessage().contains("went wrong " + status), e.getMessage());
        assertTrue(e.getMessage().contains("FINDER /crmContacts"), e.getMessage());
        assertEquals(1, e.attempts());
    }

    @Test
    void goneWithTheRetentionCodeIsAComplianceGap() {
        stubError(410, ComplianceGapException.SERVICE_ERROR_CODE, "");
        CrmConnectException e = failure();
        assertInstanceOf(ComplianceGapException.class, e);
        assertEquals(410, e.status());
        assertEquals(OptionalInt.of(410001), e.serviceErrorCode());
    }

    @Test
    void validationCarriesTheFieldPathsTheServerNamed() {
        stubError(422, 100, ",\"errorDetails\":{\"inputErrors\":[{\"input\":{\"inputPath\":{\"fieldPath\":"
                + "\"firstName\"}}},{\"input\":{\"inputPath\":{\"fieldPath\":\"phoneNumbers[0].number\"}}}]}");
        ValidationException e = assertInstanceOf(ValidationException.class, failure());
        assertEquals(List.of("firstName", "phoneNumbers[0].number"), e.fieldPaths());
    }

    @Test
    void validationReadsAPlainFieldMemberToo() {
        stubError(400, 100, ",\"field\":\"title\"");
        ValidationException e = assertInstanceOf(ValidationException.class, failure());
        assertEquals(List.of("title"), e.fieldPaths());
    }

    @Test
    void anErrorBodyThatIsNotJsonStillMapsByStatusWithoutEchoingIt() {
        wm.stubFor(get(urlPathEqualTo("/v2/crmContacts")).willReturn(aResponse()
                .withStatus(404).withBody("<html>jane.doe@example.com not here</html>")));
        CrmConnectException e = failure();
        assertInstanceOf(NotFoundException.class, e);
        assertEquals(OptionalInt.empty(), e.serviceErrorCode());
        assertTrue(e.requestId().isEmpty());
        assertTrue(!e.getMessage().contains("jane.doe"), e.getMessage());
    }

    @Test
    void aServerMessageCannotForgeLogLines() {
        stubError(400, 100, "");
        wm.stubFor(get(urlPathEqualTo("/v2/crmContacts")).willReturn(aResponse()
                .withStatus(400).withBody("{\"message\":\"bad\\nINFO forged line\",\"status\":400}")));
        CrmConnectException e = failure();
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void clientErrorsAreNeverRetried() {
        for (int status : new int[] {400, 401, 403, 404, 409, 422}) {
            wm.resetRequests();
            try (CrmConnectClient retrying = TestSupport.builder(wm).build()) {
                stubError(status, 1, "");
                CrmConnectException e = TestSupport.failure(
                        TestSupport.api(retrying).send(TestSupport.finder(), RequestOptions.defaults()));
                assertEquals(status, e.status());
                assertEquals(1, e.attempts(), "HTTP " + status);
                int expectedCalls = status == 401 ? 2 : 1; // a 401 refreshes the token once
                wm.verify(expectedCalls, getRequestedFor(urlPathEqualTo("/v2/crmContacts")));
            }
        }
    }
}
