package dev.crmconnect.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmconnect.testkit.ExportDestination;
import dev.crmconnect.testkit.FakeClock;
import dev.crmconnect.testkit.FakeMember;
import dev.crmconnect.testkit.FakeTenant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The LinkedIn side of the fake: the member directory, matching contacts to members, 1-Click
 * Exports with their pushes, and member deletions that publish notices. Ids and publication lags
 * come from one seeded sequence, reset with the fake.
 */
final class MemberNetwork {

    private static final Pattern SEAT = Pattern.compile("urn:li:seat:[A-Za-z0-9_-]{1,100}");

    private final DataStore store;
    private final TenantRegistry tenants;
    private final FakeClock clock;
    private final PushDispatcher pushes;
    private final long seed;
    private final Duration publicationLag;
    private final Map<String, FakeMember> members = new LinkedHashMap<>();
    private Random random;

    MemberNetwork(DataStore store, TenantRegistry tenants, FakeClock clock, PushDispatcher pushes, long seed,
                  Duration publicationLag) {
        this.store = store;
        this.tenants = tenants;
        this.clock = clock;
        this.pushes = pushes;
        this.seed = seed;
        this.publicationLag = publicationLag;
        this.random = new Random(seed);
    }

    void addMember(FakeMember member) {
        synchronized (store) {
            members.put(member.member(), member);
        }
    }

    int memberCount() {
        synchronized (store) {
            return members.size();
        }
    }

    /** Forgets the members and restarts the id sequence. */
    void reset() {
        synchronized (store) {
            members.clear();
            random = new Random(seed);
        }
    }

    /** A new opaque id from the seeded sequence. Callers hold the store's lock. */
    String newId() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    /**
     * The read-only {@code match} of a contact: its manual match, else the member whose profile
     * URL it carries, else the member with one of its emails. Callers hold the store's lock.
     */
    ObjectNode match(ObjectNode contact, String manualMember) {
        ObjectNode match = WireJson.object();
        if (manualMember != null) {
            FakeMember known = members.get(manualMember);
            match.put("status", "MANUAL");
            match.put("member", manualMember);
            if (known != null && known.profileUrl() != null) {
                match.put("profileUrl", known.profileUrl());
            }
            return match;
        }
        FakeMember found = byProfileUrl(contact.path("linkedInProfileUrl").asText(null));
        if (found == null) {
            for (JsonNode email : contact.path("emailAddresses")) {
                found = byEmail(email.asText(null));
                if (found != null) {
                    break;
                }
            }
        }
        if (found == null) {
            match.put("status", "UNMATCHED");
            return match;
        }
        match.put("status", "MATCHED");
        match.put("member", found.member());
        if (found.profileUrl() != null) {
            match.put("profileUrl", found.profileUrl());
        }
        return match;
    }

    /** Simulates a recruiter exporting a member; pushes to each tenant of the organization with a callback. */
    String export(String member, String integrationContext, ExportDestination destination, String exportedBy) {
        List<FakeTenant> receivers = tenants.withContext(integrationContext);
        if (receivers.isEmpty()) {
            throw new IllegalArgumentException("integrationContext: no tenant is registered for it");
        }
        if (exportedBy == null || !SEAT.matcher(exportedBy).matches()) {
            throw new IllegalArgumentException("exportedBy: must be urn:li:seat:<id>");
        }
        String requestId;
        long now = clock.millis();
        synchronized (store) {
            FakeMember profile = members.get(member);
            if (profile == null) {
                throw new IllegalArgumentException("member: unknown; add it to the directory first");
            }
            requestId = newId();
            ObjectNode candidate = candidate(profile, requestId, integrationContext, destination, exportedBy, now);
            store.of(integrationContext).addExport(new TenantData.Export(requestId, member, now, candidate));
        }
        byte[] body = event("EXPORT_CANDIDATE_PROFILE", requestId, integrationContext, now);
        for (FakeTenant tenant : receivers) {
            if (tenant.callbackUrl() != null) {
                pushes.push(tenant.callbackUrl(), tenant.clientSecret(), "EXPORT_CANDIDATE_PROFILE", requestId,
                        integrationContext, body);
            }
        }
        return requestId;
    }

