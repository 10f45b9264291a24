package dev.crmconnect.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmconnect.testkit.ExportDestination;
import dev.crmconnect.testkit.FakeClock;
import dev.crmconnect.testkit.FakeMember;
import dev.crmconnect.testkit.FakeTenant;
import dev.crmconnect.testkit.Faults;
import dev.crmconnect.testkit.JournalEntry;
import dev.crmconnect.testkit.PushDelivery;
import dev.crmconnect.testkit.Quotas;
import dev.crmconnect.testkit.TenantState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The whole fake behind the HTTP server: answers every call and offers the controls of the Java
 * and admin APIs. Free of the server library's types.
 */
public final class Simulation implements AutoCloseable {

    private static final String DOWNLOADS = "/downloads/dataRequests/";

    private final Settings settings;
    private final FakeClock clock;
    private final TenantRegistry tenants;
    private final DataStore store = new DataStore();
    private final PushDispatcher pushes;
    private final MemberNetwork network;
    private final FaultInjector faults = new FaultInjector();
    private final QuotaMeter quotas;
    private final RequestJournal journal = new RequestJournal();
    private final TokenEndpoint tokenEndpoint;
    private final ApiRouter router;

    /** A simulation with these settings on this clock. */
    public Simulation(Settings settings, FakeClock clock) {
        this.settings = settings;
        this.clock = clock;
        this.tenants = new TenantRegistry(clock);
        settings.tenants().forEach(tenants::register);
        this.pushes = new PushDispatcher(settings.pushRetryBackoff());
        this.network = new MemberNetwork(store, tenants, clock, pushes, settings.seed(), settings.publicationLag());
        this.quotas = new QuotaMeter(clock, settings.quotas());
        this.tokenEndpoint = new TokenEndpoint(tenants);
        this.router = new ApiRouter(store, quotas, network, new DataRequestResource(network,
                settings.dataRequestInProgressAfter(), settings.dataRequestCompletedAfter()));
    }

    /** Answers one HTTP call (API, token endpoint or download); journals API and token calls. */
    HttpReply handle(HttpCall call) {
        String requestId = UUID.randomUUID().toString();
        ApiRouter.Trace trace = new ApiRouter.Trace();
        HttpReply reply;
        try {
            reply = dispatch(call, trace);
        } catch (ApiException e) {
            reply = e.toReply();
        } catch (RuntimeException e) {
            // A bug of the fake: say so on stderr (without bodies), answer 500.
            System.err.println("crm fake: failed answering " + call.method() + " " + call.rawPath() + ": " + e);
            reply = HttpReply.error(500, 500, "the fake failed: " + e.getClass().getSimpleName());
        }
        reply.header("X-LI-UUID", requestId);
        if (!call.rawPath().startsWith(DOWNLOADS)) {
            journal.add(new JournalEntry(clock.now(), requestId, trace.clientId, call.method(), call.rawPath(),
                    trace.method == null ? null : trace.method.name(), trace.keys,
                    reply.connectionReset ? 0 : reply.status));
        }
        return reply;
    }

    private HttpReply dispatch(HttpCall call, ApiRouter.Trace trace) {
        String path = call.rawPath();
        boolean api = path.startsWith("/v2/");
        FaultInjector.Decision fault = faults.decide(path, api);
        HttpReply reply;
        if (fault.reset()) {
            reply = HttpReply.reset();
        } else if (fault.status() > 0) {
            reply = fault.status() == 429
                    ? quotas.throttled("Injected throttling", clock.millis() + 1000, clock.millis())
                    : HttpReply.error(fault.status(), ErrorCodes.forStatus(fault.status()), "Injected fault");
        } else if (path.equals(TokenEndpoint.PATH)) {
            reply = tokenEndpoint.handle(call);
        } else if (api) {
            reply = api(call, trace);
        } else if (path.startsWith(DOWNLOADS) && call.method().equals("GET")) {
            reply = download(path.substring(DOWNLOADS.length()));
        } else {
            reply = ApiException.notFound("no resource at " + path).toReply();
        }
        reply.delayMillis = fault.delayMillis();
        if (fault.dribbleMillis() > 0 && reply.body.length > 0) {
            reply.dribbleMillis = fault.dribbleMillis();
        }
        return reply;
    }

    private HttpReply api(HttpCall call, ApiRouter.Trace trace) {
        String authorization = call.header("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            throw new ApiException(401, ErrorCodes.INVALID_TOKEN, "Authorization: a Bearer access token is required");
        }
        FakeTenant tenant = tenants.authenticate(authorization.substring("Bearer ".length()).trim());
        if (tenant == null) {
            throw new ApiException(401, ErrorCodes.INVALID_TOKEN, "Authorization: the access token is invalid or expired");
        }
        trace.clientId = tenant.clientId();
        return router.handle(call, tenant, clock.millis(), trace);
    }

    private HttpReply download(String id) {
        synchronized (store) {
            for (TenantData data : store.all()) {
                ObjectNode bundle = DataRequestResource.download(data, id, clock.millis(),
                        settings.dataRequestCompletedAfter());
                if (bundle != null) {
                    return HttpReply.json(200, bundle);
                }
            }
        }
        return ApiException.notFound("no completed export with this id").toReply();
    }

