package dev.crmconnect.sdk.poller;

import static dev.crmconnect.sdk.poller.CheckpointStoreContractTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmconnect.model.DeletionNotice;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CheckpointTypesTest {

    static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    @Test
    void aDecisionToRetainNeedsAReasonAndOnlyItMayHaveOne() {
        assertMessage("reason: is required", () -> Decision.retain(null, "kept"));
        assertMessage("reason: must be absent unless kind is RETAIN",
                () -> new Decision(Decision.Kind.DELETE, RetentionReason.CONSENT, "gone"));
        assertMessage("detail: is required", () -> Decision.delete(" "));
        assertMessage("detail: is required", () -> Decision.flagForReview(null));
        assertMessage("detail: must be at most 2000 characters", () -> Decision.delete("x".repeat(2001)));
        assertEquals(new Decision(Decision.Kind.RETAIN, RetentionReason.CONSENT, "kept"),
                Decision.retain(RetentionReason.CONSENT, "kept"));
    }

    @Test
    void toStringsLeaveOutPersonalData() {
        Decision decision = Decision.delete("contact Jane Doe, jane@example.com");
        assertEquals("Decision[kind=DELETE, detail=(34 chars)]", decision.toString());
        AuditRecord record = new AuditRecord("urn:li:organization:1", "n1", "urn:li:person:abc", decision, T0, "h1");
        assertFalse(record.toString().contains("jane") || record.toString().contains("urn:li:person"), record.toString());
        ParkedNotice parked = new ParkedNotice(notice("n1"), 2, "Jane not found", T0);
        assertFalse(parked.toString().contains("abc") || parked.toString().contains("Jane"), parked.toString());
        ComplianceGap gap = ComplianceGap.raised(T0, "410").acknowledge(T0, "jane@example.com");
        assertFalse(gap.toString().contains("jane"), gap.toString());
    }

    @Test
    void timesAreKeptToTheMillisecond() {
        Instant precise = T0.plusNanos(1_234_567);
        assertEquals(T0.plusMillis(1), new Watermark(precise, "n1").publishedAt());
        assertEquals(T0.plusMillis(1), new AuditRecord("t", "n", "m", Decision.delete("x"), precise, "h").decidedAt());
    }

    @Test
    void watermarksOrderByTimeThenNoticeId() {
        Watermark a = new Watermark(T0, "n2");
        assertTrue(new Watermark(T0, "n3").isAfter(a));
        assertTrue(new Watermark(T0.plusMillis(1), "n1").isAfter(a));
        assertFalse(new Watermark(T0, "n2").isAfter(a));
        assertFalse(new Watermark(T0.minusMillis(1), "n9").isAfter(a));
    }

    @Test
    void aParkedNoticeCutsALongErrorAndNeedsAnAttempt() {
        ParkedNotice parked = new ParkedNotice(notice("n1"), 1, "e".repeat(5000), T0);
        assertEquals(2000, parked.lastError().length());
        assertEquals("n1", parked.noticeId());
        assertMessage("attempts: must be at least 1", () -> new ParkedNotice(notice("n1"), 0, null, T0));
        assertMessage("notice: is required", () -> new ParkedNotice(null, 1, null, T0));
        assertMessage("notice.noticeId: must be at most 255 characters",
                () -> new ParkedNotice(notice("n".repeat(256)), 1, null, T0));
    }

    @Test
    void aGapIsAcknowledgedWithTimeAndAuthorTogether() {
        assertMessage("acknowledgedAt, acknowledgedBy: must be both present or both absent",
                () -> new ComplianceGap(T0, "410", T0, null));
        ComplianceGap gap = ComplianceGap.raised(T0, "410");
        assertFalse(gap.acknowledged());
        assertTrue(gap.acknowledge(T0.plusSeconds(1), "ops").acknowledged());
    }

    @Test
    void aLeaseHasAPositiveToken() {
        assertMessage("fencingToken: must be at least 1", () -> new Lease("t", "o", 0, T0));
    }

    static DeletionNotice notice(String noticeId) {
        return DeletionNotice.builder().noticeId(noticeId).member("urn:li:person:abc").publishedAt(T0).build();
    }
}
