package dev.crmconnect.sdk.internal.http;

import java.time.Duration;

/**
 * Internal failures of one exchange, before they become the public exception of a particular
 * call and attempt (see {@link Failures}). Shared futures (the token refresh) fail with these, so
 * that no public exception instance is ever shared between calls.
 */
abstract class ExchangeFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ExchangeFailure(String message) {
        super(message, null, false, false);
    }

    /** The per-attempt timer fired before the response body was complete. */
    static final class TimedOut extends ExchangeFailure {
        private static final long serialVersionUID = 1L;
        final Duration timeout;

        TimedOut(Duration timeout) {
            super("the attempt timed out after " + timeout);
            this.timeout = timeout;
        }
    }

    /** The response body was larger than the cap. */
    static final class TooLarge extends ExchangeFailure {
        private static final long serialVersionUID = 1L;
        final int status;

        TooLarge(long cap, int status) {
            super("the response body exceeded the cap of " + cap + " bytes");
            this.status = status;
        }
    }

    /** A complete response whose status says the request failed. */
    static final class Rejected extends ExchangeFailure {
        private static final long serialVersionUID = 1L;
        final transient RawResponse response;
        final boolean tokenEndpoint;

        Rejected(RawResponse response, boolean tokenEndpoint) {
            super("HTTP " + response.status());
            this.response = response;
            this.tokenEndpoint = tokenEndpoint;
        }
    }

    /** A successful status with a body that is not the expected JSON. */
    static final class InvalidBody extends ExchangeFailure {
        private static final long serialVersionUID = 1L;
        final transient RawResponse response;

        /** @param detail what was wrong, never any of the body's content */
        InvalidBody(RawResponse response, String detail) {
            super(detail);
            this.response = response;
        }
    }
}
