package dev.crmconnect.sdk;

import dev.crmconnect.model.internal.Check;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Options for one call, without cloning the client: a whole-call timeout that replaces the
 * client's, an idempotency key for a CREATE (else a random one is generated per call), extra
 * headers, and whether the call is background work that yields the client's throttle. Paged listings apply the same options to every page. Immutable; {@code toString()}
 * shows header names, never their values.
 */
public final class RequestOptions {

    private static final RequestOptions DEFAULTS = builder().build();

    /** Headers the SDK sets itself; extra headers may not replace them. */
    private static final Set<String> RESERVED_HEADERS = Set.of(
            "authorization", "x-restli-protocol-version", "x-restli-method", "user-agent", "content-type",
            "content-length", "x-idempotency-key", "host", "connection", "expect", "upgrade");

    private final Duration timeout;
    private final String idempotencyKey;
    private final Map<String, String> headers;
    private final boolean background;

    private RequestOptions(Builder builder) {
        this.timeout = builder.timeout;
        this.idempotencyKey = builder.idempotencyKey;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(builder.headers));
        this.background = builder.background;
    }

    /**
     * No options: the client's settings apply.
     *
     * @return the shared empty options
     */
    public static RequestOptions defaults() {
        return DEFAULTS;
    }

    /**
     * A builder with no options set.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The whole-call timeout for this call, when it replaces the client's.
     *
     * @return the timeout, or empty when the client's call timeout applies
     */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /**
     * The {@code X-Idempotency-Key} to send, when the caller chose one.
     *
     * @return the key, or empty when a CREATE gets a random key per call
     */
    public Optional<String> idempotencyKey() {
        return Optional.ofNullable(idempotencyKey);
    }

    /**
     * Extra headers to send, by name, in the order they were added.
     *
     * @return an unmodifiable map of header names to values; empty when there are none
     */
    public Map<String, String> headers() {
        return headers;
    }

    /**
     * Whether the call is background work (see {@link Builder#background(boolean)}).
     *
     * @return true when the call yields the client's throttle to other calls
     */
    public boolean background() {
        return background;
    }

    /**
     * A builder holding these options, to derive others from them.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.timeout = timeout;
        builder.idempotencyKey = idempotencyKey;
        builder.headers.putAll(headers);
        builder.background = background;
        return builder;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RequestOptions that
                && Objects.equals(timeout, that.timeout)
                && Objects.equals(idempotencyKey, that.idempotencyKey)
                && headers.equals(that.headers)
                && background == that.background;
    }

    @Override
    public int hashCode() {
        return Objects.hash(timeout, idempotencyKey, headers, background);
    }

    @Override
    public String toString() {
        return "RequestOptions[timeout=" + timeout + ", idempotencyKey=" + (idempotencyKey == null ? "none" : "set")
                + ", headers=" + headers.keySet() + ", background=" + background + "]";
    }

    /** Builds {@link RequestOptions}; every setting is checked when it is set. */
    public static final class Builder {

        private Duration timeout;
        private String idempotencyKey;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private boolean background;

        private Builder() {
        }

        /**
         * Marks the call as background work, such as a bulk sync: under the client's throttle it
         * books no send time ahead, but takes a free one when its wait ends, so a call without
         * the mark (a recruiter's edit) goes before it rather than behind it. A {@code Reconciler}
         * marks its calls so. With the throttle disabled it changes nothing.
         *
         * @param background whether the call yields the throttle to other calls
         * @return this builder
         */
        public Builder background(boolean background) {
            this.background = background;
            return this;
        }

        /**
         * The whole-call timeout for this call, all attempts and waits included.
         *
         * @param timeout the timeout; positive
         * @return this builder
         * @throws NullPointerException if {@code timeout} is null
         * @throws IllegalArgumentException if {@code timeout} is zero or negative
         */
        public Builder timeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout must not be null");
            this.timeout = Check.positive("timeout", timeout);
            return this;
        }

        /**
         * The {@code X-Idempotency-Key} for a CREATE, sent unchanged on every attempt.
         *
         * @param idempotencyKey the key: 1 to 255 visible ASCII characters
         * @return this builder
         * @throws NullPointerException if {@code idempotencyKey} is null
         * @throws IllegalArgumentException if {@code idempotencyKey} is empty, too long or not visible ASCII
         */
        public Builder idempotencyKey(String idempotencyKey) {
            Objects.requireNonNull(idempotencyKey, "idempotencyKey must not be null");
            if (idempotencyKey.isEmpty() || idempotencyKey.length() > 255 || !isVisibleAscii(idempotencyKey)) {
                throw new IllegalArgumentException(
                        "idempotencyKey must be 1 to 255 visible ASCII characters");
            }
            this.idempotencyKey = idempotencyKey;
            return this;
        }

        /**
         * An extra header. The name must be an HTTP token and not one the SDK sets itself
         * (Authorization, X-RestLi-*, User-Agent, Content-Type, X-Idempotency-Key and the
         * connection headers); the value must not contain line breaks. Setting a name again replaces its value.
         *
         * @param name the header name, an HTTP token such as {@code X-Trace-Id}
         * @param value the header value, without CR, LF or NUL
         * @return this builder
         * @throws NullPointerException if {@code name} or {@code value} is null
         * @throws IllegalArgumentException if the name is not a token or is reserved, or the value has a line break
         */
        public Builder header(String name, String value) {
            Objects.requireNonNull(name, "header name must not be null");
            Objects.requireNonNull(value, "header value must not be null");
            if (name.isEmpty() || !name.chars().allMatch(Builder::isTokenChar)) {
                throw Check.invalid("header name", "must be an HTTP token");
            }
            if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("header " + name + " is set by the SDK and cannot be replaced");
            }
            if (value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
                throw new IllegalArgumentException("header " + name + " must not contain line breaks or NUL");
            }
            headers.put(name, value);
            return this;
        }

        /**
         * The options set so far.
         *
         * @return new, immutable options
         */
        public RequestOptions build() {
            return new RequestOptions(this);
        }

        private static boolean isVisibleAscii(String s) {
            return s.chars().allMatch(c -> c > 0x20 && c < 0x7f);
        }

        private static boolean isTokenChar(int c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
        }
    }
}
