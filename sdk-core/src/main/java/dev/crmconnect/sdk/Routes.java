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
        /** Contacts, by default at {@code /crmContacts}. */
        CONTACTS("/crmContacts", "contacts"),
        /** Talent pools, by default at {@code /crmPools}. */
        POOLS("/crmPools", "pools"),
        /** The members of a pool, below a pool's path and encoded key; by default {@code /members}. */
        POOL_MEMBERS("/members", "poolMembers"),
        /** Vacancies, by default at {@code /crmVacancies}. */
        VACANCIES("/crmVacancies", "vacancies"),
        /** Applications, by default at {@code /crmApplications}. */
        APPLICATIONS("/crmApplications", "applications"),
        /** Email interactions, by default at {@code /crmEmailInteractions}. */
        EMAIL_INTERACTIONS("/crmEmailInteractions", "emailInteractions"),
        /** Notes, by default at {@code /crmNotes}. */
        NOTES("/crmNotes", "notes"),
        /** Members exported by 1-Click Export, by default at {@code /exportedCandidates}. */
        EXPORTED_CANDIDATES("/exportedCandidates", "exportedCandidates"),
        /** The deletion-notice feed, by default at {@code /exportDeletionNotices}. */
        DELETION_NOTICES("/exportDeletionNotices", "deletionNotices"),
        /** GDPR data requests, by default at {@code /dataRequests}. */
        DATA_REQUESTS("/dataRequests", "dataRequests");

        private final String defaultPath;
        private final String label;

        Resource(String defaultPath, String label) {
            this.defaultPath = defaultPath;
            this.label = label;
        }

        /**
         * The resource's name in {@link ClientListener} events and in metrics, which stays the same
         * whatever path {@link Routes#with} gives it.
         *
         * @return a short camel-case name, for example {@code contacts} or {@code poolMembers}
         */
        public String label() {
            return label;
        }
    }

    private static final Routes DEFAULTS = new Routes(new EnumMap<>(Resource.class));

    private final Map<Resource, String> paths;

    private Routes(Map<Resource, String> overrides) {
        this.paths = overrides;
    }

    /**
     * The contract's paths.
     *
     * @return the routes with every resource at its default path
     */
    public static Routes defaults() {
        return DEFAULTS;
    }

    /**
     * These routes with {@code resource} at {@code path}; this object is left as it is.
     *
     * @param resource the resource to move
     * @param path the new path, relative to the client's base URL: starts with '/', holds no trailing '/', query or
     *     fragment, for example {@code /v3/crmContacts}
     * @return a copy of these routes with the new path
     * @throws NullPointerException if {@code resource} is null
     * @throws IllegalArgumentException if {@code path} is null or breaks the rule above
     */
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

    /**
     * The path of {@code resource}.
     *
     * @param resource the resource
     * @return its path: the one set by {@link #with}, or else the contract's default
     */
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
