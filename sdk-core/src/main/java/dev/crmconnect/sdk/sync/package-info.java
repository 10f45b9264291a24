/**
 * Sending only what changed: a {@link dev.crmconnect.sdk.sync.SyncLedger} remembers, per tenant,
 * resource and record key, a salted digest of the body LinkedIn last acknowledged, and a
 * {@link dev.crmconnect.sdk.sync.Reconciler} sends new and changed records, skips unchanged ones
 * and, given a full snapshot and an explicit opt-in, deletes records the CRM no longer holds.
 */
package dev.crmconnect.sdk.sync;
