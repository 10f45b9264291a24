package dev.crmconnect.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code /dataRequests}: CREATE (idempotency keys honoured 24 hours) and GET. A request moves
 * PENDING, IN_PROGRESS, COMPLETED as the fake's clock passes the configured durations.
 */
final class DataRequestResource {

    static final long IDEMPOTENCY_WINDOW_MILLIS = Duration.ofHours(24).toMillis();
    static final List<String> CATEGORIES = List.of("USER_INFORMATION", "SAVED_LEADS", "SAVED_ACCOUNTS",
            "INMAILS_MESSAGES", "NOTES", "SMARTLINKS_PRESENTATIONS", "SMARTLINKS_USER_INFORMATION", "SEAT_MANAGEMENT",
            "USAGE_REPORTING", "CRM_SYNCED_DATA", "ACCOUNT_LIST_IMPORT_FILES", "SALES_ASSISTANT_PREFERENCES",
            "SALES_ASSISTANT_LEAD_CRITERIA", "SALES_ASSISTANT_MESSAGES");
    /** Categories that can be deleted but are not in an export. */
    static final Set<String> DELETION_ONLY = Set.of("USER_INFORMATION", "SAVED_LEADS", "CRM_SYNCED_DATA",
            "SALES_ASSISTANT_LEAD_CRITERIA", "SALES_ASSISTANT_MESSAGES");
    private static final Pattern SEAT = Pattern.compile("urn:li:seat:[A-Za-z0-9_-]{1,100}");
    private static final Pattern CONTRACT = Pattern.compile("urn:li:contract:[A-Za-z0-9_-]{1,100}");
    private static final List<String> READ_ONLY = List.of("id", "status", "createdAt", "completedAt", "downloadUrl");

    private final MemberNetwork ids;
    private final Duration inProgressAfter;
    private final Duration completedAfter;

    DataRequestResource(MemberNetwork ids, Duration inProgressAfter, Duration completedAfter) {
        this.ids = ids;
        this.inProgressAfter = inProgressAfter;
        this.completedAfter = completedAfter;
    }

    HttpReply handle(ApiRequest request) {
        return request.method == RestLiMethod.CREATE ? create(request) : get(request);
    }

    private HttpReply create(ApiRequest request) {
        ObjectNode body = request.body();
        String idempotencyKey = request.http.header("X-Idempotency-Key");
        String digest = digest(request.http.body());
        if (idempotencyKey != null) {
            TenantData.IdempotentCreate earlier = request.data.idempotencyKeys.get(idempotencyKey);
            if (earlier != null && request.now - earlier.at() < IDEMPOTENCY_WINDOW_MILLIS) {
                if (!earlier.bodyDigest().equals(digest)) {
                    throw new ApiException(409, ErrorCodes.CONFLICT,
                            "X-Idempotency-Key: was used with a different request body");
                }
                return created(request, request.data.dataRequests.get(earlier.id()));
            }
        }
        ObjectNode validated = validated(body);
        TenantData.DataRequest created = new TenantData.DataRequest(ids.newId(), validated, request.now);
        request.data.dataRequests.put(created.id(), created);
        if (idempotencyKey != null) {
            request.data.idempotencyKeys.put(idempotencyKey,
                    new TenantData.IdempotentCreate(digest, created.id(), request.now));
        }
        return created(request, created);
    }

    private HttpReply get(ApiRequest request) {
        String id = String.valueOf(Keys.decode(request.segments.get(1)));
        TenantData.DataRequest found = request.data.dataRequests.get(id);
        if (found == null) {
            throw ApiException.notFound("dataRequests: no data request with this id");
        }
        return HttpReply.json(200, view(found, request));
    }

    private HttpReply created(ApiRequest request, TenantData.DataRequest created) {
        return HttpReply.json(201, view(created, request)).header("X-RestLi-Id", created.id());
    }

    private ObjectNode view(TenantData.DataRequest dr, ApiRequest request) {
        ObjectNode view = dr.request().deepCopy();
        view.put("id", dr.id());
        long completedAt = dr.createdAt() + completedAfter.toMillis();
        String status = request.now >= completedAt ? "COMPLETED"
                : request.now >= dr.createdAt() + inProgressAfter.toMillis() ? "IN_PROGRESS" : "PENDING";
        view.put("status", status);
        view.put("createdAt", dr.createdAt());
        if ("COMPLETED".equals(status)) {
            view.put("completedAt", completedAt);
            if ("EXPORT".equals(view.path("type").asText())) {
                view.put("downloadUrl", request.http.origin() + "/downloads/dataRequests/" + dr.id());
            }
        }
        return view;
    }

    /** The model's checks, then the contract's rules on scope, categories and confirmation. */
    private static ObjectNode validated(ObjectNode body) {
        ObjectNode request = body.deepCopy();
        request.remove(READ_ONLY);
        try {
            request = EntityValidator.validate(EntityKind.DATA_REQUEST, request);
        } catch (InvalidEntityException e) {
            throw RecordResource.invalid(e.getMessage());
        }
        String type = request.path("type").asText("");
        if (!type.equals("EXPORT") && !type.equals("DELETION")) {
            throw RecordResource.invalid("dataRequest.type: must be EXPORT or DELETION");
        }
        checkScope(request.get("scope"));
        JsonNode categories = request.get("categories");
        if (categories == null || !categories.isArray() || categories.isEmpty()) {
            throw RecordResource.invalid("dataRequest.categories: at least one category is required");
        }
        for (JsonNode category : categories) {
            String name = category.asText();
            if (!CATEGORIES.contains(name)) {
                throw RecordResource.invalid("dataRequest.categories: unknown category " + name);
            }
            if (type.equals("EXPORT") && DELETION_ONLY.contains(name)) {
                throw RecordResource.invalid("dataRequest.categories: " + name + " can be deleted but not exported");
            }
        }
        if (type.equals("DELETION") && !request.path("confirmIrreversible").asBoolean(false)) {
            throw RecordResource.invalid("dataRequest.confirmIrreversible: must be true for DELETION");
        }
        return request;
    }

    private static void checkScope(JsonNode scope) {
        if (scope == null || !scope.isObject()) {
            throw RecordResource.invalid("dataRequest.scope: is required");
        }
        String type = scope.path("type").asText("");
        if (type.equals("SEAT")) {
            if (!SEAT.matcher(scope.path("seat").asText("")).matches()) {
                throw RecordResource.invalid("dataRequest.scope.seat: must be urn:li:seat:<id> for a SEAT scope");
            }
        } else if (type.equals("CONTRACT")) {
            if (!CONTRACT.matcher(scope.path("contract").asText("")).matches()) {
                throw RecordResource.invalid("dataRequest.scope.contract: must be urn:li:contract:<id> for a CONTRACT scope");
            }
        } else {
            throw RecordResource.invalid("dataRequest.scope.type: must be SEAT or CONTRACT");
        }
    }

    private static String digest(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The download of a completed export, or null. Callers hold the store's lock. */
    static ObjectNode download(TenantData data, String id, long now, Duration completedAfter) {
        TenantData.DataRequest dr = data.dataRequests.get(id);
        if (dr == null || !"EXPORT".equals(dr.request().path("type").asText())
                || now < dr.createdAt() + completedAfter.toMillis()) {
            return null;
        }
        ObjectNode bundle = dr.request().deepCopy();
        bundle.put("id", id);
        bundle.putArray("files");
        return bundle;
    }
}
