package dev.crmconnect.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmconnect.testkit.ExportDestination;
import dev.crmconnect.testkit.FakeMember;
import dev.crmconnect.testkit.FakeTenant;
import dev.crmconnect.testkit.Faults;
import dev.crmconnect.testkit.JournalEntry;
import dev.crmconnect.testkit.PushDelivery;
import dev.crmconnect.testkit.Quotas;
import dev.crmconnect.testkit.TenantState;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The admin API under {@code /__admin/crm/}: JSON in, JSON out, the same controls as the Java API.
 * Bad input is a 400 with the contract's error body, naming the field.
 */
public final class AdminApi {

    /** Where the routes live under WireMock's {@code /__admin}. */
    static final String PREFIX = "/crm";

    private final Simulation sim;

    /** The admin API of this simulation. */
    public AdminApi(Simulation simulation) {
        this.sim = simulation;
    }

    /** Answers one admin call; {@code action} is the path segment after {@code /__admin/crm/}. */
    HttpReply handle(HttpCall call, String action) {
        try {
            return switch (call.method() + " /" + action) {
                case "GET /tenants" -> tenants();
                case "POST /tenants" -> addTenant(body(call));
                case "POST /members" -> addMember(body(call));
                case "POST /exports" -> export(body(call));
                case "POST /integrationStatusChanges" -> statusChange(body(call));
                case "POST /memberDeletions" -> deleteMember(body(call));
                case "GET /faults" -> faults();
                case "POST /faults" -> setFaults(body(call));
                case "DELETE /faults" -> clearFaults();
                case "GET /state" -> state(query(call));
                case "GET /journal" -> journal();
                case "GET /pushes" -> pushes();
                case "GET /clock" -> clock();
                case "POST /clock" -> setClock(body(call));
                case "POST /reset" -> reset();
                default -> throw ApiException.notFound("no admin route " + call.method() + " /__admin/crm/" + action);
            };
        } catch (ApiException e) {
            return e.toReply();
        } catch (IllegalArgumentException | NullPointerException e) {
            return HttpReply.error(400, ErrorCodes.INVALID, String.valueOf(e.getMessage()));
        }
    }

    private HttpReply tenants() {
        ObjectNode body = object();
        ArrayNode list = body.putArray("tenants");
        sim.tenants().forEach(t -> list.add(tenantJson(t)));
        return HttpReply.json(200, body);
    }

    private HttpReply addTenant(JsonNode body) {
        FakeTenant tenant = new FakeTenant(text(body, "clientId"), text(body, "clientSecret"),
                text(body, "integrationContext"), optionalText(body, "callbackUrl"));
        sim.addTenant(tenant);
        return HttpReply.json(201, tenantJson(tenant));
    }

    private HttpReply addMember(JsonNode body) {
        JsonNode location = body.path("location");
        FakeMember member = new FakeMember(text(body, "member"), optionalText(body, "firstName"),
                optionalText(body, "lastName"), optionalText(body, "emailAddress"), optionalText(body, "profileUrl"),
                optionalText(body, "currentJobTitle"), optionalText(body, "currentCompanyName"),
                optionalText(location, "city"), optionalText(location, "geographicArea"),
                optionalText(location, "country"));
        sim.addMember(member);
        return HttpReply.json(201, object().put("member", member.member()));
    }

    private HttpReply export(JsonNode body) {
        JsonNode destination = body.get("destination");
        if (destination == null || !destination.isObject()) {
            throw new IllegalArgumentException("destination: is required");
        }
        String exportedBy = optionalText(body, "exportedBy");
        String requestId = sim.export(text(body, "member"), text(body, "integrationContext"),
                new ExportDestination(text(destination, "type"), text(destination, "crmId")),
                exportedBy == null ? DEFAULT_SEAT : exportedBy);
        return HttpReply.json(201, object().put("requestId", requestId));
    }

    /** The seat exports are made by when none is given. */
    static final String DEFAULT_SEAT = "urn:li:seat:1";

    private HttpReply statusChange(JsonNode body) {
        sim.integrationStatusChange(text(body, "integrationContext"));
        return HttpReply.empty(204);
    }

