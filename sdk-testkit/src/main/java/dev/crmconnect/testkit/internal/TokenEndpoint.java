package dev.crmconnect.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** {@code POST /oauth/v2/accessToken}: OAuth 2.0 client credentials. */
final class TokenEndpoint {

    static final String PATH = "/oauth/v2/accessToken";

    private final TenantRegistry tenants;

    TokenEndpoint(TenantRegistry tenants) {
        this.tenants = tenants;
    }

    HttpReply handle(HttpCall call) {
        if (!"POST".equals(call.method())) {
            return oauthError(405, "invalid_request", "the token endpoint takes POST");
        }
        String contentType = call.header("Content-Type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return oauthError(400, "invalid_request", "Content-Type: must be application/x-www-form-urlencoded");
        }
        Map<String, String> form = parseForm(new String(call.body(), StandardCharsets.UTF_8));
        if (!"client_credentials".equals(form.get("grant_type"))) {
            return oauthError(400, "unsupported_grant_type", "grant_type: must be client_credentials");
        }
        String token = tenants.issueToken(form.get("client_id"), form.get("client_secret"));
        if (token == null) {
            return oauthError(401, "invalid_client", "Client authentication failed");
        }
        ObjectNode body = WireJson.object();
        body.put("access_token", token);
        body.put("expires_in", TenantRegistry.TOKEN_LIFETIME_SECONDS);
        return HttpReply.json(200, body);
    }

    private static HttpReply oauthError(int status, String error, String description) {
        ObjectNode body = WireJson.object();
        body.put("error", error);
        body.put("error_description", description);
        return HttpReply.json(status, body);
    }

    private static Map<String, String> parseForm(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                try {
                    form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    // A malformed pair is ignored: the missing field is reported instead.
                }
            }
        }
        return form;
    }
}
