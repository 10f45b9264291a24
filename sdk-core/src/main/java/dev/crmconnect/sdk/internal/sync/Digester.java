package dev.crmconnect.sdk.internal.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.crmconnect.sdk.internal.json.Json;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Digests of records as the SDK sends them: HMAC-SHA-256, keyed by the ledger's random salt, of
 * the request body the SDK writes for the record, truncated to 16 bytes. The body writer is
 * deterministic (fields in declaration order, lists in order, no maps of unordered keys), so equal
 * records give equal bytes. Keyed, so a digest reveals nothing guessable about the record without
 * the salt. Not thread-safe: one per run.
 */
public final class Digester {

    private final Mac mac;

    /** A digester keyed by {@code salt}. */
    public Digester(byte[] salt) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt, "HmacSHA256"));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    /** The digest of {@code record}'s request body. */
    public Digest digest(Object record) {
        byte[] body;
        try {
            body = Json.writeRequestBody(record);
        } catch (JsonProcessingException e) {
            // Never echo the record: it holds personal data.
            throw new IllegalArgumentException("the record cannot be written as JSON ("
                    + e.getClass().getSimpleName() + ")");
        }
        return digestOf(body);
    }

    /** The digest of {@code bytes}. */
    Digest digestOf(byte[] bytes) {
        byte[] full = mac.doFinal(bytes);
        return Digest.of(full, 0);
    }
}
