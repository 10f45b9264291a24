package dev.crmconnect.sdk.internal.resource;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crmconnect.sdk.RequestOptions;
import dev.crmconnect.sdk.Routes;
import dev.crmconnect.sdk.internal.http.ApiClient;
import dev.crmconnect.sdk.internal.http.ApiRequest;
import dev.crmconnect.sdk.internal.http.ApiResponse;
import dev.crmconnect.sdk.internal.http.Futures;
import dev.crmconnect.sdk.internal.http.Route;
import dev.crmconnect.sdk.restli.RestLi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;

/**
 * The pages of a FINDER: adds {@code start} and {@code count} to the finder's query and reads
 * {@code {"elements":[...],"paging":{"start","count","total"}}}. The one place pages are read.
 *
 * @param <T> the element type
 */
public final class FinderSource<T> implements PageSource<T> {

    /** The most elements a FINDER page may ask for, by the contract. */
    static final int MAX_PAGE_COUNT = 100;

    private final ApiClient api;
    private final ApiRequest finder;
    private final int pageSize;
    private final ElementReader<T> reader;
    private final RequestOptions options;

    /**
     * A listing of {@code finder}, {@code pageSize} elements a page, each page's call with {@code options}.
     *
     * @throws NullPointerException if an argument is null
     */
    public FinderSource(ApiClient api, ApiRequest finder, int pageSize, ElementReader<T> reader,
                        RequestOptions options) {
        this.api = Objects.requireNonNull(api, "api must not be null");
        this.finder = Objects.requireNonNull(finder, "finder must not be null");
        this.reader = Objects.requireNonNull(reader, "reader must not be null");
        this.options = Objects.requireNonNull(options, "options must not be null");
        checkPaging(0, pageSize);
        this.pageSize = pageSize;
    }

    /**
     * The FINDER {@code params} (q and its parameters) of {@code resource}, elements converted to
     * {@code type}, the context's page size.
     *
     * @throws NullPointerException if {@code options} is null
     */
    public static <T> FinderSource<T> of(ResourceContext context, Routes.Resource resource, Map<String, ?> params,
                                         Class<T> type, RequestOptions options) {
        ApiRequest finder = ApiRequest.finder(context.routes().path(resource), RestLi.encodeQuery(params))
                .withRoute(Route.of(context.routes(), resource));
        return new FinderSource<>(context.api(), finder, context.pageSize(), ElementReader.of(type), options);
    }

    @Override
    public int pageSize() {
        return pageSize;
    }

    @Override
    public CompletableFuture<PageData<T>> fetch(int start, int count, boolean callerWaits) {
        return Futures.guarded(() -> {
            checkPaging(start, count);
            ApiRequest page = finder.withPaging(start, count);
            CompletableFuture<ApiResponse> sent = callerWaits ? api.sendForWaitingCaller(page, options)
                    : api.send(page, options);
            return Futures.map(sent, response -> read(response, start));
        });
    }

    /**
     * Checks a page's {@code start} and {@code count} against the contract's ranges.
     *
     * @throws IllegalArgumentException naming the argument and its rule
     */
    private static void checkPaging(int start, int count) {
        if (start < 0) {
            throw new IllegalArgumentException("start: must not be negative");
        }
        if (count < 1 || count > MAX_PAGE_COUNT) {
            throw new IllegalArgumentException("count: must be 1 to " + MAX_PAGE_COUNT);
        }
    }

    private PageData<T> read(ApiResponse response, int requestedStart) {
        JsonNode json = response.json();
        JsonNode elements = json.get("elements");
        if (elements == null || !elements.isArray()) {
            throw response.invalid("no elements array");
        }
        List<T> list = new ArrayList<>(elements.size());
        for (JsonNode element : elements) {
            list.add(reader.read(response, element));
        }
        JsonNode paging = json.path("paging");
        JsonNode start = paging.get("start");
        JsonNode total = paging.get("total");
        int pageStart = start != null && start.isIntegralNumber() && start.canConvertToInt() ? start.intValue()
                : requestedStart;
        if (pageStart < 0 || (total != null && total.isIntegralNumber() && total.intValue() < 0)) {
            throw response.invalid("negative paging values");
        }
        OptionalInt pageTotal = total != null && total.isIntegralNumber() && total.canConvertToInt()
                ? OptionalInt.of(total.intValue()) : OptionalInt.empty();
        return new PageData<>(list, pageStart, pageTotal);
    }
}
