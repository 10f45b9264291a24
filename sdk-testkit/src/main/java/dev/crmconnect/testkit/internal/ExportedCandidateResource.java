package dev.crmconnect.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** {@code /exportedCandidates?q=request&requestId=}: the member a 1-Click Export delivered. */
final class ExportedCandidateResource {

    HttpReply handle(ApiRequest request) {
        if (!"request".equals(request.param("q"))) {
            throw ApiException.badRequest("q: exportedCandidates has no finder named '" + request.param("q")
                    + "' (use q=request)");
        }
        String requestId = request.requireParam("requestId");
        List<ObjectNode> elements = new ArrayList<>();
        TenantData.Export export = request.data.exports.get(requestId);
        if (export != null && export.candidate != null) {
            elements.add(export.candidate.deepCopy());
        }
        return Replies.page(elements, request);
    }
}
