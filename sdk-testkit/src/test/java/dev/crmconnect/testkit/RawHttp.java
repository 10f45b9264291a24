package dev.crmconnect.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crmconnect.sdk.internal.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Raw HTTP calls to the fake, with hand-written JSON: the contract checked without the SDK. */
final class RawHttp {

    static final String ORG_A = "urn:li:organization:1001";
    static final String ORG_B = "urn:li:organization:2002";
    static final String ORG_A_ENCODED = "urn%3Ali%3Aorganization%3A1001";

    /** A response with its body as text. */
    record Response(int status, String body, HttpHeaders headers) {
        JsonNode json() {
            try {
                return Json.mapper().readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    /** HTTP/1.1: over plain http the JDK would first try an h2c upgrade, which these tests do not exercise. */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String origin;
    private String token;

    RawHttp(FakeCrmConnect fake) {
        this.origin = "http://127.0.0.1:" + fake.port();
    }

    RawHttp(int port) {
        this.origin = "http://127.0.0.1:" + port;
    }

    /** The contract's complex key of a record of organization 1001, crmId already encoded. */
    static String key(String encodedCrmId) {
        return "(crmId:" + encodedCrmId + ",dataProvider:CRM,integrationContext:" + ORG_A_ENCODED + ")";
    }

    static String keyIn(String org, String encodedCrmId) {
        return "(crmId:" + encodedCrmId + ",dataProvider:CRM,integrationContext:" + org.replace(":", "%3A") + ")";
    }

    Response tokenRequest(String form) {
        return send(HttpRequest.newBuilder(URI.create(origin + "/oauth/v2/accessToken"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** Gets a token and uses it for later API calls. */
    RawHttp login(String clientId, String secret) {
        Response r = tokenRequest("grant_type=client_credentials&client_id=" + clientId + "&client_secret=" + secret);
        if (r.status() != 200) {
            throw new AssertionError("token: " + r.status() + " " + r.body());
        }
        this.token = r.json().get("access_token").asText();
        return this;
    }

    String token() {
        return token;
    }

    void useToken(String value) {
        this.token = value;
    }

    /** An API call under /v2 with the contract's headers; {@code restLiMethod} may be null. */
    Response api(String method, String pathAndQuery, String restLiMethod, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(origin + "/v2" + pathAndQuery))
                .timeout(Duration.ofSeconds(10))
                .header("X-RestLi-Protocol-Version", "2.0.0")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (restLiMethod != null) {
            b.header("X-RestLi-Method", restLiMethod);
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return send(b);
    }

    Response batchUpdate(String resource, String idsList, String body) {
        return api("PUT", "/" + resource + "?ids=List(" + idsList + ")", "BATCH_UPDATE", body);
    }

    Response batchGet(String resource, String idsList) {
        return api("GET", "/" + resource + "?ids=List(" + idsList + ")", "BATCH_GET", null);
    }

    Response batchDelete(String resource, String idsList) {
        return api("DELETE", "/" + resource + "?ids=List(" + idsList + ")", "BATCH_DELETE", null);
    }

    Response finder(String resource, String query) {
        return api("GET", "/" + resource + "?" + query, "FINDER", null);
    }

    /** An admin API call. */
    Response admin(String method, String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(origin + "/__admin/crm" + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
