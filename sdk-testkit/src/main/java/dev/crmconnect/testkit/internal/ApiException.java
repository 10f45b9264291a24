package dev.crmconnect.testkit.internal;

/** A request the fake refuses as a whole; becomes the contract's error body. */
final class ApiException extends RuntimeException {

    final int status;
    final int serviceErrorCode;

    ApiException(int status, int serviceErrorCode, String message) {
        super(message, null, false, false);
        this.status = status;
        this.serviceErrorCode = serviceErrorCode;
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, ErrorCodes.INVALID, message);
    }

    static ApiException notFound(String message) {
        return new ApiException(404, ErrorCodes.NOT_FOUND, message);
    }

    static ApiException forbidden(String message) {
        return new ApiException(403, ErrorCodes.FORBIDDEN, message);
    }

    HttpReply toReply() {
        return HttpReply.error(status, serviceErrorCode, getMessage());
    }
}
