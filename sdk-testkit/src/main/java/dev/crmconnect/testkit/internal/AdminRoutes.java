package dev.crmconnect.testkit.internal;

import com.github.tomakehurst.wiremock.admin.Router;
import com.github.tomakehurst.wiremock.extension.AdminApiExtension;
import com.github.tomakehurst.wiremock.http.RequestMethod;

/**
 * Mounts the {@link AdminApi} under WireMock's {@code /__admin/}. WireMock finds a route's path
 * template by its task's class, so one template, {@code /crm/{action}}, serves every route and
 * the {@link AdminApi} picks the action.
 */
final class AdminRoutes implements AdminApiExtension {

    private final AdminApi admin;

    AdminRoutes(AdminApi admin) {
        this.admin = admin;
    }

    @Override
    public String getName() {
        return "crm-connect-admin";
    }

    @Override
    public void contributeAdminApiRoutes(Router router) {
        for (String method : new String[] {"GET", "POST", "DELETE"}) {
            router.add(RequestMethod.fromString(method), AdminApi.PREFIX + "/{action}",
                    (wireMockAdmin, serveEvent, pathParams) -> ApiFilter.toWireMock(
                            admin.handle(ApiFilter.toCall(serveEvent.getRequest()), pathParams.get("action"))));
        }
    }
}
