package dev.crmconnect.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The batch methods and finders of one top-level collection ({@code /crmContacts},
 * {@code /crmPools}, ...). Callers hold the store's lock.
 */
final class RecordResource {

    /** Fields the server writes; ignored when a client sends them. */
    private static final List<String> READ_ONLY = List.of("crmId", "match");
    private static final String MANUAL_MATCH = "manualMatchedMember";
    private static final Pattern PERSON = Pattern.compile("urn:li:person:[A-Za-z0-9_-]{1,100}");

    private final RecordCollection collection;
    private final MemberNetwork network;

    RecordResource(RecordCollection collection, MemberNetwork network) {
        this.collection = collection;
        this.network = network;
    }

    HttpReply handle(ApiRequest request) {
        return switch (request.method) {
            case BATCH_UPDATE -> batchUpdate(request);
            case BATCH_GET -> batchGet(request);
            case BATCH_DELETE -> batchDelete(request);
            case BATCH_PARTIAL_UPDATE -> manualMatch(request);
            case FINDER -> find(request);
            default -> throw new IllegalStateException("not routed here: " + request.method);
        };
    }

    /** Full replace of each entity; one invalid entity fails alone. */
    private HttpReply batchUpdate(ApiRequest request) {
        Map<Object, JsonNode> entities = bodyEntities(request);
        ObjectNode reply = Replies.batch(false);
        TreeMap<String, ObjectNode> records = request.data.records(collection);
        entities.forEach((id, node) -> {
            String key = Keys.bodyKey(id);
            try {
                String crmId = Keys.recordCrmId(id, request.tenant.integrationContext());
                records.put(crmId, validated(node));
                Replies.status(reply, key, 204);
            } catch (ApiException e) {
                Replies.error(reply, key, e);
            }
        });
        return HttpReply.json(200, reply);
    }

    private HttpReply batchGet(ApiRequest request) {
        ObjectNode reply = Replies.batch(true);
        TreeMap<String, ObjectNode> records = request.data.records(collection);
        for (Object id : request.ids()) {
            String key = Keys.bodyKey(id);
            try {
                String crmId = Keys.recordCrmId(id, request.tenant.integrationContext());
                ObjectNode entity = records.get(crmId);
                if (entity == null) {
                    throw ApiException.notFound(collection.path + ": no entity with this key");
                }
                ObjectNode view = view(crmId, entity);
                if (collection == RecordCollection.CONTACTS) {
                    view.set("match", network.match(entity, request.data.manualMatches.get(crmId)));
                }
                ((ObjectNode) reply.get("results")).set(key, view);
                ((ObjectNode) reply.get("statuses")).put(key, 200);
            } catch (ApiException e) {
                Replies.error(reply, key, e);
            }
        }
        return HttpReply.json(200, reply);
    }

    /** Deleting what is absent succeeds too. */
    private HttpReply batchDelete(ApiRequest request) {
        ObjectNode reply = Replies.batch(false);
        for (Object id : request.ids()) {
            String key = Keys.bodyKey(id);
            try {
                String crmId = Keys.recordCrmId(id, request.tenant.integrationContext());
                request.data.records(collection).remove(crmId);
                if (collection == RecordCollection.CONTACTS) {
                    request.data.manualMatches.remove(crmId);
                }
                if (collection == RecordCollection.POOLS) {
                    request.data.poolMembers.remove(crmId);
                }
                Replies.status(reply, key, 204);
            } catch (ApiException e) {
                Replies.error(reply, key, e);
            }
        }
        return HttpReply.json(200, reply);
    }

    /** BATCH_PARTIAL_UPDATE on contacts: sets or clears the manual match, nothing else. */
    private HttpReply manualMatch(ApiRequest request) {
        Map<Object, JsonNode> entities = bodyEntities(request);
        ObjectNode reply = Replies.batch(false);
        entities.forEach((id, node) -> {
            String key = Keys.bodyKey(id);
            try {
                String crmId = Keys.recordCrmId(id, request.tenant.integrationContext());
                if (!request.data.records(collection).containsKey(crmId)) {
                    throw ApiException.notFound(collection.path + ": no entity with this key");
                }
                applyMatchPatch(request.data, crmId, node.get("patch"));
                Replies.status(reply, key, 204);
            } catch (ApiException e) {
                Replies.error(reply, key, e);
            }
        });
        return HttpReply.json(200, reply);
    }