    private HttpReply deleteMember(JsonNode body) {
        JsonNode delay = body.get("publicationDelayMillis");
        List<String> ids = sim.deleteMember(text(body, "member"),
                delay == null || delay.isNull() ? null : Duration.ofMillis(number(body, "publicationDelayMillis")));
        ObjectNode reply = object();
        ids.forEach(reply.putArray("noticeIds")::add);
        if (ids.isEmpty()) {
            reply.putArray("noticeIds");
        }
        return HttpReply.json(200, reply);
    }

    private HttpReply faults() {
        Faults f = sim.faults();
        ObjectNode body = object();
        body.put("seed", f.seed());
        ObjectNode rates = body.putObject("errorRates");
        f.errorRates().forEach((status, rate) -> rates.put(String.valueOf(status), rate));
        body.put("resetRate", f.resetRate());
        body.put("latencyMs", f.latency().toMillis());
        body.put("slowBodyRate", f.slowBodyRate());
        body.put("slowBodyMillis", f.slowBodyDuration().toMillis());
        return HttpReply.json(200, body);
    }

    /**
     * Replaces the faults: {@code seed}, {@code errorRate} over {@code statuses}, or
     * {@code errorRates} by status, {@code resetRate}, {@code latencyMs}, {@code slowBodyRate},
     * {@code slowBodyMillis}, {@code rateLimit} and {@code failNext}.
     */
    private HttpReply setFaults(JsonNode body) {
        Faults.Builder builder = Faults.builder();
        if (body.has("seed")) {
            builder.seed(number(body, "seed"));
        }
        if (body.has("errorRate")) {
            JsonNode statuses = body.path("statuses");
            if (!statuses.isArray() || statuses.isEmpty()) {
                throw new IllegalArgumentException("statuses: at least one status is required with errorRate");
            }
            int[] codes = new int[statuses.size()];
            for (int i = 0; i < codes.length; i++) {
                codes[i] = statuses.get(i).asInt();
            }
            builder.errorRate(decimal(body, "errorRate"), codes);
        }
        body.path("errorRates").fields().forEachRemaining(e -> {
            try {
                builder.errorRate(Integer.parseInt(e.getKey()), e.getValue().asDouble());
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException("errorRates: keys must be statuses, got " + e.getKey());
            }
        });
        if (body.has("resetRate")) {
            builder.resetRate(decimal(body, "resetRate"));
        }
        if (body.has("latencyMs")) {
            builder.latency(Duration.ofMillis(number(body, "latencyMs")));
        }
        if (body.has("slowBodyRate")) {
            long millis = body.has("slowBodyMillis") ? number(body, "slowBodyMillis") : 500;
            builder.slowBodies(decimal(body, "slowBodyRate"), Duration.ofMillis(millis));
        }
        Faults faults = builder.build();
        Quotas quotas = rateLimit(body.get("rateLimit"));
        for (JsonNode failNext : body.path("failNext")) {
            sim.failNext(text(failNext, "path"), (int) number(failNext, "count"),
                    failNext.has("status") ? (int) number(failNext, "status") : 500);
        }
        sim.faults(faults);
        sim.quotas(quotas);
        return HttpReply.json(200, object().put("seed", faults.seed()));
    }

