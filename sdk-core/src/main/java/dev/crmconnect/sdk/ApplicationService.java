package dev.crmconnect.sdk;

import dev.crmconnect.model.Application;

/** Applications of contacts to vacancies ({@code /crmApplications}). */
public final class ApplicationService extends ReadableRecords<Application> {

    ApplicationService(ResourceContext context) {
        super(context, context.routes().path(Routes.Resource.APPLICATIONS), "application", Application.class,
                (application, crmId) -> application.toBuilder().crmId(crmId).build());
    }

    /** The applications of the contact {@code contactCrmId} (FINDER {@code q=contact}). */
    public PagedIterable<Application> listByContact(String contactCrmId) {
        return listByContact(contactCrmId, RequestOptions.defaults());
    }

    /** {@link #listByContact(String)} with options kept on every page. */
    public PagedIterable<Application> listByContact(String contactCrmId, RequestOptions options) {
        return byContact(contactCrmId, options);
    }
}