    private static void applyMatchPatch(TenantData data, String crmId, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw ApiException.badRequest("patch: is required and must be an object");
        }
        JsonNode set = patch.path("$set");
        for (Iterator<String> it = set.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!MANUAL_MATCH.equals(field)) {
                throw invalid("patch.$set." + field + ": cannot be patched; only " + MANUAL_MATCH + " can");
            }
        }
        JsonNode member = set.get(MANUAL_MATCH);
        if (member != null) {
            if (!member.isTextual() || !PERSON.matcher(member.asText()).matches()) {
                throw invalid("patch.$set." + MANUAL_MATCH + ": must be urn:li:person:<id>");
            }
            data.manualMatches.put(crmId, member.asText());
        }
        for (JsonNode deleted : patch.path("$delete")) {
            if (!MANUAL_MATCH.equals(deleted.asText())) {
                throw invalid("patch.$delete." + deleted.asText() + ": cannot be patched; only " + MANUAL_MATCH + " can");
            }
            data.manualMatches.remove(crmId);
        }
        if (member == null && patch.path("$delete").isEmpty()) {
            throw invalid("patch: must $set or $delete " + MANUAL_MATCH);
        }
    }

    private HttpReply find(ApiRequest request) {
        String q = request.param("q");
        List<ObjectNode> elements = new ArrayList<>();
        if ("integrationContext".equals(q)) {
            request.requireOwnContext(true);
            request.data.records(collection).forEach((crmId, entity) -> elements.add(view(crmId, entity)));
        } else if ("contact".equals(q) && collection.contactFinder) {
            String contactId = request.requireParam("contactId");
            request.data.records(collection).forEach((crmId, entity) -> {
                if (contactId.equals(entity.path("contactId").asText(null))) {
                    elements.add(view(crmId, entity));
                }
            });
        } else {
            throw ApiException.badRequest("q: " + collection.path + " has no finder named '" + q + "'");
        }
        return Replies.page(elements, request);
    }

    /**
     * The body's entities by decoded key, checked against the {@code ids} parameter as a Rest.li
     * server does: each body key (a complex key, in its body form or its URI form) is parsed, and
     * the keys must be those of {@code ids}, each once.
     */
    private static Map<Object, JsonNode> bodyEntities(ApiRequest request) {
        ObjectNode entities = request.entities();
        Map<Object, JsonNode> byKey = new LinkedHashMap<>();
        entities.fields().forEachRemaining(field -> {
            if (byKey.put(Keys.decode(field.getKey()), field.getValue()) != null) {
                throw ApiException.badRequest("entities: the same key is given twice");
            }
        });
        Set<Object> ids = new LinkedHashSet<>(request.ids());
        if (!ids.equals(byKey.keySet())) {
            throw ApiException.badRequest("ids: must list the same keys as entities");
        }
        return byKey;
    }

    private ObjectNode validated(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest(collection.kind.label + ": must be a JSON object");
        }
        ObjectNode entity = ((ObjectNode) node).deepCopy();
        entity.remove(READ_ONLY);
        try {
            return EntityValidator.validate(collection.kind, entity);
        } catch (InvalidEntityException e) {
            throw invalid(e.getMessage());
        }
    }

    /** An entity as served: its crmId, then its fields. */
    static ObjectNode view(String crmId, ObjectNode entity) {
        ObjectNode view = WireJson.object();
        view.put("crmId", crmId);
        view.setAll(entity);
        return view;
    }

    static ApiException invalid(String message) {
        return new ApiException(422, ErrorCodes.INVALID, message);
    }
}
