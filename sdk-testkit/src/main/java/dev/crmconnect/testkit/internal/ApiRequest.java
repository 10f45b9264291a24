package dev.crmconnect.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmconnect.testkit.FakeTenant;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** One authenticated API call, routed to a resource, with helpers to read its parts. */
final class ApiRequest {

    /** At most this many entities or keys per batch call. */
    static final int MAX_BATCH = 100;
    static final int DEFAULT_COUNT = 10;
    static final int MAX_COUNT = 100;

    final FakeTenant tenant;
    final TenantData data;
    final RestLiMethod method;
    /** The raw path segments after {@code /v2}. */
    final List<String> segments;
    final Map<String, Object> query;
    final HttpCall http;
    final long now;

    ApiRequest(FakeTenant tenant, TenantData data, RestLiMethod method, List<String> segments,
               Map<String, Object> query, HttpCall http, long now) {
        this.tenant = tenant;
        this.data = data;
        this.method = method;
        this.segments = segments;
        this.query = query;
        this.http = http;
        this.now = now;
    }

    /** The decoded {@code ids} list; 400 when absent or longer than 100. */
    List<?> ids() {
        Object ids = query.get("ids");
        if (ids == null) {
            throw ApiException.badRequest("ids: is required for " + method);
        }
        if (!(ids instanceof List<?> list)) {
            throw ApiException.badRequest("ids: must be List(...)");
        }
        if (list.size() > MAX_BATCH) {
            throw ApiException.badRequest("ids: at most " + MAX_BATCH + " keys per call, got " + list.size());
        }
        return list;
    }

    /** The body as a JSON object; 400 otherwise. */
    ObjectNode body() {
        try {
            JsonNode node = WireJson.read(http.body());
            if (node == null || !node.isObject()) {
                throw ApiException.badRequest("body: must be a JSON object");
            }
            return (ObjectNode) node;
        } catch (IOException e) {
            throw ApiException.badRequest("body: is not valid JSON");
        }
    }

    /** The body's {@code entities} object; 400 when absent or larger than 100. */
    ObjectNode entities() {
        JsonNode entities = body().get("entities");
        if (entities == null || !entities.isObject()) {
            throw ApiException.badRequest("entities: is required and must be an object");
        }
        if (entities.size() > MAX_BATCH) {
            throw ApiException.badRequest("entities: at most " + MAX_BATCH + " per call, got " + entities.size());
        }
        return (ObjectNode) entities;
    }

    /** A query parameter as a string, or null when absent. */
    String param(String name) {
        Object value = query.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s)) {
            throw ApiException.badRequest(name + ": must be a plain value");
        }
        return s;
    }

    String requireParam(String name) {
        String value = param(name);
        if (value == null || value.isEmpty()) {
            throw ApiException.badRequest(name + ": is required for q=" + param("q"));
        }
        return value;
    }

    /** Checks the {@code integrationContext} parameter names this tenant's organization. */
    void requireOwnContext(boolean required) {
        String context = required ? requireParam("integrationContext") : param("integrationContext");
        if (context != null && !context.equals(tenant.integrationContext())) {
            throw ApiException.forbidden("integrationContext: does not belong to this application");
        }
    }

    int start() {
        return intParam("start", 0, 0, Integer.MAX_VALUE);
    }

    int count() {
        return intParam("count", DEFAULT_COUNT, 0, MAX_COUNT);
    }

    long longParam(String name) {
        String value = param(name);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + ": must be epoch milliseconds");
        }
    }

    private int intParam(String name, int fallback, int min, int max) {
        String value = param(name);
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.badRequest(name + ": must be an integer from " + min + " to " + max);
    }
}
