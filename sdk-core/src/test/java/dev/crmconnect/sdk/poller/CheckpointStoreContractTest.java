package dev.crmconnect.sdk.poller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crmconnect.sdk.exception.CheckpointStoreException;
import dev.crmconnect.sdk.exception.StaleLeaseException;
import dev.crmconnect.sdk.internal.json.Json;
import dev.crmconnect.sdk.internal.poller.AuditJsonLines;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every checkpoint store must do; each store's test class runs it against that store. */
abstract class CheckpointStoreContractTest {

    static final String TENANT = "urn:li:organization:1001";
    static final String OTHER_TENANT = "urn:li:organization:2002";
    static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    static final Duration LONG_TTL = Duration.ofMinutes(5);

    CheckpointStore store;

    /** Opens a new, empty store. */
    abstract CheckpointStore open();

    /** Closes {@code store} and opens the same store again; the in-memory store returns itself. */
    abstract CheckpointStore reopen(CheckpointStore store);

    @BeforeEach
    void openStore() {
        store = open();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    static AuditRecord record(String tenant, String noticeId, Decision decision, Instant decidedAt) {
        return new AuditRecord(tenant, noticeId, "urn:li:person:" + noticeId, decision, decidedAt, "handler-1.0");
    }

    static AuditRecord deleted(String noticeId, Instant decidedAt) {
        return record(TENANT, noticeId, Decision.delete("contact and notes"), decidedAt);
    }

    Lease lease(String tenant, String owner) {
        return store.tryAcquireLease(tenant, owner, LONG_TTL).orElseThrow();
    }

    static ParkedNotice parkedNotice(String noticeId, int attempts) {
        return new ParkedNotice(CheckpointTypesTest.notice(noticeId), attempts, "handler timed out",
                T0.plusSeconds(attempts));
    }

    // ---- decisions

    @Test
    void aDecisionIsRecordedOnceAndASecondIsRefused() {
        Lease lease = lease(TENANT, "a");
        AuditRecord first = deleted("n1", T0);
        assertTrue(store.recordDecision(lease, first));
        assertFalse(store.recordDecision(lease, record(TENANT, "n1", Decision.flagForReview("again"), T0.plusSeconds(1))));
        assertEquals(Optional.of(first), store.decision(TENANT, "n1"));
        assertEquals(Optional.empty(), store.decision(TENANT, "n2"));
        assertEquals(Optional.empty(), store.decision(OTHER_TENANT, "n1"));
    }

    @Test
    void theSameNoticeIdIsDecidedSeparatelyPerTenant() {
        assertTrue(store.recordDecision(lease(TENANT, "a"), deleted("n1", T0)));
        AuditRecord other = record(OTHER_TENANT, "n1", Decision.retain(RetentionReason.CONSENT, "opted in"), T0);
        assertTrue(store.recordDecision(lease(OTHER_TENANT, "a"), other));
        assertEquals(Optional.of(other), store.decision(OTHER_TENANT, "n1"));
    }

    @Test
    void aBatchRecordsOnlyTheUndecidedOnes() {
        Lease lease = lease(TENANT, "a");
        store.recordDecision(lease, deleted("n2", T0));
        Set<String> recorded = store.recordDecisions(lease, List.of(deleted("n1", T0), deleted("n2", T0),
                deleted("n3", T0), deleted("n1", T0.plusSeconds(5))));
        assertEquals(List.of("n1", "n3"), new ArrayList<>(recorded));
        assertEquals(T0, store.decision(TENANT, "n1").orElseThrow().decidedAt());
        assertEquals(3, store.auditTrail(TENANT, Instant.EPOCH, AuditJsonLines.END_OF_TIME).size());
    }

    @Test
    void aBatchDropsTheParkedNoticesOfWhatItRecordsAndKeepsEarlierDecisions() {
        Lease lease = lease(TENANT, "a");
        AuditRecord earlier = deleted("n2", T0);
        store.recordDecision(lease, earlier);
        store.park(lease, parkedNotice("n1", 3));
        store.park(lease, parkedNotice("n3", 3));
        Set<String> recorded = store.recordDecisions(lease, List.of(deleted("n1", T0.plusSeconds(1)),
                record(TENANT, "n2", Decision.flagForReview("again"), T0.plusSeconds(1)),
                deleted("n4", T0.plusSeconds(1))));
        assertEquals(List.of("n1", "n4"), new ArrayList<>(recorded));
        assertEquals(Optional.of(earlier), store.decision(TENANT, "n2"));
        assertEquals(List.of(parkedNotice("n3", 3)), store.parked(TENANT));
        assertEquals(3, store.auditTrail(TENANT, Instant.EPOCH, AuditJsonLines.END_OF_TIME).size());
    }

    @Test
    void aStaleLeaseRecordsNothingOfItsBatch() {
        Lease first = lease(TENANT, "a");
        AuditRecord earlier = deleted("n1", T0);
        store.recordDecision(first, earlier);
        store.park(first, parkedNotice("n2", 3));
        store.releaseLease(first);
        Lease second = lease(TENANT, "b");

        assertThrows(StaleLeaseException.class, () -> store.recordDecisions(first,
                List.of(deleted("n1", T0.plusSeconds(1)), deleted("n2", T0), deleted("n3", T0))));
        assertEquals(Map.of("n1", earlier), store.decisions(TENANT, List.of("n1", "n2", "n3")));
        assertEquals(List.of(parkedNotice("n2", 3)), store.parked(TENANT));
        assertEquals(Set.of("n2", "n3"), store.recordDecisions(second, List.of(deleted("n2", T0), deleted("n3", T0))));
    }

    @Test
    void theDecisionsOfSeveralNoticesAreFoundTogether() {
        Lease lease = lease(TENANT, "a");
        AuditRecord n1 = deleted("n1", T0);
        AuditRecord n3 = record(TENANT, "n3", Decision.retain(RetentionReason.CONSENT, "opted in"), T0.plusSeconds(3));
        store.recordDecisions(lease, List.of(n1, n3));
        store.recordDecision(lease(OTHER_TENANT, "a"), record(OTHER_TENANT, "n2", Decision.delete("all"), T0));

        assertEquals(Map.of("n1", n1, "n3", n3), store.decisions(TENANT, List.of("n1", "n2", "n3", "n4", "n1")));
        assertEquals(Map.of(), store.decisions(TENANT, List.of()));
        assertEquals(Map.of(), store.decisions("urn:li:organization:3003", List.of("n1", "n2")));
    }

    @Test
    void aRecordForAnotherTenantThanTheLeasesIsRefused() {
        Lease lease = lease(TENANT, "a");
        AuditRecord other = record(OTHER_TENANT, "n1", Decision.delete("contact"), T0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> store.recordDecision(lease, other));
        assertTrue(e.getMessage().contains("record.tenant"), e.getMessage());
        assertEquals(Optional.empty(), store.decision(OTHER_TENANT, "n1"));
    }

    // ---- watermark

    @Test
    void theWatermarkNeverMovesBackwards() {
        Lease lease = lease(TENANT, "a");
        assertEquals(Optional.empty(), store.watermark(TENANT));
        Watermark early = new Watermark(T0, "n5");
        Watermark tie = new Watermark(T0, "n6");
        Watermark later = new Watermark(T0.plusMillis(1), "n1");
        assertTrue(store.advanceWatermark(lease, early));
        assertTrue(store.advanceWatermark(lease, tie), "same time, later notice id");
        assertTrue(store.advanceWatermark(lease, later));
        assertFalse(store.advanceWatermark(lease, tie));
        assertFalse(store.advanceWatermark(lease, later), "the same position is not a move");
        assertEquals(Optional.of(later), store.watermark(TENANT));
        assertEquals(Optional.empty(), store.watermark(OTHER_TENANT));
    }

    // ---- parked notices

    @Test
    void parkedNoticesAreKeptListedReplacedAndDropped() {
        Lease lease = lease(TENANT, "a");
        store.park(lease, parkedNotice("n9", 3));
        store.park(lease, parkedNotice("n2", 3));
        store.park(lease, parkedNotice("n9", 4));
        List<ParkedNotice> parked = store.parked(TENANT);
        assertEquals(List.of(parkedNotice("n2", 3), parkedNotice("n9", 4)), parked);
        assertEquals(List.of(), store.parked(OTHER_TENANT));
        assertTrue(store.unpark(lease, "n2"));
        assertFalse(store.unpark(lease, "n2"));
        assertEquals(List.of(parkedNotice("n9", 4)), store.parked(TENANT));
    }

    @Test
    void aDecisionDropsItsParkedNoticeAndADecidedNoticeIsNotParked() {
        Lease lease = lease(TENANT, "a");
        store.park(lease, parkedNotice("n1", 3));
        store.park(lease, parkedNotice("n2", 3));
        store.recordDecision(lease, deleted("n1", T0));
        store.park(lease, parkedNotice("n1", 4));
        assertEquals(List.of(parkedNotice("n2", 3)), store.parked(TENANT));
    }

    // ---- audit

    @Test
    void theAuditIsQueriedByTenantAndTimeRangeInOrder() {
        Lease lease = lease(TENANT, "a");
        store.recordDecision(lease, deleted("n3", T0.plusSeconds(20)));
        store.recordDecision(lease, deleted("n2", T0.plusSeconds(10)));
        store.recordDecision(lease, deleted("n1", T0.plusSeconds(10)));
        store.recordDecision(lease, deleted("n0", T0));
        store.recordDecision(lease(OTHER_TENANT, "a"), record(OTHER_TENANT, "x", Decision.delete("all"), T0.plusSeconds(10)));

        List<AuditRecord> found = store.auditTrail(TENANT, T0.plusSeconds(10), T0.plusSeconds(20));
        assertEquals(List.of("n1", "n2"), found.stream().map(AuditRecord::noticeId).toList(),
                "from is inclusive, to exclusive, ordered by time then notice id");
        assertEquals(4, store.auditTrail(TENANT, Instant.EPOCH, AuditJsonLines.END_OF_TIME).size());
        assertEquals(List.of(), store.auditTrail("urn:li:organization:3003", Instant.EPOCH, AuditJsonLines.END_OF_TIME));
    }

    @Test
    void theAuditExportsAsJsonLinesThatParseBack() throws Exception {
        Lease lease = lease(TENANT, "a");
        AuditRecord deleted = deleted("n1", T0.plusMillis(123));
        AuditRecord retained = record(TENANT, "n2",
                Decision.retain(RetentionReason.LEGAL_OBLIGATION, "tax records \"7 years\"\nline two"), T0.plusSeconds(1));
        AuditRecord flagged = record(TENANT, "n3", Decision.flagForReview("ambiguous match"), T0.plusSeconds(2));
        store.recordDecisions(lease, List.of(flagged, retained, deleted));

        StringWriter out = new StringWriter();
        store.exportAuditTrail(TENANT, out);
        String[] lines = out.toString().split("\n", -1);
        assertEquals(4, lines.length, out.toString());
        assertEquals("", lines[3], "every line ends with a newline");

        List<AuditRecord> parsed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            parsed.add(AuditJsonLines.parse(lines[i]));
        }
        assertEquals(List.of(deleted, retained, flagged), parsed);

        JsonNode first = Json.mapper().readTree(lines[0]);
        assertEquals("2024-05-01T10:00:00.123Z", first.get("decidedAt").asText());
        assertEquals("DELETE", first.get("decision").asText());
        assertEquals("urn:li:person:n1", first.get("member").asText());
        assertFalse(first.has("reason"));
        JsonNode second = Json.mapper().readTree(lines[1]);
        assertEquals("LEGAL_OBLIGATION", second.get("reason").asText());
        assertEquals("handler-1.0", second.get("handlerId").asText());

        StringWriter range = new StringWriter();
        store.exportAuditTrail(TENANT, T0.plusSeconds(1), T0.plusSeconds(2), range);
        assertEquals(1, range.toString().lines().count());
    }

