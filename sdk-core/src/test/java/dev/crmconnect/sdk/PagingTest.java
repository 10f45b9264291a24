package dev.crmconnect.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.crmconnect.model.Contact;
import dev.crmconnect.sdk.exception.CrmConnectException;
import dev.crmconnect.sdk.exception.NotFoundException;
import dev.crmconnect.sdk.exception.TransportException;
import dev.crmconnect.sdk.poller.NoticeFeed;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PagingTest {

    @RegisterExtension
    static WireMockExtension wm = TestSupport.wireMock();

    private CrmConnectClient client;

    @BeforeEach
    void setUp() {
        TestSupport.stubToken(wm);
        client = TestSupport.builder(wm).pageSize(2).build();
    }

    private static List<String> crmIds(Iterable<Contact> contacts) {
        List<String> ids = new java.util.ArrayList<>();
        contacts.forEach(contact -> ids.add(contact.crmId()));
        return ids;
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
        NoticeFeed feed = client.deletionNotices().feed();
        List<String> messages = List.of(
                assertThrows(IllegalArgumentException.class, () -> feed.fetch(after, -1, 10)).getMessage(),
                assertThrows(IllegalArgumentException.class, () -> feed.fetch(after, Integer.MIN_VALUE, 10)).getMessage(),
                assertThrows(IllegalArgumentException.class, () -> feed.fetch(after, 0, 0)).getMessage(),
                assertThrows(IllegalArgumentException.class, () -> feed.fetch(after, 0, -5)).getMessage(),
                assertThrows(IllegalArgumentException.class, () -> feed.fetch(after, 0, 101)).getMessage(),
                assertThrows(IllegalArgumentException.class, () -> feed.fetch(after, 0, 1_000)).getMessage());

        String start = "start: must not be negative";
        String count = "count: must be 1 to 100";
        assertEquals(List.of(start, start, count, count, count, count), messages);
        assertEquals(0, wm.getAllServeEvents().size(), "requests made");
    }

    @Test
    void pagingArgumentsAtTheirBoundsAreSent() {
        wm.stubFor(get(urlPathEqualTo("/v2/exportDeletionNotices"))
                .willReturn(okJson("{\"elements\":[],\"paging\":{}}")));
        NoticeFeed feed = client.deletionNotices().feed();
        java.time.Instant after = java.time.Instant.ofEpochMilli(1_700_000_000_000L);
        assertEquals(0, feed.fetch(after, 0, 1).size());
        assertEquals(0, feed.fetch(after, Integer.MAX_VALUE - 100, 100).size());
        wm.verify(1, getRequestedFor(urlPathEqualTo("/v2/exportDeletionNotices")).withQueryParam("count", equalTo("1")));
        wm.verify(1, getRequestedFor(urlPathEqualTo("/v2/exportDeletionNotices")).withQueryParam("count", equalTo("100")));
    }

    @Test
    void pagesAreReadWithTheOriginalOptionsOnEveryPage() {
        stubPage(0, "{\"crmId\":\"a\",\"firstName\":\"F\"},{\"crmId\":\"b\",\"firstName\":\"F\"}", "{\"start\":0,\"count\":2}");
        stubPage(2, "{\"crmId\":\"c\",\"firstName\":\"F\"}", "{\"start\":2,\"count\":2}");
        RequestOptions options = RequestOptions.builder().header("X-Trace", "sync-1").build();
        assertEquals(List.of("a", "b", "c"), crmIds(client.contacts().list(options)));
        wm.verify(2, getRequestedFor(urlPathEqualTo("/v2/crmContacts"))
                .withHeader("X-Trace", equalTo("sync-1"))
                .withHeader("X-RestLi-Method", equalTo("FINDER")));
    }

    @Test
    void anEmptyListing() {
        stubPage(0, "", "{\"start\":0,\"count\":2,\"total\":0}");
        assertEquals(List.of(), crmIds(client.contacts().list()));
        wm.verify(1, getRequestedFor(urlPathEqualTo("/v2/crmContacts")));
    }

    @Test
    void anExactMultipleOfThePageSize() {
        stubPage(0, "{\"crmId\":\"a\",\"firstName\":\"F\"},{\"crmId\":\"b\",\"firstName\":\"F\"}", "{\"start\":0,\"count\":2}");
        stubPage(2, "{\"crmId\":\"c\",\"firstName\":\"F\"},{\"crmId\":\"d\",\"firstName\":\"F\"}", "{\"start\":2,\"count\":2}");
        stubPage(4, "", "{\"start\":4,\"count\":2}");
        assertEquals(4, client.contacts().list().stream().count());
        wm.verify(3, getRequestedFor(urlPathEqualTo("/v2/crmContacts")));
    }

    @Test
    void aRepeatedPageFailsInsteadOfLooping() {
        // A server that ignores start: every page is the first.
        wm.stubFor(get(urlPathEqualTo("/v2/crmContacts")).willReturn(
                okJson("{\"elements\":[{\"crmId\":\"a\",\"firstName\":\"F\"},{\"crmId\":\"b\",\"firstName\":\"F\"}],\"paging\":{\"start\":0,\"count\":2}}")));
        PagedIterable<Contact> paged = client.contacts().list();
        assertThrows(CrmConnectException.class, () -> paged.stream().count());
        wm.verify(2, getRequestedFor(urlPathEqualTo("/v2/crmContacts")));
    }

    @Test
    void anAsyncPageCarriesStartAndTotalAndLeadsToTheNext() {
        stubPage(0, "{\"crmId\":\"a\",\"firstName\":\"F\"},{\"crmId\":\"b\",\"firstName\":\"F\"}", "{\"start\":0,\"count\":2,\"total\":3}");
        stubPage(2, "{\"crmId\":\"c\",\"firstName\":\"F\"}", "{\"start\":2,\"count\":2,\"total\":3}");
        RequestOptions options = RequestOptions.builder().header("X-Trace", "async-1").build();
        Page<Contact> first = TestSupport.await(client.contacts().listAsync(options));
        assertEquals(List.of("a", "b"), crmIds(first.elements()));
        assertTrue(first.hasNext());
        Page<Contact> page = TestSupport.await(first.nextAsync());
        assertEquals(List.of("c"), crmIds(page.elements()));
        assertEquals(2, page.start());
        assertEquals(OptionalInt.of(3), page.total());
        assertFalse(page.hasNext(), "the last page of the total");
        wm.verify(2, getRequestedFor(urlPathEqualTo("/v2/crmContacts")).withHeader("X-Trace", equalTo("async-1")));
    }

    @Test
    void aPageWithoutElementsIsAnInvalidResponse() {
        wm.stubFor(get(urlPathEqualTo("/v2/crmContacts")).willReturn(okJson("{\"paging\":{}}")));
        CrmConnectException e = TestSupport.failure(client.contacts().listAsync());
        assertEquals(TransportException.Reason.INVALID_RESPONSE, assertInstanceOf(TransportException.class, e).reason());
    }

    @Test
    void aFailedPageFailsTheAsyncFetchAndTheIteration() {
        wm.stubFor(get(urlPathEqualTo("/v2/crmContacts")).willReturn(aResponse().withStatus(404)));
        assertInstanceOf(NotFoundException.class, TestSupport.failure(client.contacts().listAsync()));
        PagedIterable<Contact> paged = client.contacts().list();
        assertThrows(NotFoundException.class, () -> paged.iterator().hasNext());
    }
}
