package dev.crmconnect.sdk;

import dev.crmconnect.model.Contact;
import dev.crmconnect.model.internal.Check;
import dev.crmconnect.sdk.internal.http.ApiRequest;
import dev.crmconnect.sdk.internal.http.Futures;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Contacts ({@code /crmContacts}): upsert, get (with LinkedIn's {@code match}), delete, list, manual match. */
public final class ContactService extends ReadableRecords<Contact> {

    ContactService(ResourceContext context) {
        super(context, Routes.Resource.CONTACTS, "contact", Contact.class,
                (contact, crmId) -> contact.toBuilder().crmId(crmId).build());
    }

    /**
     * Matches the contact {@code crmId} to the LinkedIn member {@code memberUrn}
     * ({@code urn:li:person:...}) by hand: a BATCH_PARTIAL_UPDATE that sets
     * {@code manualMatchedMember}.
     *
     * @param crmId the contact's crmId, 1 to 64 characters
     * @param memberUrn the member, {@code urn:li:person:<id>}
     * @return the outcome: {@link RecordResult.Outcome#STORED}, or FAILED with the server's reason or the call's
     *     failure
     * @throws IllegalArgumentException if {@code crmId} or {@code memberUrn} is missing or malformed; nothing is sent
     */
    public RecordResult matchManually(String crmId, String memberUrn) {
        return Futures.await(matchManuallyAsync(crmId, memberUrn, RequestOptions.defaults()));
    }

    /**
     * {@link #matchManually(String, String)} with per-call options, completing on the client's executor.
     *
     * @param crmId the contact's crmId, 1 to 64 characters
     * @param memberUrn the member, {@code urn:li:person:<id>}
     * @param options the per-call options; not null, {@link RequestOptions#defaults()} for none
     * @return a future of the outcome; it fails only with an {@link IllegalArgumentException} for a missing or
     *     malformed argument
     */
    public CompletableFuture<RecordResult> matchManuallyAsync(String crmId, String memberUrn, RequestOptions options) {
        return guarded(() -> {
            String id = checkedIds(List.of(crmId)).get(0);
            Check.urn("contact.manualMatchedMember", Check.required("contact.manualMatchedMember", memberUrn), "person");
            Map<String, Object> patch = Map.of("patch", Map.of("$set", Map.of("manualMatchedMember", memberUrn)));
            BatchKeys batchKeys = batchKeys(List.of(id));
            ApiRequest request = ApiRequest.batchPartialUpdate(path, batchKeys.idsQuery(),
                    Map.of("entities", Map.of(batchKeys.bodyKey(0), patch)), 1, true).withRoute(route);
            RecordResult[] result = new RecordResult[1];
            return settle(request, List.of(0), List.of(id), batchKeys, RecordResult.Outcome.STORED, result, options,
                    false).thenApply(done -> result[0]);
        });
    }
}
