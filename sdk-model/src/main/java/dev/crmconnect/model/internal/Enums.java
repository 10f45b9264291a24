package dev.crmconnect.model.internal;

/**
 * Forward-compatible enums: the wire value of every constant is its name, and a value this SDK
 * version does not know reads as the constant {@code UNKNOWN}, which is never sent. Internal: not
 * part of the public API.
 */
public final class Enums {

    /** The name of the constant that stands for any value this SDK version does not know. */
    public static final String UNKNOWN = "UNKNOWN";

    private Enums() {
    }

    /** The constant for a wire value: null for null, {@code UNKNOWN} for a value not known here. */
    public static <E extends Enum<E>> E fromValue(Class<E> type, String value) {
        if (value == null) {
            return null;
        }
        E unknown = Enum.valueOf(type, UNKNOWN);
        for (E constant : type.getEnumConstants()) {
            if (constant != unknown && constant.name().equals(value)) {
                return constant;
            }
        }
        return unknown;
    }

    /** The wire value of a constant a builder was given; refuses {@code UNKNOWN}. */
    public static String sendable(String path, Enum<?> value) {
        return value == null ? null : sendable(path, value.name());
    }

    /** A raw wire value a builder was given; refuses {@code "UNKNOWN"}, which is no value to send. */
    public static String sendable(String path, String value) {
        if (UNKNOWN.equals(value)) {
            throw Check.invalid(path, "must not be UNKNOWN (a placeholder for values this SDK version does not know)");
        }
        return value;
    }
}
