package dev.crmconnect.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** One HTTP response, plus the transport faults to play while sending it. */
final class HttpReply {

    final int status;
    final Map<String, String> headers = new LinkedHashMap<>();
    final byte[] body;
    /** Reset the connection instead of answering. */
    boolean connectionReset;
    /** Wait this long before answering. */
    int delayMillis;
    /** Send the body in small chunks spread over this long. */
    int dribbleMillis;

    private HttpReply(int status, byte[] body) {
        this.status = status;
        this.body = body;
    }

    /** A JSON reply. */
    static HttpReply json(int status, JsonNode body) {
        HttpReply reply = new HttpReply(status, WireJson.write(body));
        reply.headers.put("Content-Type", "application/json");
        return reply;
    }

    /** The contract's error body: {@code {"message","serviceErrorCode","status"}}. */
    static HttpReply error(int status, int serviceErrorCode, String message) {
        return json(status, errorBody(status, serviceErrorCode, message));
    }

    /** The error body alone, also used per entity inside batch responses. */
    static ObjectNode errorBody(int status, int serviceErrorCode, String message) {
        ObjectNode body = WireJson.object();
        body.put("message", message);
        body.put("serviceErrorCode", serviceErrorCode);
        body.put("status", status);
        return body;
    }

    /** A reply with no body. */
    static HttpReply empty(int status) {
        return new HttpReply(status, new byte[0]);
    }

    /** A connection reset: no answer at all. */
    static HttpReply reset() {
        HttpReply reply = new HttpReply(0, new byte[0]);
        reply.connectionReset = true;
        return reply;
    }

    HttpReply header(String name, String value) {
        headers.put(name, value);
        return this;
    }
}
