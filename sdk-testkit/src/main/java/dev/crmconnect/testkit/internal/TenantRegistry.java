package dev.crmconnect.testkit.internal;

import dev.crmconnect.testkit.FakeClock;
import dev.crmconnect.testkit.FakeTenant;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The registered tenants and the access tokens issued to them. Thread-safe. */
final class TenantRegistry {

    /** Tokens live 30 minutes, as the contract says. */
    static final long TOKEN_LIFETIME_SECONDS = 1800;

    private record Token(String clientId, long expiresAtMillis) {
    }

    private final FakeClock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, FakeTenant> byClientId = new LinkedHashMap<>();
    private final Map<String, Token> tokens = new HashMap<>();

    TenantRegistry(FakeClock clock) {
        this.clock = clock;
    }

    /** Adds or replaces the tenant with this client id. */
    synchronized void register(FakeTenant tenant) {
        byClientId.put(tenant.clientId(), tenant);
    }

    synchronized List<FakeTenant> all() {
        return List.copyOf(byClientId.values());
    }

    synchronized List<FakeTenant> withContext(String integrationContext) {
        List<FakeTenant> found = new ArrayList<>();
        for (FakeTenant tenant : byClientId.values()) {
            if (tenant.integrationContext().equals(integrationContext)) {
                found.add(tenant);
            }
        }
        return found;
    }

    /** A new token for these credentials, or null when they do not match a tenant. */
    synchronized String issueToken(String clientId, String clientSecret) {
        FakeTenant tenant = clientId == null ? null : byClientId.get(clientId);
        if (tenant == null || clientSecret == null || !MessageDigest.isEqual(
                tenant.clientSecret().getBytes(StandardCharsets.UTF_8), clientSecret.getBytes(StandardCharsets.UTF_8))) {
            return null;
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tokens.put(token, new Token(clientId, clock.millis() + TOKEN_LIFETIME_SECONDS * 1000));
        return token;
    }

    /** The tenant holding this token, or null when it is unknown or expired. */
    synchronized FakeTenant authenticate(String token) {
        Token found = token == null ? null : tokens.get(token);
        if (found == null) {
            return null;
        }
        if (clock.millis() >= found.expiresAtMillis()) {
            tokens.remove(token);
            return null;
        }
        return byClientId.get(found.clientId());
    }

    /** Keeps only these tenants, and the tokens issued to them. */
    synchronized void retainOnly(List<FakeTenant> tenants) {
        byClientId.clear();
        tenants.forEach(t -> byClientId.put(t.clientId(), t));
        tokens.values().removeIf(t -> !byClientId.containsKey(t.clientId()));
    }
}
