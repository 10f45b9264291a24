package dev.crmconnect.sdk.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crmconnect.sdk.internal.json.Json;
import dev.crmconnect.sdk.internal.json.Utf8;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a Rest.li error body the SDK uses: {@code status}, {@code serviceErrorCode},
 * {@code message} (made printable and capped) and the paths of offending fields. Reads the
 * contract's {@code {"message","serviceErrorCode","status"}}, a {@code field}/{@code fields}
 * member, LinkedIn's {@code errorDetails.inputErrors[].input.inputPath.fieldPath}, and an OAuth
 * {@code error} code. Also used for the per-entity errors of batch responses.
 *
 * @param status the {@code status} member, or null
 * @param serviceErrorCode the {@code serviceErrorCode} member, or null
 * @param message the server's message, or null
 * @param fieldPaths the offending fields' paths, possibly empty
 */
public record ServiceError(Integer status, Integer serviceErrorCode, String message, List<String> fieldPaths) {

    static final int MAX_MESSAGE_LENGTH = 300;

    private static final ServiceError EMPTY = new ServiceError(null, null, null, List.of());

    /** Copies the paths. */
    public ServiceError {
        fieldPaths = List.copyOf(fieldPaths);
    }

    /** Reads an error body leniently: anything that is not the expected JSON reads as empty. */
    public static ServiceError parse(byte[] body) {
        if (body == null || body.length == 0 || Utf8.firstInvalidByte(body) >= 0) {
            return EMPTY; // a body that is not UTF-8 is not JSON: no message or code is read from it
        }
        try {
            return from(Json.mapper().readTree(body));
        } catch (Exception notJson) {
            return EMPTY;
        }
    }

    /** Reads an error object, such as one entry of a batch response's {@code errors}. */
    public static ServiceError from(JsonNode node) {
        if (node == null || !node.isObject()) {
            return EMPTY;
        }
        String message = text(node.get("message"));
        if (message == null) {
            message = text(node.get("error")); // OAuth errors: the code, never the description
        }
        return new ServiceError(integer(node.get("status")), integer(node.get("serviceErrorCode")),
                message == null ? null : printable(message), fieldPaths(node));
    }

    private static List<String> fieldPaths(JsonNode node) {
        List<String> paths = new ArrayList<>();
        addText(paths, node.get("field"));
        JsonNode fields = node.get("fields");
        if (fields != null && fields.isArray()) {
            fields.forEach(field -> addText(paths, field));
        }
        JsonNode inputErrors = node.path("errorDetails").path("inputErrors");
        if (inputErrors.isArray()) {
            inputErrors.forEach(error -> addText(paths, error.path("input").path("inputPath").get("fieldPath")));
        }
        return paths;
    }

    private static void addText(List<String> paths, JsonNode node) {
        String text = text(node);
        if (text != null && !text.isBlank() && paths.size() < 50) {
            paths.add(printable(text));
        }
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() ? node.asText() : null;
    }

    private static Integer integer(JsonNode node) {
        return node != null && node.canConvertToInt() && node.isIntegralNumber() ? node.intValue() : null;
    }

    /** Drops control characters and caps the length, so a message cannot forge log lines. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < MAX_MESSAGE_LENGTH; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) ? ' ' : c);
        }
        return out.toString();
    }
}