    // ---- compliance clock and gap

    @Test
    void theComplianceClockKeepsTheLatestSuccessfulPoll() {
        Lease lease = lease(TENANT, "a");
        assertEquals(Optional.empty(), store.lastSuccessfulPoll(TENANT));
        store.recordSuccessfulPoll(lease, T0.plusSeconds(60));
        store.recordSuccessfulPoll(lease, T0);
        assertEquals(Optional.of(T0.plusSeconds(60)), store.lastSuccessfulPoll(TENANT));
        store.recordSuccessfulPoll(lease, T0.plusSeconds(120));
        assertEquals(Optional.of(T0.plusSeconds(120)), store.lastSuccessfulPoll(TENANT));
        assertEquals(Optional.empty(), store.lastSuccessfulPoll(OTHER_TENANT));
    }

    @Test
    void aComplianceGapStaysRaisedUntilAcknowledged() {
        Lease lease = lease(TENANT, "a");
        assertEquals(Optional.empty(), store.complianceGap(TENANT));
        assertFalse(store.acknowledgeComplianceGap(TENANT, T0, "ops@vendor"), "nothing to acknowledge");

        store.raiseComplianceGap(lease, T0, "feed answered 410");
        store.raiseComplianceGap(lease, T0.plusSeconds(5), "feed answered 410 again");
        assertEquals(Optional.of(ComplianceGap.raised(T0, "feed answered 410")), store.complianceGap(TENANT),
                "an unacknowledged gap is kept as first raised");

        assertTrue(store.acknowledgeComplianceGap(TENANT, T0.plusSeconds(60), "ops@vendor"));
        assertFalse(store.acknowledgeComplianceGap(TENANT, T0.plusSeconds(61), "ops@vendor"));
        ComplianceGap acknowledged = store.complianceGap(TENANT).orElseThrow();
        assertTrue(acknowledged.acknowledged());
        assertEquals(T0.plusSeconds(60), acknowledged.acknowledgedAt());
        assertEquals("ops@vendor", acknowledged.acknowledgedBy());

        store.raiseComplianceGap(lease, T0.plusSeconds(90), "another 410");
        assertEquals(Optional.of(ComplianceGap.raised(T0.plusSeconds(90), "another 410")), store.complianceGap(TENANT));
        assertEquals(Optional.empty(), store.complianceGap(OTHER_TENANT));
    }

