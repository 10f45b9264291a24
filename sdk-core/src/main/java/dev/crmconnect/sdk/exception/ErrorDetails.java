package dev.crmconnect.sdk.exception;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What is known about a failed call: the HTTP status of its last response, LinkedIn's
 * {@code serviceErrorCode}, the {@code X-LI-UUID} request id, how many attempts were made and the
 * wait a 429 or 5xx asked for. Immutable; built with named setters so that no two numbers can be
 * swapped by position. Failures that are not calls (a checkpoint store, a webhook) carry
 * {@link #none()}.
 */
public final class ErrorDetails implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final ErrorDetails NONE = builder().build();

    /** The HTTP status of the last response; 0 when there was none. */
    private final int status;
    /** LinkedIn's {@code serviceErrorCode}; null when the server gave none. */
    private final Integer serviceErrorCode;
    /** The {@code X-LI-UUID} of the last response; null when there was none. */
    private final String requestId;
    /** How many attempts were made; 0 when the failure was no call. */
    private final int attempts;
    /** The wait a 429 or 5xx asked for; null when it asked for none. */
    private final Duration retryAfter;

    private ErrorDetails(Builder builder) {
        this.status = builder.status;
        this.serviceErrorCode = builder.serviceErrorCode;
        this.requestId = builder.requestId;
        this.attempts = builder.attempts;
        this.retryAfter = builder.retryAfter;
    }

    /**
     * Details of a failure that involved no HTTP exchange.
     *
     * @return details with status 0, no code, no request id, 0 attempts and no wait
     */
    public static ErrorDetails none() {
        return NONE;
    }

    /**
     * A builder with every value unknown (status 0, 0 attempts).
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The HTTP status of the last response.
     *
     * @return the status, or 0 when no response was received
     */
    public int status() {
        return status;
    }

    /**
     * LinkedIn's {@code serviceErrorCode} from the error body.
     *
     * @return the code, or empty when the body had none
     */
    public OptionalInt serviceErrorCode() {
        return serviceErrorCode == null ? OptionalInt.empty() : OptionalInt.of(serviceErrorCode);
    }

    /**
     * The {@code X-LI-UUID} request id of the last response, for LinkedIn support.
     *
     * @return the request id, or empty when no response carried one
     */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /**
     * How many attempts the call made.
     *
     * @return the number of attempts, at least 1 once a request was tried, 0 when none was
     */
    public int attempts() {
        return attempts;
    }

    /**
     * The wait the server asked for in {@code Retry-After}.
     *
     * @return the wait, or empty when the server gave none
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ErrorDetails other && status == other.status && attempts == other.attempts
                && Objects.equals(serviceErrorCode, other.serviceErrorCode)
                && Objects.equals(requestId, other.requestId) && Objects.equals(retryAfter, other.retryAfter);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, serviceErrorCode, requestId, attempts, retryAfter);
    }

    @Override
    public String toString() {
        return "ErrorDetails[status=" + status + ", serviceErrorCode=" + serviceErrorCode + ", requestId="
                + requestId + ", attempts=" + attempts + ", retryAfter=" + retryAfter + "]";
    }

    /** Builds {@link ErrorDetails}; every value is optional. */
    public static final class Builder {

        private int status;
        private Integer serviceErrorCode;
        private String requestId;
        private int attempts;
        private Duration retryAfter;

        private Builder() {
        }

        /**
         * Sets the HTTP status of the last response.
         *
         * @param status the status, or 0 when no response was received
         * @return this builder
         */
        public Builder status(int status) {
            this.status = status;
            return this;
        }

        /**
         * Sets LinkedIn's {@code serviceErrorCode}.
         *
         * @param serviceErrorCode the code, or null when the error body had none
         * @return this builder
         */
        public Builder serviceErrorCode(Integer serviceErrorCode) {
            this.serviceErrorCode = serviceErrorCode;
            return this;
        }

        /**
         * Sets the {@code X-LI-UUID} request id of the last response.
         *
         * @param requestId the request id, or null when none was received
         * @return this builder
         */
        public Builder requestId(String requestId) {
            this.requestId = requestId;
            return this;
        }

        /**
         * Sets how many attempts the call made.
         *
         * @param attempts the number of attempts, 0 when no request was tried
         * @return this builder
         */
        public Builder attempts(int attempts) {
            this.attempts = attempts;
            return this;
        }

        /**
         * Sets the wait the server asked for in {@code Retry-After}.
         *
         * @param retryAfter the wait, or null when the server gave none
         * @return this builder
         */
        public Builder retryAfter(Duration retryAfter) {
            this.retryAfter = retryAfter;
            return this;
        }

        /**
         * Builds the details.
         *
         * @return the immutable details
         */
        public ErrorDetails build() {
            return new ErrorDetails(this);
        }
    }
}
