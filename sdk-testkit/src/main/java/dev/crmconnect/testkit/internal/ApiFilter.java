package dev.crmconnect.testkit.internal;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Answers every non-admin request with the simulation, before WireMock's stub matching: no stub
 * is needed, so WireMock's own reset cannot remove the fake.
 */
final class ApiFilter implements RequestFilterV2 {

    /** Chunks a slow body is sent in. */
    private static final int DRIBBLE_CHUNKS = 10;

    private final Simulation simulation;

    ApiFilter(Simulation simulation) {
        this.simulation = simulation;
    }

    @Override
    public String getName() {
        return "crm-connect-fake";
    }

    @Override
    public boolean applyToAdmin() {
        return false;
    }

    @Override
    public boolean applyToStubs() {
        return true;
    }

    @Override
    public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
        return RequestFilterAction.stopWith(toWireMock(simulation.handle(toCall(request))));
    }

    static HttpCall toCall(Request request) {
        Map<String, String> headers = new HashMap<>();
        for (HttpHeader header : request.getHeaders().all()) {
            headers.putIfAbsent(header.key().toLowerCase(Locale.ROOT), header.firstValue());
        }
        String url = request.getUrl();
        String absolute = request.getAbsoluteUrl();
        String origin = absolute.endsWith(url) ? absolute.substring(0, absolute.length() - url.length()) : "";
        return HttpCall.of(request.getMethod().getName(), url, headers, request.getBody(), origin);
    }

    static ResponseDefinition toWireMock(HttpReply reply) {
        ResponseDefinitionBuilder builder = ResponseDefinitionBuilder.responseDefinition();
        if (reply.delayMillis > 0) {
            builder.withFixedDelay(reply.delayMillis);
        }
        if (reply.connectionReset) {
            return builder.withFault(Fault.CONNECTION_RESET_BY_PEER).build();
        }
        builder.withStatus(reply.status).withBody(reply.body);
        reply.headers.forEach(builder::withHeader);
        if (reply.dribbleMillis > 0) {
            builder.withChunkedDribbleDelay(DRIBBLE_CHUNKS, reply.dribbleMillis);
        }
        return builder.build();
    }
}
