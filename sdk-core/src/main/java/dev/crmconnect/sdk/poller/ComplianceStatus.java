package dev.crmconnect.sdk.poller;

import java.time.Duration;
import java.time.Instant;

/**
 * The compliance clock of one tenant: how long since its feed was last read to the end. Partners
 * must poll at least once in 30 days.
 *
 * @param tenant                  the tenant
 * @param level                   OK, or how serious the delay is
 * @param lastSuccessfulPoll      when the feed was last read to its end; null if never
 * @param sinceLastSuccessfulPoll how long ago that was; null if never
 */
public record ComplianceStatus(String tenant, Level level, Instant lastSuccessfulPoll,
                               Duration sinceLastSuccessfulPoll) {

    /** How far the compliance clock has run. */
    public enum Level {
        /** Polled recently enough. */
        OK,
        /** Past the warning threshold (default 7 days), or never polled successfully. */
        WARNING,
        /** Past the error threshold (default 30 days): notices may already be lost. */
        ERROR
    }
}
