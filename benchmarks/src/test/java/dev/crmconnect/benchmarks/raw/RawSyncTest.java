package dev.crmconnect.benchmarks.raw;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crmconnect.benchmarks.ContactSource;
import dev.crmconnect.benchmarks.sink.NoticeFeedModel;
import dev.crmconnect.benchmarks.sink.SinkServer;
import dev.crmconnect.model.RecordKey;
import dev.crmconnect.sdk.internal.json.Json;
import dev.crmconnect.sdk.restli.RestLi;
import java.net.http.HttpClient;
import java.util.List;
import org.junit.jupiter.api.Test;

class RawSyncTest {

    private static final String ORGANIZATION = "urn:li:organization:1001";

    @Test
    void naiveKeysMatchTheSdkCodec() {
        for (String crmId : List.of("c-42", "a b", "x*y~z", "(p:q,r)", "é€😀", "'quoted'", "100%")) {
            assertEquals(RestLi.encode(RestLi.keyValue(RecordKey.of(crmId, ORGANIZATION))),
                    NaiveKeys.key(crmId, ORGANIZATION), "crmId " + crmId);
        }
    }

    @Test
    void rawRecordsWriteTheSameJsonAsTheSdkRecords() throws Exception {
        for (int i : new int[] {0, 7, 12_345}) {
            assertEquals(Json.mapper().readTree(Json.mapper().writeValueAsBytes(ContactSource.contact(i))),
                    Json.mapper().readTree(Json.mapper().writeValueAsBytes(ContactSource.raw(i))), "row " + i);
        }
    }

    @Test
    void sendsBatchesTheSinkStores() throws Exception {
        try (SinkServer sink = SinkServer.start(new NoticeFeedModel(0, 0, 1), 2)) {
            RawSync raw = new RawSync(HttpClient.newHttpClient(), sink.origin() + "/v2", ORGANIZATION);
            raw.authenticate(sink.origin() + "/oauth/v2/accessToken", "client", "secret");
            assertEquals(100, raw.upsert(0, 100));
            assertEquals(37, raw.upsert(100, 137));
        }
    }
}