    // ---- persistence

    @Test
    void everythingSurvivesReopening() {
        Lease lease = lease(TENANT, "a");
        AuditRecord decided = record(TENANT, "n1", Decision.retain(RetentionReason.OTHER, "works council"), T0);
        store.recordDecision(lease, decided);
        store.advanceWatermark(lease, new Watermark(T0, "n1"));
        store.park(lease, parkedNotice("n2", 5));
        store.recordSuccessfulPoll(lease, T0.plusSeconds(30));
        store.raiseComplianceGap(lease, T0.plusSeconds(40), "feed answered 410");

        store = reopen(store);

        assertEquals(Optional.of(decided), store.decision(TENANT, "n1"));
        assertEquals(Optional.of(new Watermark(T0, "n1")), store.watermark(TENANT));
        assertEquals(List.of(parkedNotice("n2", 5)), store.parked(TENANT));
        assertEquals(Optional.of(T0.plusSeconds(30)), store.lastSuccessfulPoll(TENANT));
        assertEquals(Optional.of(ComplianceGap.raised(T0.plusSeconds(40), "feed answered 410")),
                store.complianceGap(TENANT));
        assertEquals(List.of(decided), store.auditTrail(TENANT, Instant.EPOCH, AuditJsonLines.END_OF_TIME));
    }

