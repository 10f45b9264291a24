package dev.crmconnect.testkit.internal;

import dev.crmconnect.testkit.FakeTenant;
import dev.crmconnect.testkit.Quotas;
import java.time.Duration;
import java.util.List;

/**
 * How a fake is built; what {@code reset()} returns it to.
 *
 * @param port                      the port, 0 for a free one
 * @param bindAddress               the address to listen on
 * @param tenants                   tenants present from the start
 * @param seed                      the seed of ids and publication lags
 * @param publicationLag            the longest delay before a notice becomes visible
 * @param quotas                    the throttling limits
 * @param dataRequestInProgressAfter when a data request turns IN_PROGRESS
 * @param dataRequestCompletedAfter  when a data request turns COMPLETED
 * @param pushRetryBackoff          the first wait before retrying a push
 */
public record Settings(int port, String bindAddress, List<FakeTenant> tenants, long seed, Duration publicationLag,
                       Quotas quotas, Duration dataRequestInProgressAfter, Duration dataRequestCompletedAfter,
                       Duration pushRetryBackoff) {

    /** Copies the tenants. */
    public Settings {
        tenants = List.copyOf(tenants);
    }
}
