/**
 * Privacy flows on top of the client: turning a 1-Click Export into a contact draft
 * ({@link dev.crmconnect.sdk.privacy.ExportImporter}), erasing a contact everywhere
 * ({@link dev.crmconnect.sdk.privacy.ContactEraser}), exporting everything synced for a contact as
 * one JSON document ({@link dev.crmconnect.sdk.privacy.ContactExporter}), and GDPR data requests
 * with their checks and a wait for completion ({@link dev.crmconnect.sdk.privacy.DataRequests}).
 */
package dev.crmconnect.sdk.privacy;
