package dev.crmconnect.sdk.privacy;

import dev.crmconnect.model.Application;
import dev.crmconnect.model.Contact;
import dev.crmconnect.model.EmailInteraction;
import dev.crmconnect.model.Note;
import dev.crmconnect.model.internal.Check;
import dev.crmconnect.sdk.CrmConnectClient;
import dev.crmconnect.sdk.exception.CrmConnectException;
import dev.crmconnect.sdk.exception.ErrorDetails;
import dev.crmconnect.sdk.RequestOptions;
import dev.crmconnect.sdk.internal.http.Futures;
import dev.crmconnect.sdk.internal.privacy.AsyncPages;
import dev.crmconnect.sdk.internal.privacy.PoolScan;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Reads back everything synced to LinkedIn for one contact (the contact, its notes, email
 * interactions, applications and pool memberships) as a {@link ContactBundle}, whose
 * {@link ContactBundle#writeJson} writes it as one JSON document. Read-only: it never writes or
 * deletes. Any failed call fails the export: a partial bundle would misstate what is held.
 *
 * <p>Cost: as {@link ContactEraser} finds pool memberships, by listing every pool's members.
 * Thread-safe.
 */
public final class ContactExporter {

    private final CrmConnectClient client;
    private final Clock clock;

    private ContactExporter(CrmConnectClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    /**
     * An exporter reading through {@code client}, stamping bundles with the system clock.
     *
     * @param client the client of the contact's tenant
     * @return the exporter
     * @throws NullPointerException if {@code client} is null
     */
    public static ContactExporter of(CrmConnectClient client) {
        return of(client, Clock.systemUTC());
    }

    /**
     * An exporter reading through {@code client} and stamping bundles with {@code clock}'s time.
     *
     * @param client the client of the contact's tenant
     * @param clock the clock that gives {@link ContactBundle#exportedAt()}
     * @return the exporter
     * @throws NullPointerException if an argument is null
     */
    public static ContactExporter of(CrmConnectClient client, Clock clock) {
        return new ContactExporter(Objects.requireNonNull(client, "client must not be null"),
                Objects.requireNonNull(clock, "clock must not be null"));
    }

    /**
     * Everything synced for the contact {@code contactCrmId}.
     *
     * @param contactCrmId the contact's crmId, 1 to 64 characters
     * @return the bundle; {@link ContactBundle#isEmpty()} when LinkedIn holds nothing for the contact
     * @throws IllegalArgumentException before any call, when the crmId is not a valid one
     * @throws CrmConnectException when a call fails
     */
    public ContactBundle export(String contactCrmId) {
        return Futures.await(exportAsync(contactCrmId, RequestOptions.defaults()));
    }

    /**
     * {@link #export(String)} with options on every call, completing on the client's executor.
     *
     * @param contactCrmId the contact's crmId, 1 to 64 characters
     * @param options the options for every call; not null, {@link RequestOptions#defaults()} for none
     * @return a future of the bundle; it fails with what {@link #export(String)} would throw
     */
    public CompletableFuture<ContactBundle> exportAsync(String contactCrmId, RequestOptions options) {
        try {
            Check.requiredId("contactCrmId", contactCrmId);
            Objects.requireNonNull(options, "options must not be null");
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<Contact> contact = Futures.map(client.contacts().getAsync(List.of(contactCrmId), options),
                got -> got.found().get(contactCrmId));
        CompletableFuture<List<Note>> notes = AsyncPages.all(
                client.notes().listByContactAsync(contactCrmId, options));
        CompletableFuture<List<EmailInteraction>> emails = AsyncPages.all(
                client.emailInteractions().listByContactAsync(contactCrmId, options));
        CompletableFuture<List<Application>> applications = AsyncPages.all(
                client.applications().listByContactAsync(contactCrmId, options));
        CompletableFuture<List<PoolMembership>> memberships = Futures.map(
                PoolScan.scan(client, contactCrmId, options), ContactExporter::completeScan);
        return Futures.map(CompletableFuture.allOf(contact, notes, emails, applications, memberships),
                done -> new ContactBundle(client.integrationContext(), contactCrmId, clock.instant(), contact.join(),
                        notes.join(), emails.join(), applications.join(), memberships.join()));
    }

    private static List<PoolMembership> completeScan(PoolScan.Result scan) {
        if (!scan.failures().isEmpty()) {
            PoolScan.Failure first = scan.failures().get(0);
            CrmConnectException failure = first.cause() != null ? first.cause()
                    : new CrmConnectException("pool " + first.poolCrmId() + ": " + first.message(),
                    ErrorDetails.none(), null);
            scan.failures().stream().skip(1).map(PoolScan.Failure::cause).filter(Objects::nonNull)
                    .filter(cause -> cause != failure).forEach(failure::addSuppressed);
            throw failure;
        }
        return scan.memberships();
    }

    @Override
    public String toString() {
        return "ContactExporter[" + client.integrationContext() + "]";
    }
}
