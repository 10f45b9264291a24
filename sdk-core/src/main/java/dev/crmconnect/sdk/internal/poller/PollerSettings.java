package dev.crmconnect.sdk.internal.poller;

import dev.crmconnect.model.internal.Check;
import dev.crmconnect.sdk.poller.CheckpointStore;
import dev.crmconnect.sdk.poller.DeletionNoticePoller;
import dev.crmconnect.sdk.poller.NoticeFeed;
import dev.crmconnect.sdk.poller.NoticeHandler;
import dev.crmconnect.sdk.poller.PollerListener;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Every setting of a {@link DeletionNoticePoller}, with its default and its rule, checked at once:
 * the poller's builder feeds a {@link Builder}, whose {@link Builder#build()} names every invalid
 * setting in one exception. Immutable; shared by the poller and every tenant's poll.
 */
public final class PollerSettings {

    private final List<NoticeFeed> feeds;
    private final NoticeHandler handler;
    private final String handlerId;
    private final CheckpointStore store;
    private final Duration interval;
    private final Duration overlap;
    private final int pageSize;
    private final int maxPagesPerPoll;
    private final int handlerAttempts;
    private final Duration backoffInitial;
    private final Duration backoffMax;
    private final PollerListener listener;
    private final Clock clock;
    private final String ownerId;
    private final Duration leaseTtl;
    private final ScheduledExecutorService scheduler;
    private final Duration complianceWarningAfter;
    private final Duration complianceErrorAfter;
    private final Duration feedRetention;
    private final Duration closeTimeout;
    private final int parallelism;

    private PollerSettings(Builder b) {
        this.feeds = List.copyOf(b.feeds);
        this.handler = b.handler;
        this.handlerId = b.handlerId;
        this.store = b.store;
        this.interval = b.interval;
        this.overlap = b.overlap;
        this.pageSize = b.pageSize;
        this.maxPagesPerPoll = b.maxPagesPerPoll;
        this.handlerAttempts = b.handlerAttempts;
        this.backoffInitial = b.backoffInitial;
        this.backoffMax = b.backoffMax;
        this.listener = new SafeListener(b.listener);
        this.clock = b.clock;
        this.ownerId = b.ownerId;
        this.leaseTtl = b.leaseTtl;
        this.scheduler = b.scheduler;
        this.complianceWarningAfter = b.complianceWarningAfter;
        this.complianceErrorAfter = b.complianceErrorAfter;
        this.feedRetention = b.feedRetention;
        this.closeTimeout = b.closeTimeout;
        this.parallelism = b.parallelism;
    }

    /** A builder holding every default. */
    public static Builder builder() {
        return new Builder();
    }

    /** The tenants' feeds, in polling order; their tenants are distinct. */
    public List<NoticeFeed> feeds() {
        return feeds;
    }

    /** Decides notices. */
    public NoticeHandler handler() {
        return handler;
    }

    /** Recorded in every audit record. */
    public String handlerId() {
        return handlerId;
    }

    /** The checkpoint store. */
    public CheckpointStore store() {
        return store;
    }

    /** The pause between rounds. */
    public Duration interval() {
        return interval;
    }

    /** How far before the watermark each read starts. */
    public Duration overlap() {
        return overlap;
    }

    /** Notices per feed page. */
    public int pageSize() {
        return pageSize;
    }

    /** Pages one poll of one tenant reads at most. */
    public int maxPagesPerPoll() {
        return maxPagesPerPoll;
    }

    /** Handler calls per notice before it is parked. */
    public int handlerAttempts() {
        return handlerAttempts;
    }

    /** The pause after the first failed call, doubled after each further one. */
    public Duration backoffInitial() {
        return backoffInitial;
    }

    /** The longest pause between calls. */
    public Duration backoffMax() {
        return backoffMax;
    }

    /** Told what happens; never throws. */
    public PollerListener listener() {
        return listener;
    }

    /** For decision times, parking times and the compliance clock. */
    public Clock clock() {
        return clock;
    }

    /** The id leases are taken under. */
    public String ownerId() {
        return ownerId;
    }