    // ---- leases

    @Test
    void aHeldLeaseIsNotGivenToAnotherOwnerNorAgainToItsHolder() {
        Lease lease = lease(TENANT, "a");
        assertEquals(TENANT, lease.tenant());
        assertEquals("a", lease.ownerId());
        assertTrue(store.tryAcquireLease(TENANT, "b", LONG_TTL).isEmpty());
        assertTrue(store.tryAcquireLease(TENANT, "a", LONG_TTL).isEmpty());
        assertTrue(store.tryAcquireLease(OTHER_TENANT, "b", LONG_TTL).isPresent(), "leases are per tenant");
    }

    @Test
    void aReleasedLeaseGoesToTheNextOwnerWithAHigherTokenAndTheOldOneCannotWrite() {
        Lease first = lease(TENANT, "a");
        store.releaseLease(first);
        Lease second = lease(TENANT, "b");
        assertTrue(second.fencingToken() > first.fencingToken());
        assertThrows(StaleLeaseException.class, () -> store.recordDecision(first, deleted("n1", T0)));
        assertTrue(store.renewLease(first, LONG_TTL).isEmpty());
        store.releaseLease(first); // no effect: not current
        assertTrue(store.tryAcquireLease(TENANT, "c", LONG_TTL).isEmpty(), "b still holds it");
    }

