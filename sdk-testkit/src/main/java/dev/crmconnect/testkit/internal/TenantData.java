package dev.crmconnect.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Everything the fake holds for one integrationContext. Guarded by the {@link DataStore}'s lock. */
final class TenantData {

    /** A 1-Click Export; its candidate is dropped when the member deletes their account. */
    static final class Export {
        final String requestId;
        final String member;
        final long exportedAt;
        ObjectNode candidate;

        Export(String requestId, String member, long exportedAt, ObjectNode candidate) {
            this.requestId = requestId;
            this.member = member;
            this.exportedAt = exportedAt;
            this.candidate = candidate;
        }
    }

    /** A deletion notice; visible in the feed from {@code visibleAt} (publication lag). */
    record Notice(String noticeId, String member, List<String> exportRequestIds, long exportedAt,
                  long memberDeletedAt, long publishedAt, long visibleAt) {
    }

    /** A data request as created; its status follows from the clock. */
    record DataRequest(String id, ObjectNode request, long createdAt) {
    }

    /** A CREATE done with an idempotency key. */
    record IdempotentCreate(String bodyDigest, String id, long at) {
    }

    final String integrationContext;
    final Map<RecordCollection, TreeMap<String, ObjectNode>> records = new EnumMap<>(RecordCollection.class);
    /** Manual matches by contact crmId: LinkedIn's state, kept apart from the contact itself. */
    final Map<String, String> manualMatches = new HashMap<>();
    /** Pool members by pool crmId, then contact crmId. */
    final Map<String, TreeMap<String, ObjectNode>> poolMembers = new TreeMap<>();
    final Map<String, Export> exports = new LinkedHashMap<>();
    /** The same exports by member, oldest first, so that a deletion finds them at once. */
    final Map<String, List<Export>> exportsByMember = new HashMap<>();
    final List<Notice> notices = new ArrayList<>();
    final Map<String, DataRequest> dataRequests = new LinkedHashMap<>();
    final Map<String, IdempotentCreate> idempotencyKeys = new HashMap<>();

    TenantData(String integrationContext) {
        this.integrationContext = integrationContext;
        for (RecordCollection c : RecordCollection.values()) {
            records.put(c, new TreeMap<>());
        }
    }

    void addExport(Export export) {
        exports.put(export.requestId, export);
        exportsByMember.computeIfAbsent(export.member, k -> new ArrayList<>()).add(export);
    }

    TreeMap<String, ObjectNode> records(RecordCollection collection) {
        return records.get(collection);
    }
}
