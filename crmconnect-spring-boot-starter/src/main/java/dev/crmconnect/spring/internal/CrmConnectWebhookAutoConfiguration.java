package dev.crmconnect.spring.internal;

import dev.crmconnect.sdk.webhook.WebhookHandler;
import dev.crmconnect.spring.TenantDirectory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The 1-Click Export webhook on Spring MVC, when the application defines a {@link WebhookHandler} bean: POST
 * {@code <crmconnect.webhook.path>/<tenant id>}, each tenant's callback URL. A functional route, so the path is
 * read at start and no controller class is scanned.
 */
@AutoConfiguration(after = CrmConnectAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(RouterFunction.class)
@ConditionalOnBean(WebhookHandler.class)
@ConditionalOnProperty(prefix = "crmconnect.webhook", name = "enabled", havingValue = "true", matchIfMissing = true)
public class CrmConnectWebhookAutoConfiguration {

    @Bean
    WebhookEndpoint crmConnectWebhookEndpoint(TenantDirectory directory, WebhookHandler handler,
                                              CrmConnectProperties properties) {
        return new WebhookEndpoint(directory, handler, properties.getWebhook().getMaxBodyBytes());
    }

    @Bean
    RouterFunction<ServerResponse> crmConnectWebhookRoute(WebhookEndpoint endpoint, CrmConnectProperties properties) {
        String path = properties.getWebhook().getPath();
        if (path == null || !path.startsWith("/") || path.endsWith("/") || path.contains("{")) {
            throw new IllegalArgumentException("crmconnect.webhook.path must start with '/', not end with '/'"
                    + " and hold no '{'; for example /crmconnect/webhook");
        }
        return RouterFunctions.route().POST(path + "/{tenantId}", endpoint::receive).build();
    }
}
