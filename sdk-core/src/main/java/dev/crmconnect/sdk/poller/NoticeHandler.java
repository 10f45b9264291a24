package dev.crmconnect.sdk.poller;

import dev.crmconnect.model.DeletionNotice;

/**
 * The customer's decision for one deletion notice: delete the member's data, retain it for a
 * reason, or flag it for review. A notice may reach the handler more than once (after a crash
 * between the handler's work and the decision's recording), so the handler should be idempotent;
 * once a decision is recorded the notice never reaches it again. It is called for several tenants
 * at once (up to the poller's parallelism), one notice at a time per tenant, so it must be
 * thread-safe.
 */
@FunctionalInterface
public interface NoticeHandler {

    /**
     * Decides {@code notice}. Throwing counts as a failed attempt: the poller retries with
     * backoff, then parks the notice and retries it on later polls.
     *
     * @param notice the notice to decide
     * @return the decision to record; not null
     * @throws Exception if the notice could not be handled this time; the poller retries it
     */
    Decision handle(DeletionNotice notice) throws Exception;
}
