package dev.crmconnect.testkit.internal;

/** An entity the model refuses; the message names the field and the rule. */
final class InvalidEntityException extends RuntimeException {

    InvalidEntityException(String message) {
        super(message, null, false, false);
    }
}
