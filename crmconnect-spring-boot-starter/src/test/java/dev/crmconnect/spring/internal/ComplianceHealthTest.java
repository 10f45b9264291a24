package dev.crmconnect.spring.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmconnect.sdk.CrmConnectClient;
import dev.crmconnect.sdk.poller.CheckpointStore;
import dev.crmconnect.sdk.poller.Decision;
import dev.crmconnect.sdk.poller.DeletionNoticePoller;
import dev.crmconnect.sdk.poller.Lease;
import dev.crmconnect.testkit.FakeCrmConnect;
import dev.crmconnect.testkit.FakeTenant;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The health rules on a real poller and store: an unacknowledged gap is DOWN, never polled is a warning. */
class ComplianceHealthTest {

    private static final String TENANT = "urn:li:organization:4004";

    @Test
    void anUnacknowledgedGapIsDownAndOnceAcknowledgedANeverPolledTenantIsAWarning() {
        try (FakeCrmConnect fake = FakeCrmConnect.builder().tenant(new FakeTenant("c", "s", TENANT)).start();
             CrmConnectClient client = fake.client();
             CheckpointStore store = CheckpointStore.inMemory();
             DeletionNoticePoller poller = DeletionNoticePoller.builder(client).handler(n -> Decision.delete("x"))
                     .handlerId("health-test-1").checkpointStore(store).build()) {
            ComplianceHealth health = new ComplianceHealth(poller);
            Lease lease = store.tryAcquireLease(TENANT, "operator-test", Duration.ofMinutes(1)).orElseThrow();
            store.raiseComplianceGap(lease, Instant.parse("2026-01-01T00:00:00Z"), "the feed answered 410");

            ComplianceHealth.Report gap = health.check();
            assertFalse(gap.up(), gap::toString);
            assertEquals(1, gap.details().get("downCount"));
            assertTrue(((Map<?, ?>) gap.details().get("down")).get(TENANT).toString()
                    .startsWith("unacknowledged compliance gap"), gap::toString);

            poller.acknowledgeComplianceGap(TENANT, "ops@example.com");
            ComplianceHealth.Report acknowledged = health.check();
            assertTrue(acknowledged.up(), acknowledged::toString);
            assertEquals(Map.of(TENANT, "never polled to the end"), acknowledged.details().get("warnings"));
        }
    }
}
