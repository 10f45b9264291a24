package dev.crmconnect.sdk;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Every path of the contract in one table, so that a path can be remapped without touching the
 * code that calls it: {@code Routes.defaults().with(Resource.CONTACTS, "/v3/crmContacts")}.
 * Immutable.
 */
public final class Routes {

    /** The resources of the contract. */
    public enum Resource {
        CONTACTS("/crmContacts"),
        POOLS("/crmPools"),
        /** Below a pool's path and encoded key. */
        POOL_MEMBERS("/members"),
        VACANCIES("/crmVacancies"),
        APPLICATIONS("/crmApplications"),
        EMAIL_INTERACTIONS("/crmEmailInteractions"),
        NOTES("/crmNotes"),
        EXPORTED_CANDIDATES("/exportedCandidates"),
        DELETION_NOTICES("/exportDeletionNotices"),
        DATA_REQUESTS("/dataRequests");

        private final String defaultPath;

        Resource(String defaultPath) {
            this.defaultPath = defaultPath;
        }
    }

    private static final Routes DEFAULTS = new Routes(new EnumMap<>(Resource.class));

    private final Map<Resource, String> paths;

    private Routes(Map<Resource, String> overrides) {
        this.paths = overrides;
    }

    /** The contract's paths. */
    public static Routes defaults() {
        return DEFAULTS;
    }

    /** These routes with {@code resource} at {@code path}: starts with '/', no query, no trailing '/'. */
    public Routes with(Resource resource, String path) {
        Objects.requireNonNull(resource, "resource must not be null");
        if (path == null || !path.startsWith("/") || path.endsWith("/") || path.contains("?") || path.contains("#")) {
            throw new IllegalArgumentException("routes." + resource + ": must start with '/' and hold no trailing '/',"
                    + " query or fragment");
        }
        Map<Resource, String> copy = new EnumMap<>(Resource.class);
        copy.putAll(paths);
        copy.put(resource, path);
        return new Routes(copy);
    }

    /** The path of {@code resource}. */
    public String path(Resource resource) {
        return paths.getOrDefault(resource, resource.defaultPath);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Routes that && paths.equals(that.paths);
    }

    @Override
    public int hashCode() {
        return paths.hashCode();
    }

    @Override
    public String toString() {
        return "Routes" + paths;
    }
}
