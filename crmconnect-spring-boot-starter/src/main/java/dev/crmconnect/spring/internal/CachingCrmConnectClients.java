package dev.crmconnect.spring.internal;

import dev.crmconnect.sdk.ClientListener;
import dev.crmconnect.sdk.CrmConnectClient;
import dev.crmconnect.sdk.CrmConnectRuntime;
import dev.crmconnect.sdk.RequestDecorator;
import dev.crmconnect.spring.CrmConnectClients;
import dev.crmconnect.spring.CrmConnectTenant;
import dev.crmconnect.spring.TenantDirectory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Builds each tenant's client on first use from the directory, on the shared runtime, and closes them all at the end. */
public final class CachingCrmConnectClients implements CrmConnectClients, AutoCloseable {

    private final TenantDirectory directory;
    private final CrmConnectRuntime runtime;
    private final CrmConnectProperties properties;
    private final ClientListener listener;
    private final RequestDecorator decorator;
    private final Map<String, CrmConnectClient> clients = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /**
     * The clients of {@code directory}'s tenants.
     *
     * @param directory where tenants are looked up
     * @param runtime the runtime every client shares
     * @param properties the base and token URLs
     * @param listeners every client's listeners, in order
     * @param decorators every client's request decorators, in order
     */
    public CachingCrmConnectClients(TenantDirectory directory, CrmConnectRuntime runtime,
                                    CrmConnectProperties properties, List<ClientListener> listeners,
                                    List<RequestDecorator> decorators) {
        this.directory = directory;
        this.runtime = runtime;
        this.properties = properties;
        this.listener = ClientListener.composite(listeners.toArray(ClientListener[]::new));
        List<RequestDecorator> all = List.copyOf(decorators);
        this.decorator = (attempt, headers) -> all.forEach(d -> d.decorate(attempt, headers));
    }

    @Override
    public CrmConnectClient client(String tenantId) {
        if (closed) {
            throw new IllegalStateException("the clients are closed: the application context is closing");
        }
        CrmConnectClient cached = clients.get(tenantId);
        if (cached != null) {
            return cached;
        }
        // Looked up outside the map's lock: a directory over a database may be slow.
        CrmConnectTenant tenant = directory.tenant(tenantId).orElseThrow(() -> new IllegalArgumentException(
                "tenantId: the TenantDirectory has no tenant with this id"));
        CrmConnectClient built = build(tenant);
        CrmConnectClient winner = clients.putIfAbsent(tenantId, built);
        if (winner != null) {
            built.close();
            return winner;
        }
        return built;
    }

    /**
     * A new client of the tenant, with the starter's settings; the caller owns it.
     *
     * @param tenant the tenant
     * @return the client
     */
    CrmConnectClient build(CrmConnectTenant tenant) {
        CrmConnectClient.Builder builder = CrmConnectClient.builder()
                .runtime(runtime)
                .credentials(tenant.clientId(), tenant.clientSecret())
                .integrationContext(tenant.integrationContext())
                .listener(listener)
                .requestDecorator(decorator);
        if (properties.getBaseUrl() != null) {
            builder.baseUrl(properties.getBaseUrl());
        }
        if (properties.getTokenUrl() != null) {
            builder.tokenUrl(properties.getTokenUrl());
        }
        return builder.build();
    }

    @Override
    public boolean evict(String tenantId) {
        CrmConnectClient removed = clients.remove(tenantId);
        if (removed != null) {
            removed.close();
        }
        return removed != null;
    }

    /** Closes every client built; later {@link #client} calls fail. */
    @Override
    public void close() {
        closed = true;
        clients.values().forEach(CrmConnectClient::close);
        clients.clear();
    }

    @Override
    public String toString() {
        return "CrmConnectClients[" + clients.size() + " clients]";
    }
}
