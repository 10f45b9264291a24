package dev.crmconnect.testkit.internal;

/** The {@code serviceErrorCode} values the fake answers with. */
final class ErrorCodes {

    /** Bad request or invalid entity (the contract's 422 example uses 100). */
    static final int INVALID = 100;
    /** Missing, unknown or expired access token. */
    static final int INVALID_TOKEN = 65600;
    /** A {@code publishedAfter} older than the retention window. */
    static final int RETENTION_EXCEEDED = 410001;
    static final int FORBIDDEN = 403;
    static final int NOT_FOUND = 404;
    static final int METHOD_NOT_ALLOWED = 405;
    static final int CONFLICT = 409;
    static final int THROTTLED = 429;

    private ErrorCodes() {
    }

    /** The code for an injected or generic error of this status. */
    static int forStatus(int status) {
        return switch (status) {
            case 400, 422 -> INVALID;
            case 401 -> INVALID_TOKEN;
            case 410 -> RETENTION_EXCEEDED;
            default -> status;
        };
    }
}
