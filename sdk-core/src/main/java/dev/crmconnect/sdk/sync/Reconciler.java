package dev.crmconnect.sdk.sync;

import dev.crmconnect.model.Application;
import dev.crmconnect.model.Contact;
import dev.crmconnect.model.EmailInteraction;
import dev.crmconnect.model.Note;
import dev.crmconnect.model.Pool;
import dev.crmconnect.model.PoolMember;
import dev.crmconnect.model.Vacancy;
import dev.crmconnect.model.internal.Check;
import dev.crmconnect.sdk.CrmConnectClient;
import java.util.Objects;

/**
 * Reconciles the CRM's records with what LinkedIn holds, through one client (one tenant) and a
 * {@link SyncLedger}: a run sends the new and changed records, skips the unchanged ones, and,
 * given a full snapshot and an explicit opt-in, deletes the records the CRM no longer holds. A
 * re-sync of a million records of which 1% changed sends those 1%, so the quota goes to what
 * changed. Thread-safe; run one reconcile of a resource of a tenant at a time.
 */
public final class Reconciler {

    private final CrmConnectClient client;
    private final SyncLedger ledger;

    private Reconciler(CrmConnectClient client, SyncLedger ledger) {
        this.client = client;
        this.ledger = ledger;
    }

    /**
     * A reconciler sending through {@code client} and remembering in {@code ledger}.
     *
     * @param client the client of the tenant to reconcile
     * @param ledger the ledger; one may serve every tenant
     * @return the reconciler
     * @throws NullPointerException if an argument is null
     */
    public static Reconciler of(CrmConnectClient client, SyncLedger ledger) {
        return new Reconciler(Objects.requireNonNull(client, "client must not be null"),
                Objects.requireNonNull(ledger, "ledger must not be null"));
    }

    /**
     * Contacts ({@code /crmContacts}).
     *
     * @return the contacts' reconcile
     */
    public ResourceReconciler<Contact> contacts() {
        return resource(SyncResource.CONTACTS, null, "contact", new ResourceReconciler.Calls<>(
                (records, options) -> client.contacts().upsertAsync(records, options),
                (crmIds, options) -> client.contacts().deleteAsync(crmIds, options)));
    }

    /**
     * Pools ({@code /crmPools}).
     *
     * @return the pools' reconcile
     */
    public ResourceReconciler<Pool> pools() {
        return resource(SyncResource.POOLS, null, "pool", new ResourceReconciler.Calls<>(
                (records, options) -> client.pools().upsertAsync(records, options),
                (crmIds, options) -> client.pools().deleteAsync(crmIds, options)));
    }

    /**
     * The members of one pool ({@code /crmPools/{key}/members}); a full snapshot is that pool's
     * members.
     *
     * @param poolCrmId the pool's crmId, 1 to 64 characters
     * @return the pool members' reconcile
     * @throws IllegalArgumentException if {@code poolCrmId} is null, blank or longer than 64 characters
     */
    public ResourceReconciler<PoolMember> poolMembers(String poolCrmId) {
        Check.requiredId("poolCrmId", poolCrmId);
        return resource(SyncResource.POOL_MEMBERS, poolCrmId, "poolMember", new ResourceReconciler.Calls<>(
                (records, options) -> client.pools().members(poolCrmId).upsertAsync(records, options),
                (crmIds, options) -> client.pools().members(poolCrmId).deleteAsync(crmIds, options)));
    }

    /**
     * Vacancies ({@code /crmVacancies}).
     *
     * @return the vacancies' reconcile
     */
    public ResourceReconciler<Vacancy> vacancies() {
        return resource(SyncResource.VACANCIES, null, "vacancy", new ResourceReconciler.Calls<>(
                (records, options) -> client.vacancies().upsertAsync(records, options),
                (crmIds, options) -> client.vacancies().deleteAsync(crmIds, options)));
    }

    /**
     * Applications ({@code /crmApplications}).
     *
     * @return the applications' reconcile
     */
    public ResourceReconciler<Application> applications() {
        return resource(SyncResource.APPLICATIONS, null, "application", new ResourceReconciler.Calls<>(
                (records, options) -> client.applications().upsertAsync(records, options),
                (crmIds, options) -> client.applications().deleteAsync(crmIds, options)));
    }

    /**
     * Email interactions ({@code /crmEmailInteractions}).
     *
     * @return the email interactions' reconcile
     */
    public ResourceReconciler<EmailInteraction> emailInteractions() {
        return resource(SyncResource.EMAIL_INTERACTIONS, null, "emailInteraction", new ResourceReconciler.Calls<>(
                (records, options) -> client.emailInteractions().upsertAsync(records, options),
                (crmIds, options) -> client.emailInteractions().deleteAsync(crmIds, options)));
    }

    /**
     * Notes ({@code /crmNotes}).
     *
     * @return the notes' reconcile
     */
    public ResourceReconciler<Note> notes() {
        return resource(SyncResource.NOTES, null, "note", new ResourceReconciler.Calls<>(
                (records, options) -> client.notes().upsertAsync(records, options),
                (crmIds, options) -> client.notes().deleteAsync(crmIds, options)));
    }

    private <T extends dev.crmconnect.model.SyncedRecord> ResourceReconciler<T> resource(
            SyncResource resource, String poolCrmId, String entity, ResourceReconciler.Calls<T> calls) {
        return new ResourceReconciler<>(ledger.store(), client.integrationContext(),
                SyncLedger.scope(resource, poolCrmId), entity, calls);
    }

    @Override
    public String toString() {
        return "Reconciler[" + client.integrationContext() + ", " + ledger + "]";
    }
}
