package dev.crmconnect.model.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record component that holds personal data: a name, an email address, a phone number, a
 * street or postal code, a URL or file name that can point at a person, free text. The record's
 * {@code toString()} shows it only through {@link Redact}; the model's tests read this mark to
 * check that. Internal: not part of the public API.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Personal {
}
