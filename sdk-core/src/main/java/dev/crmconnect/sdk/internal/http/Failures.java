package dev.crmconnect.sdk.internal.http;

import dev.crmconnect.sdk.exception.AuthenticationException;
import dev.crmconnect.sdk.exception.ComplianceGapException;
import dev.crmconnect.sdk.exception.ConflictException;
import dev.crmconnect.sdk.exception.CrmConnectException;
import dev.crmconnect.sdk.exception.ErrorDetails;
import dev.crmconnect.sdk.exception.NotFoundException;
import dev.crmconnect.sdk.exception.RateLimitedException;
import dev.crmconnect.sdk.exception.ServerException;
import dev.crmconnect.sdk.exception.TransportException;
import dev.crmconnect.sdk.exception.TransportException.Reason;
import dev.crmconnect.sdk.exception.ValidationException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ProtocolException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Turns what an exchange produced into the public exception of one call's attempt. Messages name
 * the method and path, the status, the server's {@code message} and {@code serviceErrorCode}, the
 * attempt and the request id; never a body, a query, a token or a secret. A failure of the
 * transport is attached as the cause only as a copy whose messages, down the whole chain and in
 * the suppressed exceptions, are our own ({@link WithheldMessages}): the JDK's may quote what the
 * server sent.
 */
public final class Failures {

    private Failures() {
    }

    /**
     * The exception for an error status, also used for the per-entity errors of a batch.
     *
     * @param what the method and path, for example {@code BATCH_UPDATE /crmContacts}
     * @param status the HTTP status (or the entity's status)
     * @param error the parsed error body
     * @param requestId the {@code X-LI-UUID}, or null
     * @param attempts the attempt count
     * @param retryAfter the {@code Retry-After} wait, or null
     */
    public static CrmConnectException forStatus(String what, int status, ServiceError error, String requestId,
            int attempts, Duration retryAfter) {
        Integer code = error.serviceErrorCode();
        String message = what + ": HTTP " + status
                + (error.message() == null ? "" : " " + error.message())
                + (code == null ? "" : " (serviceErrorCode " + code + ")")
                + (retryAfter == null ? "" : " (Retry-After " + retryAfter.toSeconds() + " s)")
                + suffix(attempts, requestId);
        ErrorDetails details = ErrorDetails.builder().status(status).serviceErrorCode(code).requestId(requestId)
                .attempts(attempts).retryAfter(retryAfter).build();
        if (status == 400 || status == 422) {
            return new ValidationException(message, details, error.fieldPaths(), null);
        }
        if (status == 401) {
            return new AuthenticationException(message, details, null);
        }
        if (status == 404) {
            return new NotFoundException(message, details, null);
        }
        if (status == 409) {
            return new ConflictException(message, details, null);
        }
        if (status == 410 && code != null && code == ComplianceGapException.SERVICE_ERROR_CODE) {
            return new ComplianceGapException(message, details, null);
        }
        if (status == 429) {
            return new RateLimitedException(message, details, null);
        }
        if (status >= 500 && status < 600) {
            return new ServerException(message, details, null);
        }
        return new CrmConnectException(message, details, null);
    }