    /** Pushes an {@code INTEGRATION_STATUS_CHANGE} event to each tenant of the organization with a callback. */
    void integrationStatusChange(String integrationContext) {
        List<FakeTenant> receivers = tenants.withContext(integrationContext);
        if (receivers.isEmpty()) {
            throw new IllegalArgumentException("integrationContext: no tenant is registered for it");
        }
        byte[] body = event("INTEGRATION_STATUS_CHANGE", null, integrationContext, clock.millis());
        for (FakeTenant tenant : receivers) {
            if (tenant.callbackUrl() != null) {
                pushes.push(tenant.callbackUrl(), tenant.clientSecret(), "INTEGRATION_STATUS_CHANGE", null,
                        integrationContext, body);
            }
        }
    }

    /**
     * Simulates a member deleting their account: one notice to each organization that exported
     * them. A null delay draws the publication delay from [0, publication lag].
     */
    List<String> deleteMember(String member, Duration publicationDelay) {
        if (publicationDelay != null && publicationDelay.isNegative()) {
            throw new IllegalArgumentException("publicationDelay: must not be negative");
        }
        List<String> noticeIds = new ArrayList<>();
        long now = clock.millis();
        synchronized (store) {
            members.remove(member);
            for (TenantData data : store.all()) {
                List<String> requestIds = new ArrayList<>();
                long exportedAt = Long.MAX_VALUE;
                for (TenantData.Export export : data.exportsByMember.getOrDefault(member, List.of())) {
                    if (export.candidate != null) {
                        requestIds.add(export.requestId);
                        exportedAt = Math.min(exportedAt, export.exportedAt);
                        export.candidate = null;
                    }
                }
                if (!requestIds.isEmpty()) {
                    String noticeId = newId();
                    long delay = publicationDelay != null ? publicationDelay.toMillis() : drawLag();
                    data.notices.add(new TenantData.Notice(noticeId, member, List.copyOf(requestIds), exportedAt, now,
                            now, now + delay));
                    noticeIds.add(noticeId);
                }
            }
        }
        return noticeIds;
    }

    private long drawLag() {
        long lag = publicationLag.toMillis();
        return lag == 0 ? 0 : (long) (random.nextDouble() * (lag + 1));
    }

    private static byte[] event(String eventType, String requestId, String integrationContext, long occurredAt) {
        ObjectNode event = WireJson.object();
        event.put("eventType", eventType);
        if (requestId != null) {
            event.put("requestId", requestId);
        }
        event.put("integrationContext", integrationContext);
        event.put("occurredAt", occurredAt);
        return WireJson.write(event);
    }

    /** What the member's visibility allows: null fields are omitted, never written empty. */
    private static ObjectNode candidate(FakeMember m, String requestId, String integrationContext,
                                        ExportDestination destination, String exportedBy, long now) {
        ObjectNode c = WireJson.object();
        c.put("requestId", requestId);
        c.put("member", m.member());
        putIfPresent(c, "firstName", m.firstName());
        putIfPresent(c, "lastName", m.lastName());
        putIfPresent(c, "currentJobTitle", m.currentJobTitle());
        putIfPresent(c, "currentCompanyName", m.currentCompanyName());
        ObjectNode location = WireJson.object();
        putIfPresent(location, "city", m.city());
        putIfPresent(location, "geographicArea", m.geographicArea());
        putIfPresent(location, "country", m.country());
        if (!location.isEmpty()) {
            c.set("location", location);
        }
        putIfPresent(c, "profileUrl", m.profileUrl());
        c.put("exportedAt", now);
        c.put("exportedBy", exportedBy);
        c.putObject("destination").put("type", destination.type()).put("crmId", destination.crmId());
        c.put("integrationContext", integrationContext);
        return c;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private FakeMember byProfileUrl(String url) {
        if (url == null) {
            return null;
        }
        String wanted = normalizeProfileUrl(url);
        for (FakeMember m : members.values()) {
            if (m.profileUrl() != null && normalizeProfileUrl(m.profileUrl()).equals(wanted)) {
                return m;
            }
        }
        return null;
    }

    private FakeMember byEmail(String email) {
        if (email == null) {
            return null;
        }
        for (FakeMember m : members.values()) {
            if (m.emailAddress() != null && m.emailAddress().equalsIgnoreCase(email.trim())) {
                return m;
            }
        }
        return null;
    }

    /** Scheme, {@code www.}, case and a trailing slash do not matter. */
    static String normalizeProfileUrl(String url) {
        String u = url.trim().toLowerCase(Locale.ROOT);
        u = u.replaceFirst("^https?://", "").replaceFirst("^www\\.", "");
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }
}
