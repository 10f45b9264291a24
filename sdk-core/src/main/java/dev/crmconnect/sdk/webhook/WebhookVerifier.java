package dev.crmconnect.sdk.webhook;

import dev.crmconnect.sdk.exception.WebhookSignatureException;
import dev.crmconnect.sdk.internal.webhook.Hex;
import dev.crmconnect.sdk.exception.WebhookSignatureException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks the {@code X-LI-Signature: hmacsha256=<hex>} header of a push: the lower-case hex
 * HMAC-SHA256 of the raw body bytes, keyed with the tenant's client secret. The comparison takes
 * the same time wherever the signatures differ. Thread-safe; one per client secret.
 */
public final class WebhookVerifier {

    /** The header that carries the signature; matched case-insensitively. */
    public static final String SIGNATURE_HEADER = "X-LI-Signature";

    private static final String ALGORITHM = "HmacSHA256";
    private static final String PREFIX = "hmacsha256=";
    private static final int HEX_LENGTH = 64;

    private final SecretKeySpec key;
    private final BiPredicate<byte[], byte[]> sameDigest;

    private WebhookVerifier(String clientSecret, BiPredicate<byte[], byte[]> sameDigest) {
        Objects.requireNonNull(clientSecret, "clientSecret must not be null");
        if (clientSecret.isEmpty()) {
            throw new IllegalArgumentException("clientSecret must not be empty");
        }
        this.key = new SecretKeySpec(clientSecret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.sameDigest = sameDigest;
    }

    /**
     * A verifier for pushes signed with this client secret.
     *
     * @param clientSecret the tenant's client secret, as given to the client; not empty
     * @return the verifier
     * @throws NullPointerException when the secret is null
     * @throws IllegalArgumentException when the secret is empty
     */
    public static WebhookVerifier of(String clientSecret) {
        // MessageDigest.isEqual looks at every byte of two equal-length arrays, whatever they hold.
        return new WebhookVerifier(clientSecret, MessageDigest::isEqual);
    }

    /** For tests that watch the comparison; production code uses {@link #of(String)}. */
    static WebhookVerifier withComparison(String clientSecret, BiPredicate<byte[], byte[]> sameDigest) {
        return new WebhookVerifier(clientSecret, Objects.requireNonNull(sameDigest, "sameDigest"));
    }

    /**
     * Verifies a push given its raw body and its request headers (names in any case).
     *
     * @param body the raw request body, exactly as received
     * @param headers the request headers, by name; the signature header must have exactly one value
     * @throws WebhookSignatureException when the header is missing, repeated, malformed, or does
     *     not match the body
     */
    public void verify(byte[] body, Map<String, List<String>> headers) {
        Objects.requireNonNull(headers, "headers must not be null");
        verify(body, signatureHeader(headers));
    }

    /**
     * Verifies a push given its raw body and the value of its {@code X-LI-Signature} header.
     *
     * @param body the raw request body, exactly as received
     * @param signatureHeader the header value, or {@code null} when the header is absent
     * @throws WebhookSignatureException when the header is missing, malformed, or does not match
     */
    public void verify(byte[] body, String signatureHeader) {
        Objects.requireNonNull(body, "body must not be null");
        byte[] given = parse(signatureHeader);
        byte[] expected = hmac(body);
        if (!sameDigest.test(expected, given)) {
            throw new WebhookSignatureException(Reason.MISMATCH,
                    SIGNATURE_HEADER + " does not match the body under this client secret");
        }
    }

    /**
     * The {@code X-LI-Signature} value for this body, as LinkedIn would send it. Public because a
     * receiver's own tests need it: they post signed pushes to their endpoint (and forged ones, signed
     * under another secret) without a LinkedIn to sign them; the SDK's receiver only verifies.
     *
     * @param body the raw body to sign
     * @return {@code hmacsha256=} followed by 64 lower-case hex digits
     */
    public String sign(byte[] body) {
        Objects.requireNonNull(body, "body must not be null");
        return PREFIX + Hex.encode(hmac(body));
    }

    @Override
    public String toString() {
        return "WebhookVerifier[clientSecret=***]";
    }

    /** The one value of the signature header, or null; more than one value is refused. */
    private static String signatureHeader(Map<String, List<String>> headers) {
        String found = null;
        int count = 0;
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (SIGNATURE_HEADER.equalsIgnoreCase(header.getKey()) && header.getValue() != null) {
                for (String value : header.getValue()) {
                    found = value;
                    count++;
                }
            }
        }
        if (count > 1) {
            throw new WebhookSignatureException(Reason.MULTIPLE_HEADERS,
                    SIGNATURE_HEADER + " must be sent once, found " + count + " values");
        }
        return found;
    }

    /** The 32 signature bytes of a well-formed header value. */
    private static byte[] parse(String header) {
        if (header == null) {
            throw new WebhookSignatureException(Reason.MISSING_HEADER, SIGNATURE_HEADER + " header is missing");
        }
        // HTTP allows whitespace around a field value; it is not part of the value.
        String value = header.strip();
        if (!value.startsWith(PREFIX)) {
            throw new WebhookSignatureException(Reason.WRONG_PREFIX,
                    SIGNATURE_HEADER + " must start with '" + PREFIX + "'");
        }
        int length = value.length() - PREFIX.length();
        if (length != HEX_LENGTH) {
            throw new WebhookSignatureException(Reason.WRONG_LENGTH, SIGNATURE_HEADER + " must carry "
                    + HEX_LENGTH + " hex digits after '" + PREFIX + "', found " + length);
        }
        byte[] bytes = Hex.decode(value.substring(PREFIX.length()));
        if (bytes == null) {
            throw new WebhookSignatureException(Reason.NOT_HEX,
                    SIGNATURE_HEADER + " must carry only hex digits after '" + PREFIX + "'");
        }
        return bytes;
    }

    private byte[] hmac(byte[] body) {
        try {
            // A Mac per call: Mac instances are not thread-safe, and creating one is cheap next to I/O.
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            // HmacSHA256 is in every Java platform; this cannot happen on a conforming JDK.
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        }
    }
}
