package dev.crmconnect.sdk.internal.http;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every client of a runtime shares, so that a JVM serving thousands of tenants costs the
 * same threads and connections as one serving a single tenant: the HTTP clients (one per connect
 * timeout in use, each with its own connection pool), the send threads with one fair lane per
 * client, one timer for every timeout and wait, and the pool that completes async calls. Nothing
 * per tenant lives here: credentials, tokens, throttles and listeners stay in each client.
 *
 * <p>Every thread is a daemon and ends after a minute idle. The JVM-wide default transport is
 * created for the first client built without a runtime and released by the last one's close;
 * an explicit runtime's transport lives until the runtime is closed.
 */
public final class SharedTransport {

    private static final Logger LOG = LoggerFactory.getLogger(SharedTransport.class);
    private static final long IDLE_SECONDS = 60;
    /** Exchanges in flight at once over all clients, as OkHttp's dispatcher allows. */
    public static final int DEFAULT_MAX_IN_FLIGHT = 64;
    /** Exchanges in flight at once per client, so that a few tenants never hold every thread. */
    public static final int DEFAULT_MAX_IN_FLIGHT_PER_CLIENT = 16;

    /** The JVM-wide default and the clients using it; guarded by SharedTransport.class. */
    private static SharedTransport shared;
    private static int sharedUsers;
    private static final AtomicInteger RUNTIMES = new AtomicInteger();

    private final boolean isDefault;
    private final String threadPrefix;
    private final ScheduledThreadPoolExecutor scheduler;
    private final Deadlines deadlines;
    private final SendThreads sendThreads;
    private final ThreadPoolExecutor workers;
    private final Executor completions;
    private final Map<Duration, HttpClient> httpClients = new ConcurrentHashMap<>();
    private final Set<ApiClient> clients = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private SharedTransport(boolean isDefault, int maxInFlight, int maxInFlightPerClient, Executor completions) {
        this.isDefault = isDefault;
        // Thread names tell the runtimes apart in a thread dump: crmconnect-<runtime>-<role>-<n>.
        this.threadPrefix = "crmconnect-" + RUNTIMES.incrementAndGet() + "-";
        this.scheduler = new ScheduledThreadPoolExecutor(1, DaemonThreads.named(threadPrefix + "timer"));
        scheduler.setRemoveOnCancelPolicy(true);
        scheduler.setKeepAliveTime(IDLE_SECONDS, TimeUnit.SECONDS);
        scheduler.allowCoreThreadTimeOut(true);
        this.deadlines = new Deadlines(scheduler);
        this.sendThreads = new SendThreads(maxInFlight, maxInFlightPerClient, threadPrefix + "send");
        int threads = Math.max(2, Math.min(8, Runtime.getRuntime().availableProcessors()));
        this.workers = new ThreadPoolExecutor(threads, threads, IDLE_SECONDS, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), DaemonThreads.named(threadPrefix + "worker"));
        workers.allowCoreThreadTimeOut(true);
        this.completions = completions == null ? workers : completions;
    }

    /** The JVM-wide default, counted as used until {@link #release()}. */
    public static synchronized SharedTransport acquireDefault() {
        if (shared == null) {
            shared = new SharedTransport(true, DEFAULT_MAX_IN_FLIGHT, DEFAULT_MAX_IN_FLIGHT_PER_CLIENT, null);
        }
        sharedUsers++;
        return shared;
    }

    /** Clients using the JVM-wide default now. */
    public static synchronized int defaultUsers() {
        return sharedUsers;
    }

    /** A transport of its own, for an explicit runtime; released by {@link #close()} only. */
    public static SharedTransport create(int maxInFlight, int maxInFlightPerClient, Executor completions) {
        return new SharedTransport(false, maxInFlight, maxInFlightPerClient, completions);
    }

    /** A client is done with the transport: the default one is released with its last client. */
    public void release() {
        if (!isDefault) {
            return;
        }
        synchronized (SharedTransport.class) {
            if (--sharedUsers > 0 || shared != this) {
                return;
            }
            shared = null;
        }
        close();
    }

    /** Stops the threads and closes the HTTP clients (Java 21+; on 17 they end once unreachable). */
    public void close() {
        closed = true;
        for (ApiClient client : clients) {
            client.abortCalls("the client's runtime was closed");
        }
        scheduler.shutdownNow();
        sendThreads.shutdownNow();
        workers.shutdown();
        for (HttpClient http : httpClients.values()) {
            if (http instanceof AutoCloseable closeable) { // Java 21+
                try {
                    closeable.close();
                } catch (Exception e) {
                    LOG.debug("closing an HTTP client failed: {}", e.getClass().getName());
                }
            }
        }
        httpClients.clear();
    }

    void register(ApiClient client) {
        clients.add(client);
    }

    void unregister(ApiClient client) {
        clients.remove(client);
    }

    /** The start of the names of this transport's threads, {@code crmconnect-<n>-}. */
    public String threadNamePrefix() {
        return threadPrefix;
    }

    boolean isClosed() {
        return closed;
    }

    /**
     * The shared HTTP client for {@code connectTimeout}: HTTP/2 where TLS offers it; requests to
     * plain http ask for HTTP/1.1 themselves (no h2c upgrade, which can stall against Jetty).
     */
    HttpClient httpClient(Duration connectTimeout) {
        return httpClients.computeIfAbsent(connectTimeout, timeout -> HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_2)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(workers)
                .build());
    }

    ScheduledThreadPoolExecutor scheduler() {
        return scheduler;
    }

    Deadlines deadlines() {
        return deadlines;
    }

    SendThreads.Lane newLane() {
        return sendThreads.newLane();
    }

    SendThreads sendThreads() {
        return sendThreads;
    }

    /** Completes the futures of clients that set no executor of their own. */
    Executor completions() {
        return completions;
    }
}
