package dev.crmconnect.model.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * The validation rules of the model. Every failure is an {@link IllegalArgumentException} whose
 * message is {@code "<path>: <rule>"}, for example {@code "pool.title: must be at most 200 characters"}.
 * Lengths count Unicode code points. Internal: not part of the public API.
 */
public final class Check {

    /** Default cap for a short string the contract gives no limit for. */
    public static final int SHORT_TEXT = 500;
    /** A vendor's id ({@code crmId} and the ids that point at one): 1 to 64 characters. */
    public static final int ID_LENGTH = 64;
    /** Pool and vacancy titles (CONTRACT.md). */
    public static final int TITLE = 200;
    /** A note's content (CONTRACT.md). */
    public static final int NOTE_CONTENT = 10_000;
    /** A vacancy's description. */
    public static final int DESCRIPTION = 20_000;
    /** URLs. */
    public static final int URL = 2_048;
    /** Email addresses (the longest address SMTP can carry). */
    public static final int EMAIL = 254;
    /** Phone numbers and extensions. */
    public static final int PHONE = 50;
    /** A raw enum value, known or not. */
    public static final int ENUM_VALUE = 100;
    /** Email addresses, phone numbers and addresses per contact. */
    public static final int MAX_CONTACT_DETAILS = 50;
    /** Resumes per contact. */
    public static final int MAX_RESUMES = 20;
    /** Steps per pool, stages and skills per vacancy. */
    public static final int MAX_ITEMS = 500;
    /** Export request ids per deletion notice. */
    public static final int MAX_EXPORT_REQUEST_IDS = 1_000;
    /** Categories per data request (there are 14 today). */
    public static final int MAX_CATEGORIES = 50;

    private static final Pattern PHONE_CHARS = Pattern.compile("[0-9 +\\-().\\/]+");
    private static final Pattern MEDIA_TYPE =
            Pattern.compile("[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*(\\s*;.*)?");
    private static final Pattern ORGANIZATION_URN = Pattern.compile("urn:li:organization:[0-9]{1,19}");
    private static final Pattern URN_ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");
    private static final String EMAIL_LOCAL_SYMBOLS = "!#$%&'*+/=?^_`{|}~-";

    private Check() {
    }

    /** The exception for a value at {@code path} that breaks {@code rule}. */
    public static IllegalArgumentException invalid(String path, String rule) {
        return new IllegalArgumentException(path + ": " + rule);
    }

    /** {@code value}, which must not be null. */
    public static <T> T required(String path, T value) {
        if (value == null) {
            throw invalid(path, "is required");
        }
        return value;
    }

    /** A single-line string of at most {@code max} characters, or null. */
    public static String text(String path, String value, int max) {
        return checkText(path, value, max, false);
    }

    /** A required, non-blank single-line string of at most {@code max} characters. */
    public static String requiredText(String path, String value, int max) {
        return text(path, requireNonBlank(path, value), max);
    }

    /** Free text of at most {@code max} characters that may keep line breaks and tabs, or null. */
    public static String multiline(String path, String value, int max) {
        return checkText(path, value, max, true);
    }

    /** Required, non-blank free text of at most {@code max} characters. */
    public static String requiredMultiline(String path, String value, int max) {
        return multiline(path, requireNonBlank(path, value), max);
    }

    /** A vendor's id of 1 to 64 characters (any Unicode but control characters), or null. */
    public static String id(String path, String value) {
        if (value == null) {
            return null;
        }
        checkCharacters(path, value, false);
        int length = value.codePointCount(0, value.length());
        if (length < 1 || length > ID_LENGTH) {
            throw invalid(path, "must be 1 to " + ID_LENGTH + " characters");
        }
        return value;
    }

    /** A required vendor id of 1 to 64 characters. */
    public static String requiredId(String path, String value) {
        return id(path, required(path, value));
    }

    /** A syntactically valid email address, or null. */
    public static String email(String path, String value) {
        text(path, value, EMAIL);
        if (value != null && !isEmail(value)) {
            throw invalid(path, "must be a syntactically valid email address");
        }
        return value;
    }

    /** An absolute {@code http} or {@code https} URL, or null. */
    public static String url(String path, String value) {
        text(path, value, URL);
        if (value != null && !isHttpUrl(value)) {
            throw invalid(path, "must be an absolute http or https URL");
        }
        return value;
    }

