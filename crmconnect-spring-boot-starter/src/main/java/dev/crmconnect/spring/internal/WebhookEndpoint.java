package dev.crmconnect.spring.internal;

import dev.crmconnect.sdk.webhook.WebhookHandler;
import dev.crmconnect.sdk.webhook.WebhookReceiver;
import dev.crmconnect.sdk.webhook.WebhookResult;
import dev.crmconnect.spring.CrmConnectTenant;
import dev.crmconnect.spring.TenantDirectory;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Answers each tenant's 1-Click Export pushes at {@code <path>/<tenant id>}: the raw body and the headers go to the
 * tenant's {@link WebhookReceiver} (one per tenant, verifying with its client secret), and its status is the answer,
 * with a short reason for a 4xx.
 */
public final class WebhookEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookEndpoint.class);

    private final TenantDirectory directory;
    private final WebhookHandler handler;
    private final int maxBodyBytes;
    /** Kept per tenant so that each remembers the request ids it handled; rebuilt when the secret changes. */
    private final Map<String, Keyed> receivers = new ConcurrentHashMap<>();

    private record Keyed(String clientSecret, WebhookReceiver receiver) {
    }

    /**
     * The endpoint.
     *
     * @param directory where a push's tenant is looked up
     * @param handler the application's handler of verified events
     * @param maxBodyBytes the largest body accepted
     */
    public WebhookEndpoint(TenantDirectory directory, WebhookHandler handler, int maxBodyBytes) {
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("crmconnect.webhook.max-body-bytes must be at least 1");
        }
        this.directory = directory;
        this.handler = handler;
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * Answers one push.
     *
     * @param request the push, its path ending with the tenant's id
     * @return the receiver's status; 404 for an unknown tenant, 413 for a body over the cap
     * @throws IOException if the body cannot be read
     */
    public ServerResponse receive(ServerRequest request) throws IOException {
        String tenantId = request.pathVariable("tenantId");
        Optional<WebhookReceiver> receiver = receiver(tenantId);
        if (receiver.isEmpty()) {
            return text(404, "no tenant with this id");
        }
        HttpServletRequest servlet = request.servletRequest();
        byte[] body;
        try (InputStream in = servlet.getInputStream()) {
            body = in.readNBytes(maxBodyBytes + 1);
        }
        if (body.length > maxBodyBytes) {
            return text(413, "body is longer than " + maxBodyBytes + " bytes");
        }
        WebhookResult result;
        try {
            result = receiver.get().receive(body, headers(servlet));
        } catch (RuntimeException e) {
            LOG.error("Webhook receiver failed unexpectedly with {}", e.getClass().getName());
            return ServerResponse.status(500).build();
        }
        int status = result.httpStatus();
        // A 4xx reason helps whoever sends the push; a 5xx says nothing about the handler.
        return status >= 400 && status < 500 ? text(status, result.detail()) : ServerResponse.status(status).build();
    }

    /** Looks the tenant up on every push (pushes are rare), so that a rotated secret applies at once. */
    private Optional<WebhookReceiver> receiver(String tenantId) {
        Optional<CrmConnectTenant> tenant = directory.tenant(tenantId);
        if (tenant.isEmpty()) {
            receivers.remove(tenantId);
            return Optional.empty();
        }
        String secret = tenant.get().clientSecret();
        return Optional.of(receivers.compute(tenantId, (id, kept) -> kept != null && kept.clientSecret().equals(secret)
                ? kept : new Keyed(secret, WebhookReceiver.builder().clientSecret(secret).handler(handler).build()))
                .receiver());
    }

    private static Map<String, List<String>> headers(HttpServletRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, Collections.list(request.getHeaders(name)));
        }
        return headers;
    }

    private static ServerResponse text(int status, String text) {
        return ServerResponse.status(status).contentType(MediaType.TEXT_PLAIN).body(text);
    }

    @Override
    public String toString() {
        return "WebhookEndpoint[" + receivers.size() + " tenants seen]";
    }
}
