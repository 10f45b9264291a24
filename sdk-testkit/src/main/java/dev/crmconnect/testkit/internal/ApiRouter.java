package dev.crmconnect.testkit.internal;

import dev.crmconnect.testkit.FakeTenant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Routes an authenticated call under {@code /v2} to its resource: one routing table, the Rest.li
 * method read from the HTTP method, the query and {@code X-RestLi-Method} (in any case).
 */
final class ApiRouter {

    /** A resource: the methods it serves and who serves them. */
    private record Endpoint(String name, Set<RestLiMethod> methods, boolean entityPath,
                            Function<ApiRequest, HttpReply> handler) {
    }

    /** What the journal records of a routed call. */
    static final class Trace {
        String clientId;
        RestLiMethod method;
        List<Object> keys = List.of();
    }

    private final DataStore store;
    private final QuotaMeter quotas;
    private final Map<RecordCollection, Endpoint> records = new EnumMap<>(RecordCollection.class);
    private final Endpoint members;
    private final Endpoint candidates;
    private final Endpoint notices;
    private final Endpoint dataRequestCreate;
    private final Endpoint dataRequestGet;

    ApiRouter(DataStore store, QuotaMeter quotas, MemberNetwork network, DataRequestResource dataRequests) {
        this.store = store;
        this.quotas = quotas;
        for (RecordCollection c : RecordCollection.values()) {
            records.put(c, new Endpoint(c.path, c.methods, false, new RecordResource(c, network)::handle));
        }
        members = new Endpoint("crmPools/{key}/members",
                EnumSet.of(RestLiMethod.BATCH_UPDATE, RestLiMethod.BATCH_DELETE, RestLiMethod.FINDER), false,
                new PoolMemberResource()::handle);
        candidates = new Endpoint("exportedCandidates", EnumSet.of(RestLiMethod.FINDER), false,
                new ExportedCandidateResource()::handle);
        notices = new Endpoint("exportDeletionNotices", EnumSet.of(RestLiMethod.FINDER), false,
                new DeletionNoticeResource()::handle);
        dataRequestCreate = new Endpoint("dataRequests", EnumSet.of(RestLiMethod.CREATE), false, dataRequests::handle);
        dataRequestGet = new Endpoint("dataRequests/{id}", EnumSet.of(RestLiMethod.GET), true, dataRequests::handle);
    }

    HttpReply handle(HttpCall call, FakeTenant tenant, long now, Trace trace) {
        if (!"2.0.0".equals(call.header("X-RestLi-Protocol-Version"))) {
            throw ApiException.badRequest("X-RestLi-Protocol-Version: must be 2.0.0");
        }
        List<String> segments = Arrays.asList(call.rawPath().substring("/v2/".length()).split("/", -1));
        Endpoint endpoint = route(segments);
        Map<String, Object> query;
        try {
            query = RestLiCodec.parseQuery(call.rawQuery());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("query: is not valid Rest.li 2.0 (" + e.getMessage() + ")");
        }
        RestLiMethod method = method(call, endpoint, query);
        trace.method = method;
        if (!endpoint.methods().contains(method)) {
            throw new ApiException(405, ErrorCodes.METHOD_NOT_ALLOWED, endpoint.name() + ": " + method + " is not supported");
        }
        Object ids = query.get("ids");
        if (ids instanceof List<?> list) {
            trace.keys = List.copyOf(list);
        } else if (endpoint.entityPath()) {
            trace.keys = List.of(Keys.decode(segments.get(1)));
        }
        int records = method.name().startsWith("BATCH_") && ids instanceof List<?> list ? list.size() : 0;
        HttpReply throttled = quotas.admit(tenant.clientId(), records);
        if (throttled != null) {
            return throttled;
        }
        synchronized (store) {
            TenantData data = store.of(tenant.integrationContext());
            return endpoint.handler().apply(new ApiRequest(tenant, data, method, segments, query, call, now));
        }
    }

    private Endpoint route(List<String> segments) {
        String first = segments.get(0);
        RecordCollection collection = RecordCollection.at(first);
        if (segments.size() == 1) {
            if (collection != null) {
                return records.get(collection);
            }
            switch (first) {
                case "exportedCandidates" -> {
                    return candidates;
                }
                case "exportDeletionNotices" -> {
                    return notices;
                }
                case "dataRequests" -> {
                    return dataRequestCreate;
                }
                default -> {
                }
            }
        }
        if (segments.size() == 2 && first.equals("dataRequests") && !segments.get(1).isEmpty()) {
            return dataRequestGet;
        }
        if (segments.size() == 3 && first.equals("crmPools") && segments.get(2).equals("members")) {
            return members;
        }
        if (segments.size() == 2 && collection != null) {
            throw new ApiException(405, ErrorCodes.METHOD_NOT_ALLOWED,
                    collection.path + ": single-entity methods are not supported; use the batch methods");
        }
        throw ApiException.notFound("no resource at /v2/" + String.join("/", segments));
    }

    private static RestLiMethod method(HttpCall call, Endpoint endpoint, Map<String, Object> query) {
        String header = call.header("X-RestLi-Method");
        RestLiMethod named = header == null ? null : RestLiMethod.fromHeader(header);
        if (header != null && named == null) {
            throw ApiException.badRequest("X-RestLi-Method: unknown method '" + header + "'");
        }
        RestLiMethod implied = switch (call.method()) {
            case "GET" -> endpoint.entityPath() ? RestLiMethod.GET
                    : query.containsKey("ids") ? RestLiMethod.BATCH_GET
                    : query.containsKey("q") ? RestLiMethod.FINDER
                    : null;
            case "PUT" -> RestLiMethod.BATCH_UPDATE;
            case "DELETE" -> RestLiMethod.BATCH_DELETE;
            case "POST" -> named == RestLiMethod.BATCH_PARTIAL_UPDATE ? named : RestLiMethod.CREATE;
            default -> throw new ApiException(405, ErrorCodes.METHOD_NOT_ALLOWED,
                    endpoint.name() + ": HTTP " + call.method() + " is not supported");
        };
        if (implied == null) {
            throw ApiException.badRequest("q: is required (or ids for BATCH_GET); " + endpoint.name()
                    + " has no GET_ALL");
        }
        if (named == null && implied.needsHeader()) {
            throw ApiException.badRequest("X-RestLi-Method: is required for " + implied);
        }
        if (named != null && named != implied) {
            throw ApiException.badRequest("X-RestLi-Method: " + header + " does not fit HTTP " + call.method()
                    + " (expected " + implied + ")");
        }
        return implied;
    }
}
