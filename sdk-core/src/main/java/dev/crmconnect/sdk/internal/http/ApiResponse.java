package dev.crmconnect.sdk.internal.http;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.crmconnect.sdk.exception.ErrorDetails;
import dev.crmconnect.sdk.exception.TransportException;
import dev.crmconnect.sdk.internal.json.Json;
import java.net.http.HttpHeaders;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A successful (2xx) API response: status, headers, the body as received and as a JSON tree
 * (already checked to be JSON; a missing node when the body was empty), the {@code X-LI-UUID}
 * request id and the number of attempts the call took. Converting the tree to a type that does
 * not fit it, or a JSON null or an empty body to any type, throws a {@link TransportException}
 * naming the JSON path, never the values.
 */
public final class ApiResponse {

    private final String what;
    private final RawResponse raw;
    private final JsonNode json;
    private final int attempts;

    ApiResponse(String what, RawResponse raw, JsonNode json, int attempts) {
        this.what = what;
        this.raw = raw;
        this.json = json;
        this.attempts = attempts;
    }

    /** The HTTP status, 2xx. */
    public int status() {
        return raw.status();
    }

    /** The response headers. */
    public HttpHeaders headers() {
        return raw.headers();
    }

    /** The first value of a header, for example {@code X-RestLi-Id} of a CREATE. */
    public Optional<String> header(String name) {
        return raw.headers().firstValue(name);
    }

    /** A copy of the body as received. */
    public byte[] body() {
        return raw.body().clone();
    }

    /** The {@code X-LI-UUID} request id. */
    public Optional<String> requestId() {
        return raw.requestId();
    }

    /** How many attempts the call took. */
    public int attempts() {
        return attempts;
    }

    /** The body as a JSON tree; a missing node when the body was empty. Do not modify it. */
    public JsonNode json() {
        return json;
    }

    /** The body converted to {@code type}. */
    public <T> T read(Class<T> type) {
        return convert(json, Json.mapper().constructType(type));
    }

    /** The body converted to a generic type. */
    public <T> T read(TypeReference<T> type) {
        return convert(json, Json.mapper().getTypeFactory().constructType(type));
    }

    /** A part of the body (for example one element of a page) converted to {@code type}. */
    public <T> T convert(JsonNode node, Class<T> type) {
        return convert(node, Json.mapper().constructType(type));
    }

    private <T> T convert(JsonNode node, JavaType type) {
        if (node == null || node.isNull() || node.isMissingNode()) { // Jackson reads null, never an entity
            throw invalid("null where a " + type.getRawClass().getSimpleName() + " belongs");
        }
        try {
            return Json.mapper().treeToValue(node, type);
        } catch (JsonMappingException e) {
            throw invalid("does not match " + type.getRawClass().getSimpleName() + pathOf(e));
        } catch (Exception e) {
            throw invalid("does not match " + type.getRawClass().getSimpleName());
        }
    }

    /** A {@link TransportException} saying the body is not what the contract specifies. */
    public TransportException invalid(String detail) {
        String requestId = raw.requestId().orElse(null);
        return new TransportException(what + ": HTTP " + raw.status() + " with an invalid body: " + detail
                + " [attempt " + attempts + (requestId == null ? "" : ", request id " + requestId) + "]",
                TransportException.Reason.INVALID_RESPONSE,
                ErrorDetails.builder().status(raw.status()).requestId(requestId).attempts(attempts).build(), null);
    }

    /** The JSON path of a mapping failure, like {@code elements[2].firstName}; never a value. */
    static String pathOf(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining());
        return path.isEmpty() ? "" : " at " + (path.startsWith(".") ? path.substring(1) : path);
    }

    @Override
    public String toString() {
        return "ApiResponse[" + what + ", status=" + raw.status() + ", bytes=" + raw.body().length
                + ", attempts=" + attempts + "]";
    }
}
