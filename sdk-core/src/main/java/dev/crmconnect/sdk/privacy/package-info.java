/**
 * Privacy flows on top of the client: turning a 1-Click Export into a contact draft
 * ({@link dev.crmconnect.sdk.privacy.ExportImporter}), erasing a contact everywhere
 * ({@link dev.crmconnect.sdk.privacy.ContactEraser}), exporting everything synced for a contact as
 * one JSON document ({@link dev.crmconnect.sdk.privacy.ContactExporter}), and what GDPR data
 * requests ({@code client.dataRequests()}) take: the {@link dev.crmconnect.sdk.privacy.Confirmation}
 * of a deletion and the {@link dev.crmconnect.sdk.privacy.DataRequestPolling} of their wait.
 */
package dev.crmconnect.sdk.privacy;
