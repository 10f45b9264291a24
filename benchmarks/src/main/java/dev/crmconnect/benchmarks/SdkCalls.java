package dev.crmconnect.benchmarks;

import dev.crmconnect.model.Contact;
import dev.crmconnect.model.DeletionNotice;
import dev.crmconnect.sdk.CrmConnectClient;
import java.time.Instant;
import java.util.List;

/**
 * The SDK's typed resources as the scenarios call them, in one place: the scenarios that need
 * them say "not available" until they are in the build.
 */
final class SdkCalls {

    private SdkCalls() {
    }

    /** Why the typed resources cannot be called, or null when they can. */
    static String unavailableBecause() {
        return "the typed resources (client.contacts(), client.deletionNotices()) are not in this build";
    }

    /** {@code client.contacts().upsert(contacts)}; returns the number of records stored. */
    static int upsert(CrmConnectClient client, List<Contact> contacts) {
        throw new UnsupportedOperationException(unavailableBecause());
    }

    /** {@code client.deletionNotices().list(since)}: every notice published after {@code since}, lazily. */
    static Iterable<DeletionNotice> notices(CrmConnectClient client, Instant since) {
        throw new UnsupportedOperationException(unavailableBecause());
    }
}
