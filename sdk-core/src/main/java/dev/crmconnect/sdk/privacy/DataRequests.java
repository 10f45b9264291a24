package dev.crmconnect.sdk.privacy;

import dev.crmconnect.model.DataCategory;
import dev.crmconnect.model.DataRequest;
import dev.crmconnect.model.DataRequestScope;
import dev.crmconnect.model.DataRequestStatus;
import dev.crmconnect.model.DataRequestType;
import dev.crmconnect.model.ScopeType;
import dev.crmconnect.model.internal.Check;
import dev.crmconnect.sdk.CrmConnectClient;
import dev.crmconnect.sdk.RequestOptions;
import dev.crmconnect.sdk.internal.http.Futures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * GDPR data requests for a Sales Navigator seat or contract, on top of
 * {@code client.dataRequests()}: every argument is checked before any call, and a failed check
 * throws an {@link IllegalArgumentException} naming each offending field.
 *
 * <ul>
 *   <li>{@link #requestExport}: an export never deletes anything; categories that can only be
 *       deleted ({@link DataCategory#deletionOnly()}) are refused.</li>
 *   <li>{@link #requestDeletion}: cannot be undone, so it needs {@link Confirmation#IRREVERSIBLE}.</li>
 *   <li>{@link #awaitCompletion}: polls until COMPLETED or FAILED, waiting longer each time
 *       (doubling from the first interval up to the largest, each wait jittered to between half
 *       and all of it).</li>
 * </ul>
 *
 * <pre>{@code
 * DataRequests requests = DataRequests.of(client);
 * DataRequest created = requests.requestExport(DataRequests.seat("urn:li:seat:7"), List.of(DataCategory.NOTES));
 * DataRequest done = requests.awaitCompletion(created.id(), Duration.ofHours(1));
 * }</pre>
 * Thread-safe.
 */
public final class DataRequests {

    /** The default first wait between polls: 2 seconds. */
    public static final Duration DEFAULT_FIRST_POLL_INTERVAL = Duration.ofSeconds(2);
    /** The default largest wait between polls: 1 minute. */
    public static final Duration DEFAULT_MAX_POLL_INTERVAL = Duration.ofMinutes(1);

    private final CrmConnectClient client;
    private final Sleeper sleeper;
    private final Clock clock;
    private final Random random;
    private final Duration firstPollInterval;
    private final Duration maxPollInterval;

    private DataRequests(Builder builder) {
        this.client = builder.client;
        this.sleeper = builder.sleeper;
        this.clock = builder.clock;
        this.random = builder.random;
        this.firstPollInterval = builder.firstPollInterval;
        this.maxPollInterval = builder.maxPollInterval;
    }

    /**
     * Data requests through {@code client}, polling in real time with the default intervals.
     *
     * @param client the client of the tenant that owns the seat or contract
     * @return the helper
     * @throws NullPointerException if {@code client} is null
     */
    public static DataRequests of(CrmConnectClient client) {
        return builder(client).build();
    }

    /**
     * A builder, to set the polling's intervals, clock, sleeper and randomness.
     *
     * @param client the client of the tenant that owns the seat or contract
     * @return a new builder holding the defaults
     * @throws NullPointerException if {@code client} is null
     */
    public static Builder builder(CrmConnectClient client) {
        return new Builder(Objects.requireNonNull(client, "client must not be null"));
    }

    /**
     * The scope of one seat; checked now.
     *
     * @param seatUrn the seat, {@code urn:li:seat:<id>}
     * @return a SEAT scope
     * @throws IllegalArgumentException if {@code seatUrn} is missing or not a seat URN
     */
    public static DataRequestScope seat(String seatUrn) {
        return DataRequestScope.builder().type(ScopeType.SEAT).seat(seatUrn).build();
    }

    /**
     * The scope of a whole contract; checked now.
     *
     * @param contractUrn the contract, {@code urn:li:contract:<id>}
     * @return a CONTRACT scope
     * @throws IllegalArgumentException if {@code contractUrn} is missing or not a contract URN
     */
    public static DataRequestScope contract(String contractUrn) {
        return DataRequestScope.builder().type(ScopeType.CONTRACT).contract(contractUrn).build();
    }

    /**
     * Creates an export of {@code categories} for {@code scope}.
     *
     * @param scope the seat or contract, for example from {@link #seat(String)}; of type SEAT or CONTRACT
     * @param categories the categories to export, at least one; none UNKNOWN or deletion-only; repeats are sent once
     * @return the request as created, with its id and status
     * @throws IllegalArgumentException before any call, naming each bad argument
     * @throws dev.crmconnect.sdk.exception.CrmConnectException if the call fails
     */
    public DataRequest requestExport(DataRequestScope scope, Collection<DataCategory> categories) {
        return Futures.await(requestExportAsync(scope, categories, RequestOptions.defaults()));
    }

    /**
     * {@link #requestExport}, completing on the client's executor; a bad argument fails the future.
     *
     * @param scope the seat or contract, for example from {@link #seat(String)}; of type SEAT or CONTRACT
     * @param categories the categories to export, at least one; none UNKNOWN or deletion-only; repeats are sent once
     * @param options the options for the call; not null, {@link RequestOptions#defaults()} for none
     * @return a future of the request as created
     */
    public CompletableFuture<DataRequest> requestExportAsync(DataRequestScope scope,
                                                             Collection<DataCategory> categories,
                                                             RequestOptions options) {
        return create(DataRequestType.EXPORT, scope, categories, null, options);
    }

    /**
     * Creates a deletion of {@code categories} for {@code scope}. It cannot be undone:
     * {@code confirmation} must be {@link Confirmation#IRREVERSIBLE}.
     *
     * @param scope the seat or contract, for example from {@link #seat(String)}; of type SEAT or CONTRACT
     * @param categories the categories to delete, at least one; none UNKNOWN; repeats are sent once
     * @param confirmation {@link Confirmation#IRREVERSIBLE}, the caller's word that the deletion may go ahead
     * @return the request as created, with its id and status
     * @throws IllegalArgumentException before any call, naming each bad argument
     * @throws dev.crmconnect.sdk.exception.CrmConnectException if the call fails
     */
    public DataRequest requestDeletion(DataRequestScope scope, Collection<DataCategory> categories,
                                       Confirmation confirmation) {
        return Futures.await(requestDeletionAsync(scope, categories, confirmation, RequestOptions.defaults()));
    }

    /**
     * {@link #requestDeletion}, completing on the client's executor; a bad argument fails the future.
     *
     * @param scope the seat or contract, for example from {@link #seat(String)}; of type SEAT or CONTRACT
     * @param categories the categories to delete, at least one; none UNKNOWN; repeats are sent once
     * @param confirmation {@link Confirmation#IRREVERSIBLE}, the caller's word that the deletion may go ahead
     * @param options the options for the call; not null, {@link RequestOptions#defaults()} for none
     * @return a future of the request as created
     */
    public CompletableFuture<DataRequest> requestDeletionAsync(DataRequestScope scope,
                                                               Collection<DataCategory> categories,
                                                               Confirmation confirmation, RequestOptions options) {
        return create(DataRequestType.DELETION, scope, categories, confirmation, options);
    }

    /**
     * Polls the request {@code id} until it is COMPLETED or FAILED, or {@code timeout} has passed.
     *
     * @param id the request's id, as the create returned it
     * @param timeout how long to keep polling, by the helper's clock; positive
     * @return the request as last read: check its {@code status()}, which is still PENDING or
     *     IN_PROGRESS when the timeout passed first
     * @throws IllegalArgumentException before any call, when the id or timeout is invalid
     * @throws dev.crmconnect.sdk.exception.CrmConnectException if a poll's call fails; polling stops there
     */
    public DataRequest awaitCompletion(String id, Duration timeout) {
        return Futures.await(awaitCompletionAsync(id, timeout));
    }

    /**
     * {@link #awaitCompletion}, without holding a thread while it waits.
     *
     * @param id the request's id, as the create returned it
     * @param timeout how long to keep polling, by the helper's clock; positive
     * @return a future of the request as last read; it fails with what {@link #awaitCompletion} would throw
     */
    public CompletableFuture<DataRequest> awaitCompletionAsync(String id, Duration timeout) {
        try {
            Check.requiredText("id", id, Check.SHORT_TEXT);
            Objects.requireNonNull(timeout, "timeout must not be null");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout: must be positive, was " + timeout);
            }
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return Futures.map(poll(id, clock.instant().plus(timeout), 1), request -> request);
    }

    private CompletableFuture<DataRequest> poll(String id, Instant deadline, int attempt) {
        return client.dataRequests().getAsync(id, RequestOptions.defaults()).thenCompose(request -> {
            Duration remaining = Duration.between(clock.instant(), deadline);
            if (isFinished(request) || remaining.isNegative() || remaining.isZero()) {
                return CompletableFuture.completedFuture(request);
            }
            Duration wait = pollInterval(attempt);
            return sleeper.sleep(wait.compareTo(remaining) < 0 ? wait : remaining)
                    .thenCompose(slept -> poll(id, deadline, attempt + 1));
        });
    }

    private static boolean isFinished(DataRequest request) {
        return request.status() == DataRequestStatus.COMPLETED || request.status() == DataRequestStatus.FAILED;
    }

    /** The wait after the {@code attempt}-th poll: doubling, capped, jittered to [half, all]. */
    Duration pollInterval(int attempt) {
        long ceiling = firstPollInterval.toMillis();
        for (int i = 1; i < attempt && ceiling < maxPollInterval.toMillis(); i++) {
            ceiling *= 2;
        }
        ceiling = Math.min(ceiling, maxPollInterval.toMillis());
        long half = ceiling / 2;
        return Duration.ofMillis(half + (long) (random.nextDouble() * (ceiling - half + 1)));
    }

    private CompletableFuture<DataRequest> create(DataRequestType type, DataRequestScope scope,
                                                  Collection<DataCategory> categories, Confirmation confirmation,
                                                  RequestOptions options) {
        DataRequest request;
        try {
            Objects.requireNonNull(options, "options must not be null");
            request = checked(type, scope, categories, confirmation);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return client.dataRequests().createAsync(request, options);
    }

    /** The request to send; every problem of the arguments at once, each naming its field. */
    private static DataRequest checked(DataRequestType type, DataRequestScope scope,
                                       Collection<DataCategory> categories, Confirmation confirmation) {
        List<String> problems = new ArrayList<>();
        if (scope == null) {
            problems.add("dataRequest.scope: is required");
        } else if (scope.type() != ScopeType.SEAT && scope.type() != ScopeType.CONTRACT) {
            problems.add("dataRequest.scope.type: must be SEAT or CONTRACT, was " + scope.typeAsString());
        }
        Set<DataCategory> sent = new LinkedHashSet<>();
        if (categories == null || categories.isEmpty()) {
            problems.add("dataRequest.categories: at least one category is required");
        } else {
            int i = 0;
            for (DataCategory category : categories) {
                String path = "dataRequest.categories[" + i++ + "]";
                if (category == null) {
                    problems.add(path + ": must not be null");
                } else if (category == DataCategory.UNKNOWN) {
                    problems.add(path + ": UNKNOWN is not a category that can be requested");
                } else if (type == DataRequestType.EXPORT && category.deletionOnly()) {
                    problems.add(path + ": " + category + " can be deleted but not exported");
                } else {
                    sent.add(category);
                }
            }
        }
        if (type == DataRequestType.DELETION && confirmation != Confirmation.IRREVERSIBLE) {
            problems.add("confirmation: must be Confirmation.IRREVERSIBLE: a DELETION cannot be undone");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid " + type + " data request: " + String.join("; ", problems));
        }
        return DataRequest.builder()
                .type(type)
                .scope(scope)
                .categories(sent)
                .confirmIrreversible(type == DataRequestType.DELETION ? Boolean.TRUE : null)
                .build();
    }

    @Override
    public String toString() {
        return "DataRequests[" + client.integrationContext() + "]";
    }

    /** Builds {@link DataRequests}; every setting is checked when it is set. */
    public static final class Builder {

        private final CrmConnectClient client;
        private Sleeper sleeper = Sleeper.system();
        private Clock clock = Clock.systemUTC();
        private Random random = new Random();
        private Duration firstPollInterval = DEFAULT_FIRST_POLL_INTERVAL;
        private Duration maxPollInterval = DEFAULT_MAX_POLL_INTERVAL;

        private Builder(CrmConnectClient client) {
            this.client = client;
        }

        /**
         * How to wait between polls; default {@link Sleeper#system()}.
         *
         * @param sleeper the sleeper; tests pass one that moves a fake clock
         * @return this builder
         * @throws NullPointerException if {@code sleeper} is null
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper must not be null");
            return this;
        }

        /**
         * The clock the timeout of {@link #awaitCompletion} is measured on; default the system clock.
         *
         * @param clock the clock
         * @return this builder
         * @throws NullPointerException if {@code clock} is null
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock must not be null");
            return this;
        }

        /**
         * The source of the jitter; seed it for repeatable waits.
         *
         * @param random the source
         * @return this builder
         * @throws NullPointerException if {@code random} is null
         */
        public Builder random(Random random) {
            this.random = Objects.requireNonNull(random, "random must not be null");
            return this;
        }

        /**
         * The first and the largest wait between polls; default {@link #DEFAULT_FIRST_POLL_INTERVAL} and
         * {@link #DEFAULT_MAX_POLL_INTERVAL}.
         *
         * @param first the first wait; at least 1 ms
         * @param max the largest wait; at least {@code first}
         * @return this builder
         * @throws NullPointerException if an argument is null
         * @throws IllegalArgumentException if {@code first} is under 1 ms or longer than {@code max}
         */
        public Builder pollIntervals(Duration first, Duration max) {
            Objects.requireNonNull(first, "first must not be null");
            Objects.requireNonNull(max, "max must not be null");
            if (first.toMillis() < 1 || max.compareTo(first) < 0) {
                throw new IllegalArgumentException("pollIntervals: need 1 ms <= first <= max, were " + first
                        + " and " + max);
            }
            this.firstPollInterval = first;
            this.maxPollInterval = max;
            return this;
        }

        /**
         * The data requests helper.
         *
         * @return a new helper with these settings
         */
        public DataRequests build() {
            return new DataRequests(this);
        }
    }
}
