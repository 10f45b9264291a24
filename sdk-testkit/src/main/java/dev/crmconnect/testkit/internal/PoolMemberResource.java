package dev.crmconnect.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code /crmPools/{poolKey}/members}: contacts in a pool at a step, keyed by the contact's crmId.
 * Callers hold the store's lock.
 */
final class PoolMemberResource {

    HttpReply handle(ApiRequest request) {
        String poolId = Keys.recordCrmId(Keys.decodePathSegment(request.segments.get(1)),
                request.tenant.integrationContext());
        ObjectNode pool = request.data.records(RecordCollection.POOLS).get(poolId);
        if (pool == null) {
            throw ApiException.notFound("crmPools: no pool with this key");
        }
        TreeMap<String, ObjectNode> members = request.data.poolMembers.computeIfAbsent(poolId, k -> new TreeMap<>());
        return switch (request.method) {
            case BATCH_UPDATE -> batchUpdate(request, pool, members);
            case BATCH_DELETE -> batchDelete(request, members);
            case FINDER -> find(request, members);
            default -> throw new IllegalStateException("not routed here: " + request.method);
        };
    }

    private static HttpReply batchUpdate(ApiRequest request, ObjectNode pool, TreeMap<String, ObjectNode> members) {
        // A simple key in a body is the string itself, never decoded: Rest.li writes it raw.
        ObjectNode entities = request.entities();
        Set<Object> ids = new LinkedHashSet<>(request.ids());
        Set<Object> bodyKeys = new LinkedHashSet<>();
        entities.fieldNames().forEachRemaining(bodyKeys::add);
        if (!ids.equals(bodyKeys)) {
            throw ApiException.badRequest("ids: must list the same keys as entities");
        }
        ObjectNode reply = Replies.batch(false);
        Set<String> steps = stepIds(pool);
        for (Map.Entry<String, JsonNode> field : iterable(entities)) {
            String key = field.getKey();
            try {
                String contactId = Keys.simpleCrmId(key);
                members.put(contactId, validated(field.getValue(), steps));
                Replies.status(reply, key, 204);
            } catch (ApiException e) {
                Replies.error(reply, key, e);
            }
        }
        return HttpReply.json(200, reply);
    }

    private static HttpReply batchDelete(ApiRequest request, TreeMap<String, ObjectNode> members) {
        ObjectNode reply = Replies.batch(false);
        for (Object id : request.ids()) {
            String key = Keys.bodyKey(id);
            try {
                members.remove(Keys.simpleCrmId(id));
                Replies.status(reply, key, 204);
            } catch (ApiException e) {
                Replies.error(reply, key, e);
            }
        }
        return HttpReply.json(200, reply);
    }

    private static HttpReply find(ApiRequest request, TreeMap<String, ObjectNode> members) {
        if (!"integrationContext".equals(request.param("q"))) {
            throw ApiException.badRequest("q: pool members have no finder named '" + request.param("q")
                    + "' (use q=integrationContext)");
        }
        request.requireOwnContext(false);
        List<ObjectNode> elements = new ArrayList<>();
        members.forEach((contactId, member) -> {
            ObjectNode view = WireJson.object();
            view.put("contactId", contactId);
            view.setAll(member);
            elements.add(view);
        });
        return Replies.page(elements, request);
    }

    private static ObjectNode validated(JsonNode node, Set<String> steps) {
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest("member: must be a JSON object");
        }
        ObjectNode member = ((ObjectNode) node).deepCopy();
        member.remove("contactId");
        try {
            member = EntityValidator.validate(EntityKind.POOL_MEMBER, member);
        } catch (InvalidEntityException e) {
            throw RecordResource.invalid(e.getMessage());
        }
        JsonNode stepId = member.get("stepId");
        if (stepId != null && !stepId.isNull() && !steps.isEmpty() && !steps.contains(stepId.asText())) {
            throw RecordResource.invalid("poolMember.stepId: is not a step of the pool");
        }
        return member;
    }

    private static Set<String> stepIds(ObjectNode pool) {
        Set<String> ids = new HashSet<>();
        for (JsonNode step : pool.path("steps")) {
            if (step.hasNonNull("stepId")) {
                ids.add(step.get("stepId").asText());
            }
        }
        return ids;
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(ObjectNode node) {
        return node::fields;
    }
}
