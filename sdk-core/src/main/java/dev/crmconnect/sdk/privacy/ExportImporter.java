package dev.crmconnect.sdk.privacy;

import dev.crmconnect.model.internal.Check;
import dev.crmconnect.sdk.CrmConnectClient;
import dev.crmconnect.sdk.RequestOptions;
import dev.crmconnect.sdk.internal.http.Futures;
import dev.crmconnect.sdk.internal.privacy.AsyncPages;
import dev.crmconnect.sdk.webhook.WebhookEvent;
import dev.crmconnect.sdk.webhook.WebhookEventType;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Turns a verified {@code EXPORT_CANDIDATE_PROFILE} push into contact drafts: fetches the exported
 * candidate with {@code exportedCandidates().listByRequest(requestId)} and drafts a contact from it.
 *
 * <pre>{@code
 * ExportImporter importer = ExportImporter.of(client);
 * WebhookReceiver receiver = WebhookReceiver.builder()
 *         .clientSecret(clientSecret)
 *         .handler(event -> {
 *             if (event.type() == WebhookEventType.EXPORT_CANDIDATE_PROFILE) {
 *                 for (ContactDraft draft : importer.draftsFor(event)) {
 *                     crm.createCandidate(draft.contact(), draft.destination());
 *                 }
 *             }
 *         })
 *         .build();
 * }</pre>
 * Thread-safe.
 */
public final class ExportImporter {

    private final CrmConnectClient client;

    private ExportImporter(CrmConnectClient client) {
        this.client = client;
    }

    /**
     * An importer fetching with {@code client}, the client of the tenant the pushes are for.
     *
     * @param client the client of the pushes' tenant
     * @return the importer
     * @throws NullPointerException if {@code client} is null
     */
    public static ExportImporter of(CrmConnectClient client) {
        return new ExportImporter(Objects.requireNonNull(client, "client must not be null"));
    }

    /**
     * The drafts of the candidates the export delivered (usually one; none when the member has
     * deleted their account since).
     *
     * @param event a verified push, as a {@link dev.crmconnect.sdk.webhook.WebhookReceiver} handler receives it
     * @return the drafts, usually one; empty when the member has deleted their account since
     * @throws dev.crmconnect.sdk.exception.CrmConnectException if fetching the candidates fails
     * @throws IllegalArgumentException before any call, when the event is not an
     *     {@code EXPORT_CANDIDATE_PROFILE} of this client's tenant
     */
    public List<ContactDraft> draftsFor(WebhookEvent event) {
        return Futures.await(draftsForAsync(event, RequestOptions.defaults()));
    }

    /**
     * {@link #draftsFor(WebhookEvent)}, completing on the client's executor.
     *
     * @param event a verified push of type {@code EXPORT_CANDIDATE_PROFILE} for this client's tenant
     * @param options the options for the call; not null, {@link RequestOptions#defaults()} for none
     * @return a future of the drafts; it fails with what {@link #draftsFor(WebhookEvent)} would throw
     */
    public CompletableFuture<List<ContactDraft>> draftsForAsync(WebhookEvent event, RequestOptions options) {
        try {
            check(event);
            Objects.requireNonNull(options, "options must not be null");
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return Futures.map(AsyncPages.all(client.exportedCandidates().listByRequestAsync(event.requestId(), options)),
                candidates -> candidates.stream().map(ContactDraft::of).toList());
    }

    private void check(WebhookEvent event) {
        Objects.requireNonNull(event, "event must not be null");
        if (event.type() != WebhookEventType.EXPORT_CANDIDATE_PROFILE) {
            throw Check.invalid("event.eventType", "must be EXPORT_CANDIDATE_PROFILE");
        }
        if (!client.integrationContext().equals(event.integrationContext())) {
            throw Check.invalid("event.integrationContext", "must be this client's tenant");
        }
    }

    @Override
    public String toString() {
        return "ExportImporter[" + client.integrationContext() + "]";
    }
}