    /** How long a lease lasts unless renewed. */
    public Duration leaseTtl() {
        return leaseTtl;
    }

    /** The scheduler given for rounds; null for the poller's own thread. */
    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /** How long after the last successful poll the compliance clock warns. */
    public Duration complianceWarningAfter() {
        return complianceWarningAfter;
    }

    /** How long after the last successful poll the compliance clock shows an error. */
    public Duration complianceErrorAfter() {
        return complianceErrorAfter;
    }

    /** How long the feed keeps notices. */
    public Duration feedRetention() {
        return feedRetention;
    }

    /** How long closing waits for the handler call in flight. */
    public Duration closeTimeout() {
        return closeTimeout;
    }

    /** Tenants polled at once, at most one worker per tenant. */
    public int parallelism() {
        return Math.min(parallelism, feeds.size());
    }

    /** The settings as they are set; each setter takes the value as given, {@link #build()} checks them all. */
    public static final class Builder {
        private final List<NoticeFeed> feeds = new ArrayList<>();
        private NoticeHandler handler;
        private String handlerId;
        private CheckpointStore store;
        private Duration interval = Duration.ofMinutes(1);
        private Duration overlap = Duration.ofMinutes(10);
        private int pageSize = DeletionNoticePoller.MAX_PAGE_SIZE;
        private int maxPagesPerPoll = 1_000;
        private int handlerAttempts = 5;
        private Duration backoffInitial = Duration.ofMillis(200);
        private Duration backoffMax = Duration.ofSeconds(5);
        private PollerListener listener = new PollerListener() {
        };
        private Clock clock = Clock.systemUTC();
        private String ownerId = "poller-" + UUID.randomUUID();
        private Duration leaseTtl = Duration.ofMinutes(5);
        private ScheduledExecutorService scheduler;
        private Duration complianceWarningAfter = Duration.ofDays(7);
        private Duration complianceErrorAfter = Duration.ofDays(30);
        private Duration feedRetention = Duration.ofDays(30);
        private Duration closeTimeout = Duration.ofSeconds(30);
        private int parallelism = DeletionNoticePoller.DEFAULT_PARALLELISM;

        private Builder() {
        }

        /** Adds a feed; null is refused at once, as the argument of the call that gave it. */
        public Builder feed(NoticeFeed feed) {
            feeds.add(Check.required("feed", feed));
            return this;
        }

        public Builder handler(NoticeHandler value) {
            handler = value;
            return this;
        }

        public Builder handlerId(String value) {
            handlerId = value;
            return this;
        }

        public Builder store(CheckpointStore value) {
            store = value;
            return this;
        }

        public Builder interval(Duration value) {
            interval = value;
            return this;
        }

        public Builder overlap(Duration value) {
            overlap = value;
            return this;
        }

        public Builder pageSize(int value) {
            pageSize = value;
            return this;
        }

        public Builder maxPagesPerPoll(int value) {
            maxPagesPerPoll = value;
            return this;
        }

        public Builder handlerAttempts(int value) {
            handlerAttempts = value;
            return this;
        }

        public Builder handlerBackoff(Duration initial, Duration max) {
            backoffInitial = initial;
            backoffMax = max;
            return this;
        }

        public Builder listener(PollerListener value) {
            listener = value;
            return this;
        }

        public Builder clock(Clock value) {
            clock = value;
            return this;
        }

        public Builder ownerId(String value) {
            ownerId = value;
            return this;
        }

        public Builder leaseTtl(Duration value) {
            leaseTtl = value;
            return this;
        }

        public Builder scheduler(ScheduledExecutorService value) {
            scheduler = value;
            return this;
        }

        public Builder complianceThresholds(Duration warning, Duration error) {
            complianceWarningAfter = warning;
            complianceErrorAfter = error;
            return this;
        }

        public Builder feedRetention(Duration value) {
            feedRetention = value;
            return this;
        }

        public Builder closeTimeout(Duration value) {
            closeTimeout = value;
            return this;
        }

