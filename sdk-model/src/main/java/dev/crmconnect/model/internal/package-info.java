/**
 * Helpers shared by the model's records: validation, redaction and enum lookup. Internal: not part
 * of the public API and may change in any release.
 */
package dev.crmconnect.model.internal;
