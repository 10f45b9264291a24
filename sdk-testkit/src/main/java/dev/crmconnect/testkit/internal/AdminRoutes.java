package dev.crmconnect.testkit.internal;

import com.github.tomakehurst.wiremock.admin.Router;
import com.github.tomakehurst.wiremock.extension.AdminApiExtension;
import com.github.tomakehurst.wiremock.http.RequestMethod;

/** Mounts the {@link AdminApi} under WireMock's {@code /__admin/}. */
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
        for (AdminApi.Route route : admin.routes()) {
            router.add(RequestMethod.fromString(route.method()), AdminApi.PREFIX + route.path(),
                    (wireMockAdmin, serveEvent, pathParams) -> ApiFilter.toWireMock(
                            admin.handle(route, ApiFilter.toCall(serveEvent.getRequest()))));
        }
    }
}