    /** The exception for a complete response with an error status. */
    static CrmConnectException fromResponse(String what, RawResponse response, int attempt, Clock clock) {
        Duration retryAfter = RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), clock)
                .orElse(null);
        return forStatus(what, response.status(), ServiceError.parse(response.body()),
                response.requestId().orElse(null), attempt, retryAfter);
    }

    /** The exception for an error status from the token endpoint: 400 and 401 mean bad credentials. */
    static CrmConnectException fromTokenResponse(String what, RawResponse response, int attempt, Clock clock) {
        int status = response.status();
        if (status == 400 || status == 401 || status == 403) {
            ServiceError error = ServiceError.parse(response.body());
            String requestId = response.requestId().orElse(null);
            return new AuthenticationException(what + ": the token endpoint refused the client credentials: HTTP "
                    + status + (error.message() == null ? "" : " " + error.message()) + suffix(attempt, requestId),
                    ErrorDetails.builder().status(status).serviceErrorCode(error.serviceErrorCode())
                            .requestId(requestId).attempts(attempt).build(), null);
        }
        return fromResponse(what, response, attempt, clock);
    }

    /** The exception for any failure of an attempt. */
    static CrmConnectException fromThrowable(String what, Throwable failure, int attempt, Clock clock) {
        Throwable t = unwrap(failure);
        if (t instanceof CrmConnectException e) {
            return e;
        }
        if (t instanceof ExchangeFailure.Rejected rejected) {
            String source = rejected.tokenEndpoint ? what + " (token request)" : what;
            return rejected.tokenEndpoint
                    ? fromTokenResponse(source, rejected.response, attempt, clock)
                    : fromResponse(source, rejected.response, attempt, clock);
        }
        if (t instanceof ExchangeFailure.InvalidBody invalid) {
            RawResponse response = invalid.response;
            String requestId = response.requestId().orElse(null);
            return new TransportException(what + ": HTTP " + response.status() + " with an invalid body: "
                    + invalid.getMessage() + suffix(attempt, requestId),
                    Reason.INVALID_RESPONSE, ErrorDetails.builder().status(response.status()).requestId(requestId)
                            .attempts(attempt).build(), null);
        }
        if (t instanceof ExchangeFailure.TooLarge tooLarge) {
            return transport(what, tooLarge.getMessage(), Reason.RESPONSE_TOO_LARGE, tooLarge.status, attempt, null);
        }
        if (t instanceof ExchangeFailure.TimedOut timedOut) {
            return transport(what, timedOut.getMessage(), Reason.TIMEOUT, 0, attempt, null);
        }
        Throwable cause = WithheldMessages.copyOf(t);
        if (t instanceof HttpConnectTimeoutException || t instanceof ConnectException
                || t instanceof UnresolvedAddressException) {
            return transport(what, "could not connect (" + t.getClass().getSimpleName() + ")",
                    Reason.CONNECT_FAILED, 0, attempt, cause);
        }
        if (t instanceof HttpTimeoutException) {
            return transport(what, "the attempt timed out waiting for the response", Reason.TIMEOUT, 0, attempt,
                    cause);
        }
        if (t instanceof ProtocolException) {
            return transport(what, "the response broke the HTTP protocol (" + t.getClass().getSimpleName() + ")",
                    Reason.CONNECTION_LOST, 0, attempt, cause);
        }
        if (t instanceof IOException) {
            return transport(what, "the connection was lost (" + t.getClass().getSimpleName() + ")",
                    Reason.CONNECTION_LOST, 0, attempt, cause);
        }
        if (t instanceof CancellationException) {
            return transport(what, "the attempt was cancelled", Reason.ABORTED, 0, attempt, null);
        }
        return new CrmConnectException(what + ": unexpected failure (" + t.getClass().getName() + ")"
                + suffix(attempt, null), ErrorDetails.builder().attempts(attempt).build(), cause);
    }

    static TransportException transport(String what, String detail, Reason reason, int status, int attempt,
            Throwable cause) {
        return new TransportException(what + ": " + detail + suffix(attempt, null), reason,
                ErrorDetails.builder().status(status).attempts(attempt).build(), cause);
    }

    /**
     * The failure as the SDK's exception, unwrapped from the futures' wrappers; anything else is
     * wrapped in a {@link CrmConnectException} that names only its class.
     */
    public static CrmConnectException asCrmConnectException(Throwable failure) {
        Throwable t = unwrap(failure);
        return t instanceof CrmConnectException e ? e
                : new CrmConnectException("unexpected failure (" + t.getClass().getName() + ")", ErrorDetails.none(), t);
    }

    /** The cause of a {@link CompletionException} or {@link ExecutionException}, however deep. */
    public static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String suffix(int attempts, String requestId) {
        return " [attempt " + attempts + (requestId == null ? "" : ", request id " + requestId) + "]";
    }
}
