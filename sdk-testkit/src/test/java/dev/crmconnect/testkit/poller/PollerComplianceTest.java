package dev.crmconnect.testkit.poller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmconnect.model.DeletionNotice;
import dev.crmconnect.sdk.CrmConnectClient;
import dev.crmconnect.sdk.poller.AuditRecord;
import dev.crmconnect.sdk.poller.CheckpointStore;
import dev.crmconnect.sdk.poller.ComplianceGap;
import dev.crmconnect.sdk.poller.ComplianceStatus;
import dev.crmconnect.sdk.poller.ComplianceStatus.Level;
import dev.crmconnect.sdk.poller.Decision;
import dev.crmconnect.sdk.poller.DeletionNoticePoller;
import dev.crmconnect.sdk.poller.NoticeFeed;
import dev.crmconnect.sdk.poller.PollSummary;
import dev.crmconnect.sdk.poller.PollSummary.Outcome;
import dev.crmconnect.sdk.poller.PollerListener;
import dev.crmconnect.testkit.FakeCrmConnect;
import dev.crmconnect.testkit.FakeTenant;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The compliance gap and clock against the fake: one tenant's feed is out of reach for a month,
 * on the fake's clock, which the poller reads too; the compliance clock warns, then errs; the
 * feed's 410 then raises a gap that stops that tenant, and only that tenant, until an operator
 * acknowledges it.
 */
class PollerComplianceTest {

    static final FakeTenant QUIET = new FakeTenant("client-quiet", "secret-quiet", "urn:li:organization:7001");
    static final FakeTenant BUSY = new FakeTenant("client-busy", "secret-busy", "urn:li:organization:7002");
    /** Notices on the first day only, polled all along: its old watermark is no gap. */
    static final FakeTenant IDLE = new FakeTenant("client-idle", "secret-idle", "urn:li:organization:7003");
    static final Instant END_OF_TIME = Instant.parse("9999-12-31T23:59:59Z");

    /** A feed whose network path can be cut. */
    static final class Unreachable implements NoticeFeed {
        private final NoticeFeed feed;
        volatile boolean down;

        Unreachable(NoticeFeed feed) {
            this.feed = feed;
        }

        @Override
        public String tenant() {
            return feed.tenant();
        }

        @Override
        public List<DeletionNotice> fetch(Instant publishedAfter, int start, int count) {
            if (down) {
                throw new UncheckedIOException(new ConnectException("no route to the API"));
            }
            return feed.fetch(publishedAfter, start, count);
        }
    }

    /** What the poller told. */
    static final class Told implements PollerListener {
        final List<String> gaps = new ArrayList<>();
        final List<ComplianceStatus> warnings = new ArrayList<>();
        final List<ComplianceStatus> errors = new ArrayList<>();

        @Override
        public synchronized void complianceGapRaised(String tenant, ComplianceGap gap) {
            gaps.add(tenant);
        }

        @Override
        public synchronized void complianceClockWarning(ComplianceStatus status) {
            warnings.add(status);
        }

        @Override
        public synchronized void complianceClockError(ComplianceStatus status) {
            errors.add(status);
        }
    }

    FakeCrmConnect fake;
    CrmConnectClient quietClient;
    CrmConnectClient busyClient;
    CrmConnectClient idleClient;
    CheckpointStore store;
    int published;

    @BeforeEach
    void start() {
        fake = FakeCrmConnect.builder().tenant(QUIET).tenant(BUSY).tenant(IDLE).start();
        fake.clock().freeze();
        quietClient = fake.client(QUIET.clientId());
        busyClient = fake.client(BUSY.clientId());
        idleClient = fake.client(IDLE.clientId());
        store = CheckpointStore.inMemory();
    }

    @AfterEach
    void stop() {
        store.close();
        quietClient.close();
        busyClient.close();
        idleClient.close();
        fake.close();
    }

    List<String> publish(FakeTenant tenant, int count) {
        return FakeNotices.publish(fake, tenant.integrationContext(), "n" + (published++) + "-", count);
    }

    static PollSummary of(List<PollSummary> round, FakeTenant tenant) {
        return round.stream().filter(s -> s.tenant().equals(tenant.integrationContext())).findFirst().orElseThrow();
    }

    int audited(FakeTenant tenant) {
        return store.auditTrail(tenant.integrationContext(), Instant.EPOCH, END_OF_TIME).size();
    }

