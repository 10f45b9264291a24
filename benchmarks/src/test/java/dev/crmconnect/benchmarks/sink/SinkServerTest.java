package dev.crmconnect.benchmarks.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

class SinkServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void splitsTheIdsListAtTopLevelCommasOnly() {
        assertEquals(List.of("(a:1,b:List(x,y))", "(a:2,b:3)"),
                SinkServer.idsOf("ids=List((a:1,b:List(x,y)),(a:2,b:3))"));
        assertEquals(List.of("(k:1)"), SinkServer.idsOf("x=1&ids=List((k:1))"));
        assertEquals(List.of(), SinkServer.idsOf("ids=List()"));
        assertEquals(List.of(), SinkServer.idsOf(null));
    }

    @Test
    void feedPagesHonourPublishedAfterStartAndCount() throws Exception {
        NoticeFeedModel model = new NoticeFeedModel(250, 1_000, 10);
        assertEquals(0, model.firstAfter(999));
        assertEquals(1, model.firstAfter(1_000));
        assertEquals(2, model.firstAfter(1_019));
        assertEquals(250, model.firstAfter(1_000_000));

        JsonNode page = JSON.readTree(model.page("q=integrationContext&publishedAfter=1000&start=100&count=100"));
        JsonNode elements = page.get("elements");
        assertEquals(100, elements.size());
        assertEquals("n-101", elements.get(0).get("noticeId").asText());
        assertEquals(1_000 + 101 * 10, elements.get(0).get("publishedAt").asLong());
        assertEquals(249, page.get("paging").get("total").asInt());

        JsonNode last = JSON.readTree(model.page("publishedAfter=1000&start=200&count=100"));
        assertEquals(49, last.get("elements").size(), "the last page is short");
        assertEquals("n-249", last.get("elements").get(48).get("noticeId").asText());
    }

    @Test
    void answersTokenBatchUpdateAndStats() throws Exception {
        try (SinkServer sink = SinkServer.start(new NoticeFeedModel(0, 0, 1), 2)) {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(sink.origin()
                    + "/oauth/v2/accessToken")).POST(HttpRequest.BodyPublishers.ofString("grant_type=x")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, token.statusCode());
            assertTrue(JSON.readTree(token.body()).get("access_token").isTextual());

            HttpResponse<String> batch = http.send(HttpRequest.newBuilder(URI.create(sink.origin()
                    + "/v2/crmContacts?ids=List((crmId:a,dataProvider:CRM),(crmId:b,dataProvider:CRM))"))
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"entities\":{}}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, batch.statusCode());
            JsonNode results = JSON.readTree(batch.body()).get("results");
            assertEquals(204, results.get("(crmId:a,dataProvider:CRM)").get("status").asInt());
            assertEquals(204, results.get("(crmId:b,dataProvider:CRM)").get("status").asInt());

            JsonNode stats = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(sink.origin() + "/stats"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body());
            assertEquals(1, stats.get("requests").asInt());
            assertEquals(2, stats.get("records").asInt());
            assertEquals("{\"entities\":{}}".length(), stats.get("bodyBytes").asInt());

            assertEquals(404, http.send(HttpRequest.newBuilder(URI.create(sink.origin() + "/v2/other")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
        }
    }
}
