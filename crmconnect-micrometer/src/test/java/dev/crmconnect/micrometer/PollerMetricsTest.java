package dev.crmconnect.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmconnect.sdk.CrmConnectClient;
import dev.crmconnect.sdk.poller.CheckpointStore;
import dev.crmconnect.sdk.poller.Decision;
import dev.crmconnect.sdk.poller.DeletionNoticePoller;
import dev.crmconnect.sdk.poller.PollSummary;
import dev.crmconnect.sdk.poller.RetentionReason;
import dev.crmconnect.testkit.ExportDestination;
import dev.crmconnect.testkit.FakeCrmConnect;
import dev.crmconnect.testkit.FakeMember;
import dev.crmconnect.testkit.FakeTenant;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PollerMetricsTest {

    private static final String ORG_A = "urn:li:organization:1001";
    private static final String ORG_B = "urn:li:organization:1002";

    private final FakeCrmConnect fake = FakeCrmConnect.builder()
            .tenant(new FakeTenant("client-a", "secret-a", ORG_A))
            .tenant(new FakeTenant("client-b", "secret-b", ORG_B))
            .start();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final CrmConnectClient clientA = fake.client("client-a");
    private final CrmConnectClient clientB = fake.client("client-b");

    @AfterEach
    void tearDown() {
        clientA.close();
        clientB.close();
        fake.close();
    }

    /** The poller reads the fake's clock, so that moving it ages the compliance clock. */
    private Clock fakeClock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return fake.clock().now();
            }
        };
    }

    private void publishNotice(String member, String organization) {
        fake.addMember(FakeMember.builder(member).name("Ada", "Lovelace").build());
        fake.export(member, organization, ExportDestination.pool("p-1"));
        fake.deleteMember(member, Duration.ZERO);
    }

    private DeletionNoticePoller poller() {
        return DeletionNoticePoller.builder(clientA, clientB)
                .handler(notice -> switch (notice.member()) {
                    case "urn:li:person:delete-1", "urn:li:person:delete-2" -> Decision.delete("contact");
                    case "urn:li:person:retain-1" -> Decision.retain(RetentionReason.LEGAL_OBLIGATION, "invoice");
                    default -> throw new IllegalStateException("the CRM is down");
                })
                .handlerId("metrics-test-1")
                .handlerAttempts(1)
                .checkpointStore(CheckpointStore.inMemory())
                .clock(fakeClock())
                .listener(PollerMetrics.listener(registry))
                .build();
    }

    @Test
    void decisionsAreCountedByKindFailuresAndParkedNoticesCountedAndTheLagTimedPerPoll() {
        publishNotice("urn:li:person:delete-1", ORG_A);
        publishNotice("urn:li:person:retain-1", ORG_A);
        publishNotice("urn:li:person:failing-1", ORG_A);
        publishNotice("urn:li:person:delete-2", ORG_B);

        try (DeletionNoticePoller poller = poller()) {
            List<PollSummary> summaries = poller.pollOnce();
            assertEquals(2, summaries.size());
        }

        assertEquals(2.0, registry.get(PollerMetrics.DECISIONS).tags("kind", "DELETE").counter().count(),
                registry.getMetersAsString());
        assertEquals(1.0, registry.get(PollerMetrics.DECISIONS).tags("kind", "RETAIN").counter().count());
        assertEquals(1.0, registry.get(PollerMetrics.HANDLER_FAILURES).counter().count());
        assertEquals(1.0, registry.get(PollerMetrics.PARKED).counter().count());
        assertEquals(2.0, registry.get(PollerMetrics.POLLS).tags("outcome", "COMPLETED").counter().count());
        // one lag per poll that decided notices: tenant A's and tenant B's
        assertEquals(2, registry.get(PollerMetrics.LAG).timer().count());
    }

    @Test
    void noMeterOfTheListenerIsTaggedWithATenantANoticeOrAMember() {
        for (int i = 0; i < 20; i++) {
            publishNotice("urn:li:person:failing-" + i, ORG_A);
        }
        publishNotice("urn:li:person:delete-1", ORG_A);
        publishNotice("urn:li:person:delete-2", ORG_B);
        try (DeletionNoticePoller poller = poller()) {
            poller.pollOnce();
        }

        for (Meter meter : registry.getMeters()) {
            for (Tag tag : meter.getId().getTags()) {
                assertTrue(List.of("kind", "outcome").contains(tag.getKey()), meter.getId()::toString);
                assertFalse(tag.getValue().contains("urn:"), meter.getId()::toString);
            }
        }
        // the decisions, the failures, the parked notices, the polls and the lag: five series for 22 notices
        assertEquals(2.0, registry.get(PollerMetrics.DECISIONS).tags("kind", "DELETE").counter().count());
        assertEquals(20.0, registry.get(PollerMetrics.PARKED).counter().count());
        assertEquals(5, registry.getMeters().size(), registry.getMetersAsString());
    }

    @Test
    void theComplianceClockAgeIsAGaugePerTenantThatAgesWithTheClock() {
        try (DeletionNoticePoller poller = poller()) {
            PollerMetrics.bindComplianceClocks(registry, poller);
            assertTrue(Double.isNaN(registry.get(PollerMetrics.COMPLIANCE_CLOCK_AGE).tags("tenant", ORG_A).gauge()
                    .value()), "never polled");

            poller.pollOnce();
            fake.clock().advance(Duration.ofDays(8));

            for (String tenant : List.of(ORG_A, ORG_B)) {
                double age = registry.get(PollerMetrics.COMPLIANCE_CLOCK_AGE).tags("tenant", tenant).gauge().value();
                assertTrue(age >= Duration.ofDays(8).toSeconds() && age < Duration.ofDays(9).toSeconds(),
                        tenant + ": " + age);
            }
            assertEquals(2, registry.find(PollerMetrics.COMPLIANCE_CLOCK_AGE).gauges().size());
        }
    }
}
