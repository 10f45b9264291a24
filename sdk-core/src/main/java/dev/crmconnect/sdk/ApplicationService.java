package dev.crmconnect.sdk;

import dev.crmconnect.model.Application;
import java.util.concurrent.CompletableFuture;

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

    /**
     * One page of {@link #listByContact(String)}, from {@code start}, at most {@code count} (1 to
     * 100) elements, completing on the client's executor.
     */
    public CompletableFuture<Page<Application>> listByContactPageAsync(String contactCrmId, int start, int count,
                                                             RequestOptions options) {
        return byContactPageAsync(contactCrmId, start, count, options);
    }
}