    @Test
    void aMonthWithoutPollsWarnsThenErrsThenThe410StopsThatTenantUntilAcknowledged() {
        Unreachable quietFeed = new Unreachable(quietClient.deletionNotices().feed());
        Told told = new Told();
        DeletionNoticePoller poller = DeletionNoticePoller.builder()
                .feed(quietFeed)
                .client(busyClient)
                .client(idleClient)
                .handler(notice -> Decision.delete("contact and notes"))
                .handlerId("compliance-test-1")
                .checkpointStore(store)
                .listener(told)
                .clock(fake.clock())
                .build();
        publish(QUIET, 3);
        publish(BUSY, 3);
        publish(IDLE, 2);
        List<PollSummary> first = poller.pollOnce();
        assertEquals(3, of(first, QUIET).decided());
        assertEquals(3, of(first, BUSY).decided());
        assertEquals(Level.OK, poller.complianceStatus(QUIET.integrationContext()).level());

        // The quiet tenant's feed is out of reach for 32 days; the busy one is polled every 8 days.
        quietFeed.down = true;
        for (int week = 1; week <= 4; week++) {
            fake.clock().advance(Duration.ofDays(8));
            publish(BUSY, 1);
            List<PollSummary> round = poller.pollOnce();
            assertEquals(Outcome.FAILED, of(round, QUIET).outcome());
            assertEquals(Outcome.COMPLETED, of(round, BUSY).outcome());
            assertEquals(1, of(round, BUSY).decided());
            assertEquals(Outcome.COMPLETED, of(round, IDLE).outcome());
            ComplianceStatus quiet = poller.complianceStatus(QUIET.integrationContext());
            assertEquals(Duration.ofDays(8L * week), quiet.sinceLastSuccessfulPoll());
            assertEquals(week < 4 ? Level.WARNING : Level.ERROR, quiet.level(), "after " + 8 * week + " days");
            assertEquals(Level.OK, poller.complianceStatus(BUSY.integrationContext()).level());
        }
        assertEquals(3, told.warnings.size(), "a warning after each of the first three failed polls");
        assertEquals(1, told.errors.size(), "an error after the fourth");
        assertTrue(told.warnings.stream().allMatch(s -> s.tenant().equals(QUIET.integrationContext())));
        assertEquals(QUIET.integrationContext(), told.errors.get(0).tenant());

        // Back in reach, but its watermark is older than the feed's 30 days: 410, a gap, never a skip.
        quietFeed.down = false;
        List<String> missedMaybe = publish(QUIET, 1);
        publish(BUSY, 1);
        List<PollSummary> gapRound = poller.pollOnce();
        assertEquals(Outcome.COMPLIANCE_GAP_RAISED, of(gapRound, QUIET).outcome());
        assertEquals(Outcome.COMPLETED, of(gapRound, BUSY).outcome());
        assertEquals(Outcome.COMPLETED, of(gapRound, IDLE).outcome(), "a quiet feed polled all along is no gap");
        assertEquals(List.of(QUIET.integrationContext()), told.gaps);
        ComplianceGap gap = poller.complianceGap(QUIET.integrationContext()).orElseThrow();
        assertFalse(gap.acknowledged());
        assertTrue(gap.detail().contains("410"), gap.detail());

        // Stopped until acknowledged, while the other tenant goes on.
        publish(BUSY, 1);
        List<PollSummary> stopped = poller.pollOnce();
        assertEquals(Outcome.SKIPPED_COMPLIANCE_GAP, of(stopped, QUIET).outcome());
        assertEquals(Outcome.COMPLETED, of(stopped, BUSY).outcome());
        assertEquals(1, of(stopped, BUSY).decided());
        assertEquals(3, audited(QUIET), "nothing decided for the stopped tenant");
        assertEquals(3 + 4 + 2, audited(BUSY));

        assertTrue(poller.acknowledgeComplianceGap(QUIET.integrationContext(), "compliance-officer-7"));
        assertEquals("compliance-officer-7", poller.complianceGap(QUIET.integrationContext()).orElseThrow()
                .acknowledgedBy());
        List<PollSummary> resumed = poller.pollOnce();
        assertEquals(Outcome.COMPLETED, of(resumed, QUIET).outcome());
        assertEquals(1, of(resumed, QUIET).decided());
        List<String> quietDecided = store.auditTrail(QUIET.integrationContext(), Instant.EPOCH, END_OF_TIME).stream()
                .map(AuditRecord::noticeId).toList();
        assertTrue(quietDecided.containsAll(missedMaybe), "the notice the feed still holds is decided");
        assertEquals(Level.OK, poller.complianceStatus(QUIET.integrationContext()).level());
        assertEquals(1, told.gaps.size(), "the acknowledged gap is not raised again");
        assertEquals(2, audited(IDLE));
    }
}