    @Test
    void anExpiredLeaseIsTakenOverWithAHigherTokenAndTheStaleOwnerIsRefused() throws Exception {
        Lease stale = store.tryAcquireLease(TENANT, "a", Duration.ofMillis(150)).orElseThrow();
        store.advanceWatermark(stale, new Watermark(T0, "n1"));

        Lease taken = awaitLease(TENANT, "b");
        assertTrue(taken.fencingToken() > stale.fencingToken(), taken + " after " + stale);
        store.advanceWatermark(taken, new Watermark(T0.plusSeconds(10), "n7"));

        StaleLeaseException e = assertThrows(StaleLeaseException.class,
                () -> store.advanceWatermark(stale, new Watermark(T0.plusSeconds(99), "n9")));
        assertTrue(e.getMessage().contains(TENANT) && e.getMessage().contains("token " + stale.fencingToken()),
                e.getMessage());
        assertThrows(StaleLeaseException.class, () -> store.recordDecision(stale, deleted("n8", T0)));
        assertThrows(StaleLeaseException.class, () -> store.park(stale, parkedNotice("n8", 3)));
        assertThrows(StaleLeaseException.class, () -> store.unpark(stale, "n8"));
        assertThrows(StaleLeaseException.class, () -> store.recordSuccessfulPoll(stale, T0));
        assertThrows(StaleLeaseException.class, () -> store.raiseComplianceGap(stale, T0, "410"));
        assertTrue(store.renewLease(stale, LONG_TTL).isEmpty());

        assertEquals(Optional.of(new Watermark(T0.plusSeconds(10), "n7")), store.watermark(TENANT));
        assertEquals(Optional.empty(), store.decision(TENANT, "n8"));
        assertEquals(List.of(), store.parked(TENANT));
        assertEquals(Optional.empty(), store.complianceGap(TENANT));
    }

    @Test
    void aRenewedLeaseKeepsItsTokenAndLastsLonger() {
        Lease lease = store.tryAcquireLease(TENANT, "a", Duration.ofSeconds(2)).orElseThrow();
        Lease renewed = store.renewLease(lease, LONG_TTL).orElseThrow();
        assertEquals(lease.fencingToken(), renewed.fencingToken());
        assertTrue(renewed.expiresAt().isAfter(lease.expiresAt()), renewed + " after " + lease);
        assertTrue(store.recordDecision(renewed, deleted("n1", T0)));
        assertTrue(store.recordDecision(lease, deleted("n2", T0)), "the token is what counts, not the expiry seen");
    }

    /** Polls for an expired lease, bounded: a store that never expires leases fails here. */
    Lease awaitLease(String tenant, String owner) throws InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            Optional<Lease> lease = store.tryAcquireLease(tenant, owner, LONG_TTL);
            if (lease.isPresent()) {
                return lease.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the expired lease on " + tenant + " was not taken over within 5 s");
    }

    // ---- bad input

    @Test
    void badArgumentsNameTheFieldAndTheRule() {
        Lease lease = lease(TENANT, "a");
        assertMessage("tenant: is required", () -> store.watermark(" "));
        assertMessage("ttl: must be positive", () -> store.tryAcquireLease(TENANT, "b", Duration.ZERO));
        assertMessage("ownerId: is required", () -> store.tryAcquireLease(TENANT, null, LONG_TTL));
        assertMessage("to: is required", () -> store.advanceWatermark(lease, null));
        assertMessage("lease: is required", () -> store.recordDecision(null, deleted("n1", T0)));
        assertMessage("noticeId: must be at most 255 characters", () -> store.decision(TENANT, "n".repeat(256)));
        assertEquals(Optional.empty(), store.decision(TENANT, "n".repeat(255)), "255 characters is an id");
        assertMessage("noticeIds: is required", () -> store.decisions(TENANT, null));
        assertMessage("noticeId: is required", () -> store.decisions(TENANT, List.of("n1", " ")));
        assertMessage("tenant: is required", () -> store.decisions(" ", List.of()));
    }

    static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertEquals(expected, e.getMessage());
    }

    @Test
    void aClosedStoreRefusesWork() {
        CheckpointStore closing = store;
        closing.close();
        CheckpointStoreException e = assertThrows(CheckpointStoreException.class, () -> closing.watermark(TENANT));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
        store = open();
    }
}
