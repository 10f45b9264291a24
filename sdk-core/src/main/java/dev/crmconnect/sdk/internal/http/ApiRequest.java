package dev.crmconnect.sdk.internal.http;

import dev.crmconnect.model.internal.Check;
import java.util.Arrays;
import java.util.Objects;

/**
 * One API call as a resource describes it: the Rest.li method, the path below the base URL and
 * the query string (both already encoded by the Rest.li codec), an optional JSON body (an object
 * that the SDK's mapper serializes once per call, or bytes), the number of records it carries
 * (for the throttle), whether it may be repeated, and its {@link Route}: the resource and the path
 * template without keys, for listener events. Immutable.
 */
public final class ApiRequest {

    private final RestMethod method;
    private final String path;
    private final Route route;
    private final String query;
    private final Object body;
    private final int recordCount;
    private final boolean idempotent;

    private ApiRequest(Builder builder) {
        this.method = builder.method;
        this.path = builder.path;
        this.route = builder.route != null ? builder.route : new Route("unknown", builder.path);
        this.query = builder.query;
        this.body = builder.body;
        this.recordCount = builder.recordCount;
        this.idempotent = builder.idempotent;
    }

    /** A builder for any method; {@code path} starts with '/' and is already encoded. */
    public static Builder builder(RestMethod method, String path) {
        return new Builder(method, path);
    }

    /** A plain GET of one entity. */
    public static ApiRequest get(String path) {
        return builder(RestMethod.GET, path).build();
    }

    /** A CREATE (POST) of one entity; retried only with its idempotency key. */
    public static ApiRequest create(String path, Object body) {
        return builder(RestMethod.CREATE, path).body(body).recordCount(1).build();
    }

    /** A FINDER; paging parameters are added per page by the client. */
    public static ApiRequest finder(String path, String query) {
        return builder(RestMethod.FINDER, path).query(query).build();
    }

    /** A BATCH_GET of {@code records} keys in {@code query} ({@code ids=List(...)}): each counts as a record. */
    public static ApiRequest batchGet(String path, String query, int records) {
        return builder(RestMethod.BATCH_GET, path).query(query).recordCount(records).build();
    }

    /** A BATCH_UPDATE (full replace) of {@code records} entities. */
    public static ApiRequest batchUpdate(String path, String query, Object body, int records) {
        return builder(RestMethod.BATCH_UPDATE, path).query(query).body(body).recordCount(records).build();
    }

    /** A BATCH_DELETE of {@code records} keys in {@code query}. */
    public static ApiRequest batchDelete(String path, String query, int records) {
        return builder(RestMethod.BATCH_DELETE, path).query(query).recordCount(records).build();
    }

    /** A BATCH_PARTIAL_UPDATE; pass {@code idempotent} true when the patch only {@code $set}s. */
    public static ApiRequest batchPartialUpdate(String path, String query, Object body, int records,
            boolean idempotent) {
        return builder(RestMethod.BATCH_PARTIAL_UPDATE, path).query(query).body(body).recordCount(records)
                .idempotent(idempotent).build();
    }

    /** This request with {@code start} and {@code count} appended to its query. */
    public ApiRequest withPaging(int start, int count) {
        String paging = "start=" + start + "&count=" + count;
        return toBuilder().query(query.isEmpty() ? paging : query + "&" + paging).build();
    }

    /** This request with {@code route} as its route. */
    public ApiRequest withRoute(Route route) {
        return toBuilder().route(route).build();
    }

    /** A builder holding this request's values. */
    public Builder toBuilder() {
        Builder builder = new Builder(method, path).query(query).recordCount(recordCount).idempotent(idempotent)
                .route(route);
        builder.body = body;
        return builder;
    }

    /** The Rest.li method. */
    public RestMethod method() {
        return method;
    }

    /** The encoded path below the base URL, starting with '/'. */
    public String path() {
        return path;
    }

    /**
     * The resource and path template, without keys; when none was set, resource {@code unknown}
     * and the path itself as template.
     */
    public Route route() {
        return route;
    }

    /** The encoded query without the '?', empty when none. Never logged. */
    public String query() {
        return query;
    }

    /** The body: null, a {@code byte[]} of JSON, or an object to serialize. */
    public Object body() {
        return body;
    }

    /** The records the request carries, for the records-per-minute throttle. */
    public int recordCount() {
        return recordCount;
    }

    /** Whether the request may be repeated without changing the outcome. */
    public boolean idempotent() {
        return idempotent;
    }

    /**
     * The method and route template, for messages and logs: never a key, the query or the body, so an
     * exception's message can name the call in a log line or a listener event without the records' keys.
     */
    public String describe() {
        return method + " " + route.template();
    }

    @Override
    public String toString() {
        return "ApiRequest[" + describe() + ", records=" + recordCount + "]";
    }

    /** Builds an {@link ApiRequest}. */
    public static final class Builder {

        private final RestMethod method;
        private final String path;
        private Route route;
        private String query = "";
        private Object body;
        private int recordCount;
        private boolean idempotent;

        private Builder(RestMethod method, String path) {
            this.method = Objects.requireNonNull(method, "method must not be null");
            Objects.requireNonNull(path, "path must not be null");
            if (!path.startsWith("/") || path.contains("?") || path.contains("#")) {
                throw new IllegalArgumentException("path must start with '/' and hold no query or fragment");
            }
            this.path = path;
            this.idempotent = method.idempotent();
        }

        /** The encoded query without the leading '?'; empty for none. */
        public Builder query(String query) {
            Objects.requireNonNull(query, "query must not be null");
            if (query.startsWith("?") || query.contains("#")) {
                throw new IllegalArgumentException("query must not start with '?' or hold a fragment");
            }
            this.query = query;
            return this;
        }

        /** The resource and path template for listener events; null for the default. */
        public Builder route(Route route) {
            this.route = route;
            return this;
        }

        /** A JSON body: an object for the SDK's mapper. */
        public Builder body(Object body) {
            this.body = body instanceof byte[] bytes ? bytes.clone() : body;
            return this;
        }

        /** The records the request carries (batch entities); 0 for reads. */
        public Builder recordCount(int recordCount) {
            Check.nonNegative("recordCount", recordCount);
            this.recordCount = recordCount;
            return this;
        }

        /** Whether the request may be repeated; defaults to the method's own idempotence. */
        public Builder idempotent(boolean idempotent) {
            this.idempotent = idempotent;
            return this;
        }

        /** The request. */
        public ApiRequest build() {
            return new ApiRequest(this);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApiRequest that
                && method == that.method
                && path.equals(that.path)
                && route.equals(that.route)
                && query.equals(that.query)
                && recordCount == that.recordCount
                && idempotent == that.idempotent
                && (body instanceof byte[] a && that.body instanceof byte[] b ? Arrays.equals(a, b)
                        : Objects.equals(body, that.body));
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, path, query, recordCount, idempotent);
    }
}
