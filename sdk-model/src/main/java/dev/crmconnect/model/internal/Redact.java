package dev.crmconnect.model.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Renders personal data so that {@code toString()} and log lines never carry it in full: emails
 * keep their first letter and domain, phone numbers their last two digits, names their first
 * letter, free text only its length, URLs only their origin. Internal: not part of the public API.
 */
public final class Redact {

    private static final String MASK = "***";
    private static final Set<String> DOCUMENT_EXTENSIONS =
            Set.of("pdf", "doc", "docx", "odt", "rtf", "txt", "htm", "html", "md", "png", "jpg", "jpeg");

    private Redact() {
    }

    /** {@code jane@example.com} as {@code j***@example.com}. */
    public static String email(String value) {
        if (value == null) {
            return null;
        }
        int at = value.lastIndexOf('@');
        return at < 1 ? MASK : firstCodePoint(value) + MASK + value.substring(at);
    }

    /** Every address of a list redacted by {@link #email(String)}. */
    public static List<String> emails(List<String> values) {
        return values == null ? null : values.stream().map(Redact::email).toList();
    }

    /** {@code Jane} as {@code J***}; also for other short personal strings such as a street. */
    public static String name(String value) {
        if (value == null) {
            return null;
        }
        return value.isEmpty() ? value : firstCodePoint(value) + MASK;
    }

    /** {@code +44 20 7946 0958} as {@code ***58}. */
    public static String phone(String value) {
        if (value == null) {
            return null;
        }
        String digits = value.replaceAll("[^0-9]", "");
        return digits.length() < 2 ? MASK : MASK + digits.substring(digits.length() - 2);
    }

    /** Free text as its length only, for example {@code <42 chars>}. */
    public static String text(String value) {
        return value == null ? null : "<" + value.codePointCount(0, value.length()) + " chars>";
    }

    /** A URL as its origin only: {@code https://www.linkedin.com/***}. */
    public static String url(String value) {
        if (value == null) {
            return null;
        }
        try {
            URI uri = new URI(value);
            if (uri.getScheme() != null && uri.getHost() != null) {
                return uri.getScheme() + "://" + uri.getHost() + "/" + MASK;
            }
        } catch (URISyntaxException e) {
            // Not a URL: nothing of it is shown.
        }
        return MASK;
    }

    /**
     * A file name as its extension only, {@code Jane_Doe_CV.pdf} as {@code ***.pdf}, when that is a
     * common document extension; anything else after a dot may be part of a name ({@code Jane.Doe}).
     */
    public static String fileName(String value) {
        if (value == null) {
            return null;
        }
        int dot = value.lastIndexOf('.');
        String extension = dot < 0 ? "" : value.substring(dot + 1).toLowerCase(Locale.ROOT);
        return DOCUMENT_EXTENSIONS.contains(extension) ? MASK + "." + extension : MASK;
    }

    /**
     * A record's description in the style of {@code Record.toString()}, {@code Type[a=1, b=2]},
     * from alternating names and values that the caller has already redacted; null values and
     * empty collections are left out.
     */
    public static String describe(String type, Object... namesAndValues) {
        StringBuilder out = new StringBuilder(type).append('[');
        String separator = "";
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            if (value == null || value instanceof Collection<?> c && c.isEmpty()) {
                continue;
            }
            out.append(separator).append(namesAndValues[i]).append('=').append(value);
            separator = ", ";
        }
        return out.append(']').toString();
    }

    private static String firstCodePoint(String value) {
        return new String(Character.toChars(value.codePointAt(0)));
    }
}
