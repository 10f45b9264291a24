package dev.crmconnect.sdk.privacy;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.crmconnect.sdk.CrmConnectClient;
import dev.crmconnect.sdk.RetryPolicy;
import dev.crmconnect.sdk.Throttle;
import java.time.Duration;

/** A client aimed at a WireMock server, for the privacy flows' wire tests. */
final class Wire {

    static final String CONTEXT = "urn:li:organization:1001";
    static final String TOKEN_PATH = "/oauth/v2/accessToken";

    private Wire() {
    }

    static WireMockExtension server() {
        return WireMockExtension.newInstance()
                .options(com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig().dynamicPort())
                .build();
    }

    /** A client of tenant 1001 with quick retries and no throttle; stubs the token endpoint. */
    static CrmConnectClient client(WireMockExtension wm) {
        return builder(wm).build();
    }

    /** The builder of {@link #client}, for a test to add its own settings; stubs the token endpoint. */
    static CrmConnectClient.Builder builder(WireMockExtension wm) {
        wm.stubFor(post(urlPathEqualTo(TOKEN_PATH))
                .willReturn(okJson("{\"access_token\":\"tok\",\"expires_in\":1800}")));
        return CrmConnectClient.builder()
                .baseUrl(wm.baseUrl() + "/v2")
                .tokenUrl(wm.baseUrl() + TOKEN_PATH)
                .credentials("client-1", "secret-1")
                .integrationContext(CONTEXT)
                .retryPolicy(RetryPolicy.builder().maxAttempts(2).initialBackoff(Duration.ofMillis(1))
                        .maxBackoff(Duration.ofMillis(2)).build())
                .throttle(Throttle.disabled())
                .callTimeout(Duration.ofSeconds(20))
                .attemptTimeout(Duration.ofSeconds(5));
    }
}
