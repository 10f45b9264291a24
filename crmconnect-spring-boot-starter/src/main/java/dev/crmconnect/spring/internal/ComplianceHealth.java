package dev.crmconnect.spring.internal;

import dev.crmconnect.sdk.poller.ComplianceGap;
import dev.crmconnect.sdk.poller.ComplianceStatus;
import dev.crmconnect.sdk.poller.DeletionNoticePoller;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The poller's tenants' compliance, whatever the Spring Boot version: DOWN if a tenant's compliance clock is past
 * the error threshold (30 days by default) or it has an unacknowledged compliance gap, or the store cannot be read;
 * a tenant past the warning threshold (7 days), or never polled to the end, is listed as a warning and keeps it UP.
 * Only the tenants with a problem are listed, at most {@value #MAX_LISTED} of each kind, so that thousands of
 * healthy tenants cost no detail.
 */
public final class ComplianceHealth {

    /** The most tenants listed under {@code down} and under {@code warnings}. */
    static final int MAX_LISTED = 20;

    private final DeletionNoticePoller poller;

    /**
     * The health of {@code poller}'s tenants.
     *
     * @param poller the poller
     */
    public ComplianceHealth(DeletionNoticePoller poller) {
        this.poller = poller;
    }

    /** What the indicators report. */
    public record Report(boolean up, Map<String, Object> details) {
    }

    /**
     * Reads each tenant's compliance clock and gap from the checkpoint store.
     *
     * @return UP or DOWN, and the details
     */
    public Report check() {
        Map<String, String> down = new LinkedHashMap<>();
        Map<String, String> warnings = new LinkedHashMap<>();
        int downCount = 0;
        int warningCount = 0;
        for (String tenant : poller.tenants()) {
            String problem;
            boolean isDown;
            try {
                Optional<ComplianceGap> gap = poller.complianceGap(tenant);
                ComplianceStatus status = poller.complianceStatus(tenant);
                if (gap.isPresent() && !gap.get().acknowledged()) {
                    isDown = true;
                    problem = "unacknowledged compliance gap raised at " + gap.get().raisedAt();
                } else if (status.level() == ComplianceStatus.Level.ERROR) {
                    isDown = true;
                    problem = "no successful poll for " + status.sinceLastSuccessfulPoll();
                } else if (status.level() == ComplianceStatus.Level.WARNING) {
                    isDown = false;
                    problem = status.lastSuccessfulPoll() == null ? "never polled to the end"
                            : "no successful poll for " + status.sinceLastSuccessfulPoll();
                } else {
                    continue;
                }
            } catch (RuntimeException e) {
                isDown = true;
                problem = "checkpoint store unreadable: " + e.getClass().getName();
            }
            if (isDown) {
                downCount++;
                if (down.size() < MAX_LISTED) {
                    down.put(tenant, problem);
                }
            } else {
                warningCount++;
                if (warnings.size() < MAX_LISTED) {
                    warnings.put(tenant, problem);
                }
            }
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("tenants", poller.tenants().size());
        details.put("downCount", downCount);
        details.put("warningCount", warningCount);
        if (!down.isEmpty()) {
            details.put("down", down);
        }
        if (!warnings.isEmpty()) {
            details.put("warnings", warnings);
        }
        return new Report(downCount == 0, details);
    }
}
