package dev.crmconnect.samples;

import dev.crmconnect.model.Application;
import dev.crmconnect.model.EmailInteraction;
import dev.crmconnect.model.Note;
import dev.crmconnect.model.Pool;
import dev.crmconnect.sdk.BatchResult;
import dev.crmconnect.sdk.CrmConnectClient;
import dev.crmconnect.sdk.RecordResult;
import java.util.List;
import java.util.function.Function;

/**
 * Erases one contact from CRM Connect everywhere it appears: its notes, email interactions,
 * applications and pool memberships, then the contact itself. The contact goes last, so that if
 * anything fails halfway the contact is still there to be found and the erasure is simply run
 * again (every step succeeds when there is nothing left to delete).
 */
final class ContactEraser {

    private final CrmConnectClient client;

    ContactEraser(CrmConnectClient client) {
        this.client = client;
    }

    /**
     * What one erasure removed.
     *
     * @param contactCrmId       the contact erased
     * @param notes              notes deleted
     * @param emailInteractions  email interactions deleted
     * @param applications       applications deleted
     * @param poolsCleared       pools whose membership of the contact was deleted (where it had one)
     */
    record Erasure(String contactCrmId, int notes, int emailInteractions, int applications, int poolsCleared) {

        /** For the audit trail: ids and counts, never a name. */
        String describe() {
            return "contact " + contactCrmId + " with " + count(notes, "note") + ", "
                    + count(emailInteractions, "email interaction") + ", " + count(applications, "application")
                    + "; pool memberships cleared in " + count(poolsCleared, "pool");
        }
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /**
     * Erases the contact {@code contactCrmId}.
     *
     * @throws IllegalStateException when a record could not be deleted (the poller then retries)
     */
    Erasure erase(String contactCrmId) {
        List<String> notes = client.notes().listByContact(contactCrmId).stream().map(Note::crmId).toList();
        deleteAll("notes", notes, client.notes()::delete);

        List<String> emails = client.emailInteractions().listByContact(contactCrmId).stream()
                .map(EmailInteraction::crmId).toList();
        deleteAll("email interactions", emails, client.emailInteractions()::delete);

        List<String> applications = client.applications().listByContact(contactCrmId).stream()
                .map(Application::crmId).toList();
        deleteAll("applications", applications, client.applications()::delete);

        // There is no finder of a contact's pools: delete the membership from each pool (a
        // membership that does not exist deletes fine). A CRM that knows the contact's pools
        // would name only those.
        int pools = 0;
        for (Pool pool : client.pools().list()) {
            deleteAll("pool membership", List.of(contactCrmId), client.pools().members(pool.crmId())::delete);
            pools++;
        }

        deleteAll("contact", List.of(contactCrmId), client.contacts()::delete);
        return new Erasure(contactCrmId, notes.size(), emails.size(), applications.size(), pools);
    }

    private static void deleteAll(String what, List<String> crmIds, Function<List<String>, BatchResult> delete) {
        if (crmIds.isEmpty()) {
            return;
        }
        BatchResult result = delete.apply(crmIds);
        if (!result.allSucceeded()) {
            RecordResult first = result.failed().get(0);
            throw new IllegalStateException("deleting " + what + " failed for " + result.failed().size()
                    + " records, first " + first.crmId() + ": " + first.message());
        }
    }
}