    /** A phone number: digits, spaces and {@code + - ( ) . /}, with at least one digit, or null. */
    public static String phone(String path, String value) {
        text(path, value, PHONE);
        if (value != null && (!PHONE_CHARS.matcher(value).matches() || value.chars().noneMatch(Check::isAsciiDigit))) {
            throw invalid(path, "must be a phone number of digits, spaces and + - ( ) . /");
        }
        return value;
    }

    /** A media type such as {@code application/pdf}, or null. */
    public static String mediaType(String path, String value) {
        text(path, value, SHORT_TEXT);
        if (value != null && !MEDIA_TYPE.matcher(value).matches()) {
            throw invalid(path, "must be a media type such as application/pdf");
        }
        return value;
    }

    /** An {@code urn:li:organization:<digits>} URN, or null. */
    public static String organizationUrn(String path, String value) {
        if (value != null && !ORGANIZATION_URN.matcher(value).matches()) {
            throw invalid(path, "must be a urn:li:organization:<digits> URN");
        }
        return value;
    }

    /**
     * An {@code urn:li:<type>:<id>} URN whose id is 1 to 100 of {@code A-Z a-z 0-9 _ -}, or null.
     */
    public static String urn(String path, String value, String type) {
        String prefix = "urn:li:" + type + ":";
        boolean valid = value == null
                || value.startsWith(prefix) && URN_ID.matcher(value.substring(prefix.length())).matches();
        if (!valid) {
            throw invalid(path, "must be a " + prefix + "<id> URN");
        }
        return value;
    }

    /** A number that must not be negative. */
    public static long nonNegative(String path, long value) {
        if (value < 0) {
            throw invalid(path, "must not be negative");
        }
        return value;
    }

    /**
     * An immutable copy of {@code values} (null reads as empty) of at most {@code max} elements,
     * none of them null; {@code element} checks each one under {@code path[index]}.
     */
    public static <T> List<T> list(String path, List<T> values, int max, BiConsumer<String, T> element) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > max) {
            throw invalid(path, "must have at most " + max + " elements");
        }
        for (int i = 0; i < values.size(); i++) {
            T value = values.get(i);
            String elementPath = path + "[" + i + "]";
            if (value == null) {
                throw invalid(elementPath, "must not be null");
            }
            element.accept(elementPath, value);
        }
        return List.copyOf(values);
    }

    /** {@link #list(String, List, int, BiConsumer)} for elements that validate themselves. */
    public static <T> List<T> list(String path, List<T> values, int max) {
        return list(path, values, max, (elementPath, value) -> { });
    }

    /** A mutable copy of a builder's collection argument, null elements kept for the check. */
    public static <T> List<T> copy(Iterable<? extends T> values) {
        if (values == null) {
            return null;
        }
        List<T> copy = new ArrayList<>();
        values.forEach(copy::add);
        return copy;
    }

    private static String requireNonBlank(String path, String value) {
        if (value == null || value.isBlank()) {
            throw invalid(path, "is required");
        }
        return value;
    }

    private static String checkText(String path, String value, int max, boolean multiline) {
        if (value == null) {
            return null;
        }
        checkCharacters(path, value, multiline);
        if (value.codePointCount(0, value.length()) > max) {
            throw invalid(path, "must be at most " + max + " characters");
        }
        return value;
    }

    private static void checkCharacters(String path, String value, boolean multiline) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean pairStart = Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1));
            if (pairStart) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw invalid(path, "must not contain unpaired surrogates");
            } else if (Character.isISOControl(c) && !(multiline && (c == '\n' || c == '\r' || c == '\t'))) {
                throw invalid(path, "must not contain control characters");
            }
        }
    }

    // Deliberately simpler than RFC 5322: an unquoted local part and a dotted domain name,
    // letters may be any Unicode letters (RFC 6531).
    private static boolean isEmail(String value) {
        int at = value.indexOf('@');
        if (at < 1 || at != value.lastIndexOf('@')) {
            return false;
        }
        String local = value.substring(0, at);
        String domain = value.substring(at + 1);
        return isEmailLocalPart(local) && isDomainName(domain);
    }

    private static boolean isEmailLocalPart(String local) {
        if (local.length() > 64 || local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            return false;
        }
        return local.codePoints()
                .allMatch(c -> Character.isLetterOrDigit(c) || c == '.' || EMAIL_LOCAL_SYMBOLS.indexOf(c) >= 0);
    }

    private static boolean isDomainName(String domain) {
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")
                    || !label.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean http = scheme.equals("http") || scheme.equals("https");
            return http && uri.getHost() != null && !uri.getHost().isEmpty();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean isAsciiDigit(int c) {
        return c >= '0' && c <= '9';
    }
}
