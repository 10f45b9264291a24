package dev.crmconnect.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmconnect.model.ExportedCandidate;
import org.junit.jupiter.api.Test;

class WebhookReceiverSampleTest {

    @Test
    void theDemoReceivesAVerifiedPushFetchesTheCandidateOnceAndRefusesAForgery() throws Exception {
        Output out = new Output();

        WebhookReceiverDemo.Result result = WebhookReceiverDemo.demo("/crmconnect/push", out.stream);

        assertEquals(1, result.candidates().size(), out.text());
        ExportedCandidate candidate = result.candidates().get(0);
        assertEquals("urn:li:person:demo-42", candidate.member());
        assertEquals("p-engineering", candidate.destination().crmId());
        assertTrue(result.delivery().delivered(), out.text());
        assertEquals(200, result.delivery().lastStatus());
        assertEquals(200, result.retryStatus(), "a retried push is answered 200");
        assertEquals(401, result.forgedStatus(), "a forged push is refused");
        assertEquals(1, out.text().split("Push received and verified", -1).length - 1,
                "the retried push reached the handler again: " + out.text());
        assertTrue(out.text().contains("candidate: urn:li:person:demo-42, Grace H., Staff Engineer at Northwind"
                + " Traders, London; into POOL p-engineering"), out.text());
        assertFalse(out.text().contains("Hopper"), "a full name was printed");
    }
}
