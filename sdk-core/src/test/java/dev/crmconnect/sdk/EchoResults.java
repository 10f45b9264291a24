package dev.crmconnect.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.crmconnect.sdk.internal.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

/** A WireMock transformer answering a BATCH_UPDATE with a 204 result for each entity of its body. */
final class EchoResults implements ResponseDefinitionTransformerV2 {

    static final String NAME = "echo-batch-results";

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        try {
            JsonNode body = Json.mapper().readTree(serveEvent.getRequest().getBodyAsString());
            ObjectNode out = Json.mapper().createObjectNode();
            ObjectNode results = out.putObject("results");
            for (Iterator<String> keys = body.path("entities").fieldNames(); keys.hasNext(); ) {
                results.putObject(keys.next()).put("status", 204);
            }
            return new ResponseDefinitionBuilder().withStatus(200).withHeader("Content-Type", "application/json")
                    .withBody(Json.mapper().writeValueAsString(out)).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }
}
