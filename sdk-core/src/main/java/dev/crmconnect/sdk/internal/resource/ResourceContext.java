package dev.crmconnect.sdk.internal.resource;

import dev.crmconnect.sdk.Routes;
import dev.crmconnect.sdk.internal.http.ApiClient;

/**
 * What every resource shares: the engine that sends, the routes, and the batch and page settings.
 *
 * @param api             the engine
 * @param routes          the paths
 * @param batchSize       records per batch call, at most 100
 * @param batchesInFlight batch calls of one {@code upsert} or {@code delete} running at once
 * @param pageSize        elements per page of a listing
 */
public record ResourceContext(ApiClient api, Routes routes, int batchSize, int batchesInFlight, int pageSize) {
}