    /** The clock. */
    public FakeClock clock() {
        return clock;
    }

    /** Adds or replaces a tenant. */
    public void addTenant(FakeTenant tenant) {
        tenants.register(tenant);
    }

    /** The registered tenants. */
    public List<FakeTenant> tenants() {
        return tenants.all();
    }

    /** Adds or replaces a member of the directory. */
    public void addMember(FakeMember member) {
        network.addMember(member);
    }

    /** Simulates a 1-Click Export; returns its request id. */
    public String export(String member, String integrationContext, ExportDestination destination, String exportedBy) {
        return network.export(member, integrationContext, destination, exportedBy);
    }

    /** Pushes an integration status change to the organization's tenants. */
    public void integrationStatusChange(String integrationContext) {
        network.integrationStatusChange(integrationContext);
    }

    /** Simulates a member deleting their account; returns the notice ids. */
    public List<String> deleteMember(String member, Duration publicationDelay) {
        return network.deleteMember(member, publicationDelay);
    }

    /** Replaces the injected faults. */
    public void faults(Faults value) {
        faults.configure(value);
    }

    /** The injected faults. */
    public Faults faults() {
        return faults.faults();
    }

    /** Replaces the quotas. */
    public void quotas(Quotas value) {
        quotas.configure(value);
    }

    /** Fails the next calls to a path with a status (0: reset the connection). */
    public void failNext(String path, int count, int status) {
        faults.failNext(path, count, status);
    }

    /** The journal, oldest first. */
    public List<JournalEntry> journal() {
        return journal.entries();
    }

    /** The pushes and how they went. */
    public List<PushDelivery> pushDeliveries() {
        return pushes.deliveries();
    }

    /** Waits for every push to be delivered or given up. */
    public boolean awaitPushes(Duration timeout) throws InterruptedException {
        return pushes.awaitIdle(timeout);
    }

    /** What the fake holds for each organization that has data or a tenant. */
    public List<TenantState> states() {
        List<TenantState> states = new ArrayList<>();
        Map<String, List<String>> clientIds = new LinkedHashMap<>();
        for (FakeTenant t : tenants.all()) {
            clientIds.computeIfAbsent(t.integrationContext(), k -> new ArrayList<>()).add(t.clientId());
        }
        synchronized (store) {
            clientIds.keySet().forEach(store::of);
            for (TenantData data : store.all()) {
                states.add(state(data, clientIds.getOrDefault(data.integrationContext, List.of())));
            }
        }
        return states;
    }

    /** What the fake holds for one organization (empty when nothing). */
    public TenantState state(String integrationContext) {
        for (TenantState s : states()) {
            if (s.integrationContext().equals(integrationContext)) {
                return s;
            }
        }
        return new TenantState(integrationContext, List.of(), Map.of(), Map.of());
    }

    private TenantState state(TenantData data, List<String> clientIds) {
        Map<String, Map<String, Map<String, Object>>> entities = new LinkedHashMap<>();
        for (RecordCollection c : RecordCollection.values()) {
            Map<String, Map<String, Object>> byKey = new LinkedHashMap<>();
            data.records(c).forEach((id, e) -> byKey.put(id, plain(e)));
            entities.put(c.path, byKey);
        }
        Map<String, Map<String, Object>> members = new LinkedHashMap<>();
        data.poolMembers.forEach((pool, byContact) -> byContact.forEach((contact, m) -> {
            Map<String, Object> view = new LinkedHashMap<>(plain(m));
            view.put("poolId", pool);
            view.put("contactId", contact);
            members.put(RestLiCodec.uriForm(List.of(pool, contact)), view);
        }));
        entities.put("crmPoolMembers", members);
        Map<String, Map<String, Object>> candidates = new LinkedHashMap<>();
        data.exports.forEach((id, export) -> {
            if (export.candidate != null) {
                candidates.put(id, plain(export.candidate));
            }
        });
        entities.put("exportedCandidates", candidates);
        Map<String, Map<String, Object>> notices = new LinkedHashMap<>();
        data.notices.forEach(n -> notices.put(n.noticeId(), plain(DeletionNoticeResource.json(n))));
        entities.put("exportDeletionNotices", notices);
        Map<String, Map<String, Object>> requests = new LinkedHashMap<>();
        data.dataRequests.forEach((id, dr) -> requests.put(id, plain(dr.request())));
        entities.put("dataRequests", requests);
        Map<String, Integer> counts = new LinkedHashMap<>();
        entities.forEach((name, byKey) -> counts.put(name, byKey.size()));
        return new TenantState(data.integrationContext, clientIds, counts, entities);
    }

    private static Map<String, Object> plain(ObjectNode node) {
        return WireJson.plain(node);
    }

    /** Back to how it was built: data, members, tenants, faults, quotas, journal, pushes and clock. */
    public void reset() {
        pushes.reset();
        synchronized (store) {
            store.clear();
        }
        network.reset();
        tenants.retainOnly(settings.tenants());
        faults.clear();
        quotas.configure(settings.quotas());
        quotas.clear();
        journal.clear();
        clock.reset();
    }

    /** Stops the push thread. */
    @Override
    public void close() {
        pushes.close();
    }
}
