package dev.crmconnect.sdk;

import dev.crmconnect.sdk.exception.CrmConnectException;
import dev.crmconnect.sdk.exception.NotFoundException;
import dev.crmconnect.sdk.exception.TransportException;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.crmconnect.sdk.internal.http.ApiClient;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PagingTest {

    @RegisterExtension
    static WireMockExtension wm = TestSupport.wireMock();

    record Item(String name) {
    }

    private CrmConnectClient client;
    private ApiClient api;

    @BeforeEach
    void setUp() {
        TestSupport.stubToken(wm);
        client = TestSupport.builder(wm).build();
        api = TestSupport.api(client);
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    private void stubPage(int start, String elements, String paging) {
        wm.stubFor(get(urlPathEqualTo("/v2/crmContacts"))
                .withQueryParam("q", equalTo("integrationContext"))
                .withQueryParam("start", equalTo(Integer.toString(start)))
                .withQueryParam("count", equalTo("2"))
                .willReturn(okJson("{\"elements\":[" + elements + "],\"paging\":" + paging + "}")));
    }

    @Test
    void pagingArgumentsOutOfRangeAreRefusedBeforeAnyRequest() {
        wm.resetAll(); // nothing stubbed, not even the token: no request may be made
        java.time.Instant after = java.time.Instant.ofEpochMilli(1_700_000_000_000L);
        List<java.util.function.Supplier<java.util.concurrent.CompletableFuture<?>>> asyncCalls = List.of(
                () -> client.contacts().listPageAsync(-1, 10, RequestOptions.defaults()),
                () -> client.contacts().listPageAsync(0, 0, RequestOptions.defaults()),
                () -> client.contacts().listPageAsync(0, 101, RequestOptions.defaults()),
                () -> client.pools().members("p-1").listPageAsync(Integer.MIN_VALUE, 10, RequestOptions.defaults()),
                () -> client.notes().listByContactPageAsync("c-1", 0, -5, RequestOptions.defaults()),
                () -> client.applications().listByContactPageAsync("c-1", -1, 100, RequestOptions.defaults()),
                () -> client.deletionNotices().pageAsync(after, -1, 10, RequestOptions.defaults()),
                () -> client.deletionNotices().pageAsync(after, 0, 1_000, RequestOptions.defaults()));
        List<String> messages = new java.util.ArrayList<>();
        for (var call : asyncCalls) {
            java.util.concurrent.CompletionException e = assertThrows(java.util.concurrent.CompletionException.class,
                    () -> call.get().join());
            messages.add(assertInstanceOf(IllegalArgumentException.class, e.getCause()).getMessage());
        }
        messages.add(assertThrows(IllegalArgumentException.class,
                () -> client.deletionNotices().page(after, -1, 10)).getMessage());
        messages.add(assertThrows(IllegalArgumentException.class,
                () -> client.deletionNotices().page(after, 0, 101)).getMessage());

        String start = "start: must not be negative";
        String count = "count: must be 1 to 100";
        assertEquals(List.of(start, count, count, start, count, start, start, count, start, count), messages);
        assertEquals(0, wm.getAllServeEvents().size(), "requests made");
    }

    @Test
    void pagingArgumentsAtTheirBoundsAreSent() {
        wm.stubFor(get(urlPathEqualTo("/v2/crmContacts")).willReturn(okJson("{\"elements\":[],\"paging\":{}}")));
        assertEquals(0, client.contacts().listPageAsync(0, 1, RequestOptions.defaults()).join().elements().size());
        assertEquals(0, client.contacts().listPageAsync(Integer.MAX_VALUE - 100, 100, RequestOptions.defaults())
                .join().elements().size());
        wm.verify(1, getRequestedFor(urlPathEqualTo("/v2/crmContacts")).withQueryParam("count", equalTo("1")));
        wm.verify(1, getRequestedFor(urlPathEqualTo("/v2/crmContacts")).withQueryParam("count", equalTo("100")));
    }

    @Test
    void pagesAreReadWithTheOriginalOptionsOnEveryPage() {
        stubPage(0, "{\"name\":\"a\"},{\"name\":\"b\"}", "{\"start\":0,\"count\":2}");
        stubPage(2, "{\"name\":\"c\"}", "{\"start\":2,\"count\":2}");
        RequestOptions options = RequestOptions.builder().header("X-Trace", "sync-1").build();
        List<Item> items = api.paged(TestSupport.finder(), 2, Item.class, options).stream().toList();
        assertEquals(List.of(new Item("a"), new Item("b"), new Item("c")), items);
        wm.verify(2, getRequestedFor(urlPathEqualTo("/v2/crmContacts"))
                .withHeader("X-Trace", equalTo("sync-1"))
                .withHeader("X-RestLi-Method", equalTo("FINDER")));
    }

    @Test
    void anEmptyListing() {
        stubPage(0, "", "{\"start\":0,\"count\":2,\"total\":0}");
        assertEquals(List.of(), api.paged(TestSupport.finder(), 2, Item.class, RequestOptions.defaults()).stream().toList());
        wm.verify(1, getRequestedFor(urlPathEqualTo("/v2/crmContacts")));
    }

    @Test
    void anExactMultipleOfThePageSize() {
        stubPage(0, "{\"name\":\"a\"},{\"name\":\"b\"}", "{\"start\":0,\"count\":2}");
        stubPage(2, "{\"name\":\"c\"},{\"name\":\"d\"}", "{\"start\":2,\"count\":2}");
        stubPage(4, "", "{\"start\":4,\"count\":2}");
        assertEquals(4, api.paged(TestSupport.finder(), 2, Item.class, RequestOptions.defaults()).stream().count());
        wm.verify(3, getRequestedFor(urlPathEqualTo("/v2/crmContacts")));
    }

    @Test
    void aRepeatedPageFailsInsteadOfLooping() {
        // A server that ignores start: every page is the first.
        wm.stubFor(get(urlPathEqualTo("/v2/crmContacts")).willReturn(
                okJson("{\"elements\":[{\"name\":\"a\"},{\"name\":\"b\"}],\"paging\":{\"start\":0,\"count\":2}}")));
        PagedIterable<Item> paged = api.paged(TestSupport.finder(), 2, Item.class, RequestOptions.defaults());
        assertThrows(CrmConnectException.class, () -> paged.stream().count());
        wm.verify(2, getRequestedFor(urlPathEqualTo("/v2/crmContacts")));
    }

    @Test
    void anAsyncPageCarriesStartAndTotal() {
        stubPage(2, "{\"name\":\"c\"}", "{\"start\":2,\"count\":2,\"total\":3}");
        Page<Item> page = TestSupport.await(api.fetchPage(TestSupport.finder(), 2, 2, Item.class, RequestOptions.defaults()));
        assertEquals(List.of(new Item("c")), page.elements());
        assertEquals(2, page.start());
        assertEquals(OptionalInt.of(3), page.total());
    }

    @Test
    void aPageWithoutElementsIsAnInvalidResponse() {
        wm.stubFor(get(urlPathEqualTo("/v2/crmContacts")).willReturn(okJson("{\"paging\":{}}")));
        CrmConnectException e = TestSupport.failure(
                api.fetchPage(TestSupport.finder(), 0, 2, Item.class, RequestOptions.defaults()));
        assertEquals(TransportException.Reason.INVALID_RESPONSE, assertInstanceOf(TransportException.class, e).reason());
    }

    @Test
    void aFailedPageFailsTheAsyncFetchAndTheIteration() {
        wm.stubFor(get(urlPathEqualTo("/v2/crmContacts")).willReturn(aResponse().withStatus(404)));
        assertInstanceOf(NotFoundException.class, TestSupport.failure(
                api.fetchPage(TestSupport.finder(), 0, 2, Item.class, RequestOptions.defaults())));
        PagedIterable<Item> paged = api.paged(TestSupport.finder(), 2, Item.class, RequestOptions.defaults());
        assertThrows(NotFoundException.class, () -> paged.iterator().hasNext());
    }
}
