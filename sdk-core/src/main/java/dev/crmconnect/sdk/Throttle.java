package dev.crmconnect.sdk;

import dev.crmconnect.model.internal.Check;
import dev.crmconnect.sdk.exception.TransportException;
import java.util.Objects;

/**
 * The client-side throttle that keeps one client under LinkedIn's quotas, so that a long sync
 * sees no 429: records per minute (each batch entity is a record) and requests per day. Calls
 * wait for their turn before each attempt; waiting never blocks the caller's thread. Immutable.
 *
 * <p>Records: sent at an even pace of {@code recordsPerMinute} per 61 seconds, after a first
 * burst of up to a tenth of the quota (1,000 records, ten batches, by default), and never more
 * than {@code recordsPerMinute} in any 61 seconds. The span is a second longer than LinkedIn's
 * minute so that a request reaching the server up to a second after it was sent still leaves every
 * minute within the quota; a steady sync uses 60/61 (98.4%) of each minute. Calls with records
 * take their turns in the order they asked.
 *
 * <p>Requests: at most {@code requestsPerDay} per UTC day of the client's clock, as LinkedIn counts
 * them; once the day's are spent, the next request waits until midnight UTC. A request sent in the
 * last second of a day also counts toward the next, since it may arrive after midnight.
 *
 * <p>A call never waits for the throttle longer than the client's call timeout: it fails at once
 * with a {@link TransportException} instead. So, once the day's requests are spent, calls fail at
 * once until midnight UTC is within the call timeout.
 */
public final class Throttle {

    /** LinkedIn's default quota of records per minute. */
    public static final int DEFAULT_RECORDS_PER_MINUTE = 10_000;
    /** LinkedIn's default quota of requests per day. */
    public static final int DEFAULT_REQUESTS_PER_DAY = 100_000;
    /** The fewest records per minute accepted: one full batch. */
    public static final int MIN_RECORDS_PER_MINUTE = 100;
    /** The fewest requests per day accepted. */
    public static final int MIN_REQUESTS_PER_DAY = 1;

    private static final Throttle DEFAULTS = new Throttle(true, DEFAULT_RECORDS_PER_MINUTE, DEFAULT_REQUESTS_PER_DAY);
    private static final Throttle DISABLED = new Throttle(false, 0, 0);

    private final boolean enabled;
    private final int recordsPerMinute;
    private final int requestsPerDay;

    private Throttle(boolean enabled, int recordsPerMinute, int requestsPerDay) {
        this.enabled = enabled;
        this.recordsPerMinute = recordsPerMinute;
        this.requestsPerDay = requestsPerDay;
    }

    /**
     * LinkedIn's default quotas: 10,000 records per minute, 100,000 requests per day.
     *
     * @return the shared default throttle
     */
    public static Throttle defaults() {
        return DEFAULTS;
    }

    /**
     * No client-side throttle: the server's 429s, retried, are the only brake.
     *
     * @return the shared disabled throttle
     */
    public static Throttle disabled() {
        return DISABLED;
    }

    /**
     * Custom quotas, for an application whose quotas LinkedIn raised or that shares them.
     *
     * @param recordsPerMinute the records the client may send per minute; at least {@value #MIN_RECORDS_PER_MINUTE}
     * @param requestsPerDay the requests the client may send per UTC day; at least {@value #MIN_REQUESTS_PER_DAY}
     * @return an enabled throttle with those quotas
     * @throws IllegalArgumentException if a quota is below its minimum
     */
    public static Throttle of(int recordsPerMinute, int requestsPerDay) {
        if (recordsPerMinute < MIN_RECORDS_PER_MINUTE) {
            throw Check.invalid("recordsPerMinute", "must be at least " + MIN_RECORDS_PER_MINUTE);
        }
        if (requestsPerDay < MIN_REQUESTS_PER_DAY) {
            throw Check.invalid("requestsPerDay", "must be at least " + MIN_REQUESTS_PER_DAY);
        }
        return new Throttle(true, recordsPerMinute, requestsPerDay);
    }

    /**
     * Whether the client throttles itself at all.
     *
     * @return false only for {@link #disabled()}
     */
    public boolean enabled() {
        return enabled;
    }

    /**
     * The records-per-minute quota; 0 when disabled.
     *
     * @return the quota, or 0 when disabled
     */
    public int recordsPerMinute() {
        return recordsPerMinute;
    }

    /**
     * The requests-per-day quota; 0 when disabled.
     *
     * @return the quota, or 0 when disabled
     */
    public int requestsPerDay() {
        return requestsPerDay;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Throttle that
                && enabled == that.enabled
                && recordsPerMinute == that.recordsPerMinute
                && requestsPerDay == that.requestsPerDay;
    }

    @Override
    public int hashCode() {
        return Objects.hash(enabled, recordsPerMinute, requestsPerDay);
    }

    @Override
    public String toString() {
        return enabled
                ? "Throttle[recordsPerMinute=" + recordsPerMinute + ", requestsPerDay=" + requestsPerDay + "]"
                : "Throttle[disabled]";
    }
}
