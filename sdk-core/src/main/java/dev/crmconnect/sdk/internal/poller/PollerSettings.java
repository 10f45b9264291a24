package dev.crmconnect.sdk.internal.poller;

import dev.crmconnect.sdk.poller.CheckpointStore;
import dev.crmconnect.sdk.poller.NoticeHandler;
import dev.crmconnect.sdk.poller.PollerListener;
import java.time.Clock;
import java.time.Duration;

/**
 * What every tenant's poll shares, checked by the poller's builder.
 *
 * @param handler         decides notices
 * @param handlerId       recorded in every audit record
 * @param store           the checkpoint store
 * @param listener        told what happens; never throws
 * @param clock           for decision times, parking times and the compliance clock
 * @param overlap         how far before the watermark each read starts
 * @param pageSize        notices per feed page
 * @param maxPagesPerPoll pages one poll of one tenant reads at most
 * @param feedRetention   how long the feed keeps notices
 * @param handlerAttempts handler calls per notice before it is parked
 * @param backoffInitial  pause after the first failed call, doubled after each further one
 * @param backoffMax      longest pause between calls
 * @param leaseTtl        how long a lease lasts unless renewed
 */
public record PollerSettings(NoticeHandler handler, String handlerId, CheckpointStore store,
                             PollerListener listener, Clock clock, Duration overlap, int pageSize,
                             int maxPagesPerPoll, Duration feedRetention, int handlerAttempts,
                             Duration backoffInitial, Duration backoffMax, Duration leaseTtl) {
}
