package dev.crmconnect.sdk.internal.sync;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.crmconnect.sdk.internal.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
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
    private final byte[] full = new byte[32];
    /**
     * The body's bytes go straight into the HMAC as the writer emits them: the same bytes as the
     * body sent, without an array of them per record.
     */
    private final OutputStream toMac = new OutputStream() {
        @Override
        public void write(int b) {
            mac.update((byte) b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            mac.update(bytes, offset, length);
        }
    };

    /** Reused from record to record: a generator per record costs about as much as the HMAC. */
    private JsonGenerator generator;

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
        try {
            if (generator == null) {
                generator = Json.requestBodyGenerator(toMac);
            }
            Json.writeRequestBody(record, generator);
        } catch (IOException | RuntimeException e) {
            // Drop the part written, so the next record starts clean.
            generator = null;
            mac.reset();
            if (e instanceof RuntimeException r) {
                throw r;
            }
            // Never echo the record: it holds personal data.
            throw new IllegalArgumentException("the record cannot be written as JSON ("
                    + e.getClass().getSimpleName() + ")");
        }
        return finish();
    }

    private Digest finish() {
        try {
            mac.doFinal(full, 0);
        } catch (ShortBufferException e) {
            throw new IllegalStateException(e); // 32 bytes always hold an HMAC-SHA-256
        }
        return Digest.of(full, 0);
    }
}