        public Builder parallelism(int value) {
            parallelism = value;
            return this;
        }

        /**
         * Checks every setting and makes the settings.
         *
         * @throws IllegalArgumentException naming every invalid setting, each as {@code "<field>: <rule>"}
         */
        public PollerSettings build() {
            List<String> problems = new ArrayList<>();
            checkFeeds(problems);
            check(problems, () -> Check.required("handler", handler));
            check(problems, () -> Check.storedId("handlerId", handlerId));
            check(problems, () -> Check.required("checkpointStore", store));
            check(problems, () -> Check.positive("interval", interval));
            check(problems, () -> {
                if (Check.required("overlap", overlap).compareTo(DeletionNoticePoller.FEED_PUBLICATION_LAG) <= 0) {
                    throw Check.invalid("overlap", "must be longer than the feed's publication lag of "
                            + DeletionNoticePoller.FEED_PUBLICATION_LAG);
                }
            });
            between(problems, "pageSize", pageSize, 1, DeletionNoticePoller.MAX_PAGE_SIZE);
            between(problems, "parallelism", parallelism, 1, DeletionNoticePoller.MAX_PARALLELISM);
            atLeastOne(problems, "maxPagesPerPoll", maxPagesPerPoll);
            atLeastOne(problems, "handlerAttempts", handlerAttempts);
            check(problems, () -> {
                if (Check.required("handlerBackoff.initial", backoffInitial).isNegative()) {
                    throw Check.invalid("handlerBackoff.initial", "must not be negative");
                }
                if (Check.required("handlerBackoff.max", backoffMax).compareTo(backoffInitial) < 0) {
                    throw Check.invalid("handlerBackoff.max", "must not be shorter than handlerBackoff.initial");
                }
            });
            check(problems, () -> Check.required("listener", listener));
            check(problems, () -> Check.required("clock", clock));
            check(problems, () -> Check.storedId("ownerId", ownerId));
            check(problems, () -> Check.positive("leaseTtl", leaseTtl));
            check(problems, () -> {
                Check.positive("complianceThresholds.warning", complianceWarningAfter);
                if (Check.required("complianceThresholds.error", complianceErrorAfter)
                        .compareTo(complianceWarningAfter) <= 0) {
                    throw Check.invalid("complianceThresholds.error", "must be longer than the warning threshold");
                }
            });
            check(problems, () -> {
                if (Check.required("feedRetention", feedRetention).compareTo(Duration.ofDays(1)) < 0) {
                    throw Check.invalid("feedRetention", "must be at least 1 day");
                }
            });
            check(problems, () -> {
                if (Check.required("closeTimeout", closeTimeout).isNegative()) {
                    throw Check.invalid("closeTimeout", "must not be negative");
                }
            });
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("invalid DeletionNoticePoller configuration: "
                        + String.join("; ", problems));
            }
            return new PollerSettings(this);
        }

        private void checkFeeds(List<String> problems) {
            if (feeds.isEmpty()) {
                problems.add(Check.invalid("feeds", "must hold at least one feed").getMessage());
                return;
            }
            Set<String> tenants = new HashSet<>();
            for (int i = 0; i < feeds.size(); i++) {
                String field = "feeds[" + i + "].tenant";
                String tenant = feeds.get(i).tenant();
                check(problems, () -> Check.storedId(field, tenant));
                if (tenant != null && !tenants.add(tenant)) {
                    problems.add(Check.invalid(field, "must differ from every other feed's tenant").getMessage());
                }
            }
        }

        private static void between(List<String> problems, String field, int value, int min, int max) {
            if (value < min || value > max) {
                problems.add(Check.invalid(field, "must be between " + min + " and " + max).getMessage());
            }
        }

        private static void atLeastOne(List<String> problems, String field, int value) {
            if (value < 1) {
                problems.add(Check.invalid(field, "must be at least 1").getMessage());
            }
        }

        /** Runs one setting's check, adding its message to {@code problems} rather than throwing. */
        private static void check(List<String> problems, Runnable rule) {
            try {
                rule.run();
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
    }
}
