package dev.crmconnect.benchmarks;

import dev.crmconnect.model.Contact;
import dev.crmconnect.model.DeletionNotice;
import dev.crmconnect.sdk.BatchResult;
import dev.crmconnect.sdk.CrmConnectClient;
import dev.crmconnect.sdk.RecordResult;
import dev.crmconnect.sdk.poller.NoticeFeed;
import java.time.Instant;
import java.util.List;

/** The SDK's typed resources as the scenarios call them, in one place. */
final class SdkCalls {

    private SdkCalls() {
    }

    /** Why the typed resources cannot be called, or null when they can. */
    static String unavailableBecause() {
        return null;
    }

    /** {@code client.contacts().upsert(contacts)}; returns the number of records stored. */
    static int upsert(CrmConnectClient client, List<Contact> contacts) {
        BatchResult result = client.contacts().upsert(contacts);
        return (int) result.count(RecordResult.Outcome.STORED);
    }

    /** {@code client.deletionNotices().list(since)}: every notice published after {@code since}, lazily. */
    static Iterable<DeletionNotice> notices(CrmConnectClient client, Instant since) {
        return client.deletionNotices().list(since);
    }

    /** {@code client.deletionNotices().feed()}: the tenant's feed for the poller. */
    static NoticeFeed feed(CrmConnectClient client) {
        return client.deletionNotices().feed();
    }
}