    private static Quotas rateLimit(JsonNode rateLimit) {
        Quotas contract = Quotas.contract();
        if (rateLimit == null || rateLimit.isNull()) {
            return contract;
        }
        if (rateLimit.path("enabled").isBoolean() && !rateLimit.get("enabled").asBoolean()) {
            return Quotas.unlimited();
        }
        int records = rateLimit.has("recordsPerMinute") ? (int) number(rateLimit, "recordsPerMinute")
                : contract.recordsPerMinute();
        int requests = rateLimit.has("requestsPerDay") ? (int) number(rateLimit, "requestsPerDay")
                : contract.requestsPerDay();
        Quotas.RetryAfter retryAfter = Quotas.RetryAfter.SECONDS;
        if (rateLimit.has("retryAfter")) {
            try {
                retryAfter = Quotas.RetryAfter.valueOf(text(rateLimit, "retryAfter").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("rateLimit.retryAfter: must be SECONDS, HTTP_DATE or NONE");
            }
        }
        return Quotas.of(records, requests, retryAfter);
    }

    private HttpReply clearFaults() {
        sim.faults(Faults.none());
        sim.quotas(Quotas.contract());
        return HttpReply.empty(204);
    }

    private HttpReply state(Map<String, String> query) {
        String only = query.get("integrationContext");
        boolean withEntities = only != null || "true".equals(query.get("entities"));
        ObjectNode body = object();
        ArrayNode list = body.putArray("tenants");
        for (TenantState state : sim.states()) {
            if (only != null && !only.equals(state.integrationContext())) {
                continue;
            }
            ObjectNode node = list.addObject();
            node.put("integrationContext", state.integrationContext());
            state.clientIds().forEach(node.putArray("clientIds")::add);
            node.set("counts", WireJson.tree(state.counts()));
            if (withEntities) {
                node.set("entities", WireJson.tree(state.entities()));
            }
        }
        return HttpReply.json(200, body);
    }

    private HttpReply journal() {
        ObjectNode body = object();
        ArrayNode list = body.putArray("entries");
        for (JournalEntry e : sim.journal()) {
            ObjectNode node = list.addObject();
            node.put("at", e.at().toEpochMilli());
            node.put("requestId", e.requestId());
            node.put("clientId", e.clientId());
            node.put("httpMethod", e.httpMethod());
            node.put("path", e.path());
            node.put("restLiMethod", e.restLiMethod());
            node.set("keys", WireJson.tree(e.keys()));
            node.put("status", e.status());
        }
        return HttpReply.json(200, body);
    }

    private HttpReply pushes() {
        ObjectNode body = object();
        ArrayNode list = body.putArray("deliveries");
        for (PushDelivery d : sim.pushDeliveries()) {
            list.add(WireJson.tree(d));
        }
        return HttpReply.json(200, body);
    }

    private HttpReply clock() {
        return HttpReply.json(200, object().put("nowMillis", sim.clock().millis()).put("frozen", sim.clock().isFrozen()));
    }

    /** {@code {"advanceMillis"}}, {@code {"setMillis"}}, {@code {"freeze":true|false}} or {@code {"reset":true}}. */
    private HttpReply setClock(JsonNode body) {
        boolean freeze = body.path("freeze").asBoolean(false);
        if (body.path("reset").asBoolean(false)) {
            sim.clock().reset();
        }
        // Freeze first, so that a clock set and frozen in one call stands exactly where it was set.
        if (freeze) {
            sim.clock().freeze();
        }
        if (body.has("setMillis")) {
            sim.clock().set(Instant.ofEpochMilli(number(body, "setMillis")));
        }
        if (body.has("advanceMillis")) {
            sim.clock().advance(Duration.ofMillis(number(body, "advanceMillis")));
        }
        if (body.has("freeze") && !freeze) {
            sim.clock().resume();
        }
        return clock();
    }

    private HttpReply reset() {
        sim.reset();
        return HttpReply.empty(204);
    }

    private static ObjectNode tenantJson(FakeTenant t) {
        ObjectNode node = object();
        node.put("clientId", t.clientId());
        node.put("integrationContext", t.integrationContext());
        if (t.callbackUrl() != null) {
            node.put("callbackUrl", t.callbackUrl());
        }
        return node;
    }

    private static JsonNode body(HttpCall call) {
        try {
            JsonNode node = WireJson.read(call.body());
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("body: must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new IllegalArgumentException("body: is not valid JSON");
        }
    }

    private static Map<String, String> query(HttpCall call) {
        Map<String, String> params = new HashMap<>();
        for (String pair : call.rawQuery().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    private static String text(JsonNode node, String field) {
        String value = optionalText(node, field);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(field + ": is required");
        }
        return value;
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException(field + ": must be a string");
        }
        return value.asText();
    }

    private static long number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToLong() || !value.isIntegralNumber()) {
            throw new IllegalArgumentException(field + ": must be an integer");
        }
        return value.asLong();
    }

    private static double decimal(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isNumber()) {
            throw new IllegalArgumentException(field + ": must be a number");
        }
        return value.asDouble();
    }

    private static ObjectNode object() {
        return WireJson.object();
    }
}
