package dev.crmconnect.testkit.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Builds the contract's batch and finder response bodies. */
final class Replies {

    private Replies() {
    }

    /** {@code {"results":{},"errors":{}}}, plus {@code "statuses":{}} for BATCH_GET. */
    static ObjectNode batch(boolean withStatuses) {
        ObjectNode body = WireJson.object();
        body.putObject("results");
        if (withStatuses) {
            body.putObject("statuses");
        }
        body.putObject("errors");
        return body;
    }

    static void status(ObjectNode batch, String key, int status) {
        ((ObjectNode) batch.get("results")).putObject(key).put("status", status);
    }

    static void error(ObjectNode batch, String key, ApiException e) {
        ((ObjectNode) batch.get("errors")).set(key, HttpReply.errorBody(e.status, e.serviceErrorCode, e.getMessage()));
    }

    /** One page of a finder: elements {@code [start, start+count)} of {@code all}, with paging. */
    static HttpReply page(List<ObjectNode> all, ApiRequest request) {
        int start = request.start();
        int count = request.count();
        ObjectNode body = WireJson.object();
        ArrayNode elements = body.putArray("elements");
        for (int i = start; i < all.size() && i < (long) start + count; i++) {
            elements.add(all.get(i));
        }
        ObjectNode paging = body.putObject("paging");
        paging.put("start", start);
        paging.put("count", count);
        paging.put("total", all.size());
        return HttpReply.json(200, body);
    }
}
