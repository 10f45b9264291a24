package dev.crmconnect.sdk.internal.http;

import dev.crmconnect.sdk.Routes;
import java.util.Objects;

/**
 * What a request's path stands for, without its keys: the resource's label (for example
 * {@code poolMembers}) and the route template (for example {@code /crmPools/{key}/members}), for
 * listener events, metrics and traces.
 *
 * @param resource the resource's label
 * @param template the path with every key replaced by {@code {key}}; never a key or a query
 */
public record Route(String resource, String template) {

    /** The key placeholder of templates. */
    public static final String KEY = "{key}";

    public Route {
        Objects.requireNonNull(resource, "resource must not be null");
        Objects.requireNonNull(template, "template must not be null");
    }

    /** The route of {@code resource} at its path in {@code routes}. */
    public static Route of(Routes routes, Routes.Resource resource) {
        return new Route(resource.label(), routes.path(resource));
    }

    /** The route of an entity of this collection: the template followed by {@code /{key}}. */
    public Route entity() {
        return new Route(resource, template + "/" + KEY);
    }

    /** The route of a sub-resource below an entity of this collection. */
    public Route below(Routes routes, Routes.Resource subResource) {
        return new Route(subResource.label(), template + "/" + KEY + routes.path(subResource));
    }
}
