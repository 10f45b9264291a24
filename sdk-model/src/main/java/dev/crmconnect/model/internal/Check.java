package dev.crmconnect.model.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The one validation helper of the SDK: the model's records, the client's and the poller's
 * settings. Every method takes the path or name of what it checks first, then the value. Every
 * failure is an {@link IllegalArgumentException} whose message is {@code "<path>: <rule>"}, for
 * example {@code "pool.title: must be at most 200 characters"}; it never echoes the value, which
 * may be personal data. Lengths count Unicode code points.
 *
 * <p>A record reports the first rule it finds broken. Code that checks several independent
 * settings at once (a builder's {@code build()}) gathers every failure in a {@link Problems} and
 * throws one exception naming them all.
 *
 * <p>Identifiers come in two lengths. A vendor's id ({@code crmId} and the ids that point at one)
 * is 1 to {@value #ID_LENGTH} characters, as the contract states ({@link #id}). Any other
 * identifier a store keeps (a tenant, a notice id, a member URN of up to 114 characters, a
 * handler or owner id) is not bounded by the contract and is 1 to {@value #STORED_ID_LENGTH}
 * non-blank characters ({@link #storedId}). Internal: not part of the public API.
 */
public final class Check {

    /** Default cap for a short string the contract gives no limit for. */
    public static final int SHORT_TEXT = 500;
    /** A vendor's id ({@code crmId} and the ids that point at one): 1 to 64 characters. */
    public static final int ID_LENGTH = 64;
    /**
     * Any other identifier a store keeps: a tenant, a notice id, a member URN, a handler or owner
     * id. The contract bounds none of them; 255 fits a {@code VARCHAR(255)} column.
     */
    public static final int STORED_ID_LENGTH = 255;
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

    private static final Pattern MEDIA_TYPE =
            Pattern.compile("[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*(\\s*;.*)?");
    private static final Pattern ORGANIZATION_URN = Pattern.compile("urn:li:organization:[0-9]{1,19}");
    private static final Pattern URN_ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");
    private static final String EMAIL_LOCAL_SYMBOLS = "!#$%&'*+/=?^_`{|}~-";
    private static final String PHONE_SYMBOLS = " +-()./";
    /** What {@link URI} accepts unescaped in a path, query and fragment, less {@code #}. */
    private static final String URL_SYMBOLS = "-_.!~*'();/?:@&=+$,";

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

    /**
     * A vendor's id of 1 to 64 characters (any Unicode but control characters), or null: the
     * contract's rule for {@code crmId}. Blank ids are allowed, as the contract does not refuse them.
     */
    public static String id(String path, String value) {
        if (value == null) {
            return null;
        }
        int length = checkCharacters(path, value, false);
        if (length < 1 || length > ID_LENGTH) {
            throw invalid(path, "must be 1 to " + ID_LENGTH + " characters");
        }
        return value;
    }

    /** A required vendor id of 1 to 64 characters. */
    public static String requiredId(String path, String value) {
        return id(path, required(path, value));
    }

    /**
     * A required identifier that is not a vendor's id (see {@link #STORED_ID_LENGTH}): not blank,
     * 1 to 255 characters, no control characters.
     */
    public static String storedId(String path, String value) {
        return requiredText(path, value, STORED_ID_LENGTH);
    }

    /** A required duration that must be longer than zero. */
    public static Duration positive(String path, Duration value) {
        if (required(path, value).isNegative() || value.isZero()) {
            throw invalid(path, "must be positive");
        }
        return value;
    }

    /** A number from {@code min} to {@code max}, both included. */
    public static long between(String path, long value, long min, long max) {
        if (value < min || value > max) {
            throw invalid(path, "must be between " + min + " and " + max);
        }
        return value;
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
        if (value != null && !isPhoneNumber(value)) {
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

    /**
     * Gathers the failures of several independent checks, so that one exception names them all:
     * <pre>{@code
     * Check.Problems problems = new Check.Problems("invalid poller configuration");
     * problems.check(() -> Check.storedId("handlerId", handlerId));
     * problems.check(() -> Check.positive("pollInterval", pollInterval));
     * problems.throwIfAny();
     * }</pre>
     * The exception's message is {@code "<subject>: <path>: <rule>; <path>: <rule>"}, problems in
     * the order found. Not thread-safe: one per check run.
     */
    public static final class Problems {
        private final String subject;
        private final List<String> messages = new ArrayList<>();

        /** Problems of {@code subject}, for example {@code "invalid CrmConnectClient configuration"}. */
        public Problems(String subject) {
            this.subject = subject;
        }

        /** Runs {@code check}; keeps its failure and returns null if it throws {@link IllegalArgumentException}. */
        public <T> T check(Supplier<T> check) {
            try {
                return check.get();
            } catch (IllegalArgumentException e) {
                messages.add(e.getMessage());
                return null;
            }
        }

        /** Records that the value at {@code path} breaks {@code rule}. */
        public void add(String path, String rule) {
            messages.add(invalid(path, rule).getMessage());
        }

        /** The messages gathered so far, in the order found. */
        public List<String> messages() {
            return List.copyOf(messages);
        }

        /** Throws one {@link IllegalArgumentException} naming every problem, if there is one. */
        public void throwIfAny() {
            if (!messages.isEmpty()) {
                throw new IllegalArgumentException(subject + ": " + String.join("; ", messages));
            }
        }
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
        if (checkCharacters(path, value, multiline) > max) {
            throw invalid(path, "must be at most " + max + " characters");
        }
        return value;
    }

    /** Checks every character and returns the length in code points, in one pass. */
    private static int checkCharacters(String path, String value, boolean multiline) {
        int codePoints = 0;
        for (int i = 0; i < value.length(); i++, codePoints++) {
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
        return codePoints;
    }

    // Deliberately simpler than RFC 5322: an unquoted local part and a dotted domain name,
    // letters may be any Unicode letters (RFC 6531).
    static boolean isEmail(String value) {
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
        for (int i = 0; i < local.length(); ) {
            int c = local.codePointAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '.' || EMAIL_LOCAL_SYMBOLS.indexOf(c) >= 0)) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    /** At least two dot-separated labels of 1 to 63 letters, digits and inner hyphens. */
    private static boolean isDomainName(String domain) {
        int labels = 0;
        int start = 0;
        while (true) {
            int dot = domain.indexOf('.', start);
            int end = dot < 0 ? domain.length() : dot;
            if (!isDomainLabel(domain, start, end)) {
                return false;
            }
            labels++;
            if (dot < 0) {
                return labels >= 2;
            }
            start = dot + 1;
        }
    }

    private static boolean isDomainLabel(String domain, int start, int end) {
        if (end == start || end - start > 63 || domain.charAt(start) == '-' || domain.charAt(end - 1) == '-') {
            return false;
        }
        for (int i = start; i < end; ) {
            int c = domain.codePointAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '-')) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    static boolean isPhoneNumber(String value) {
        boolean digit = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isAsciiDigit(c)) {
                digit = true;
            } else if (PHONE_SYMBOLS.indexOf(c) < 0) {
                return false;
            }
        }
        return digit;
    }

    private static boolean isHttpUrl(String value) {
        return isPlainHttpUrl(value) || isHttpUrlByUri(value);
    }

    /**
     * The common case, without parsing a {@link URI}: {@code http(s)://host[:port]} with a plain
     * DNS host name, then only characters that {@link URI} takes as they are, or {@code %XX}
     * escapes. True only for URLs {@link #isHttpUrlByUri} also accepts; false means "ask it".
     */
    static boolean isPlainHttpUrl(String value) {
        int start = value.regionMatches(true, 0, "http://", 0, 7) ? 7
                : value.regionMatches(true, 0, "https://", 0, 8) ? 8 : -1;
        if (start < 0) {
            return false;
        }
        int end = start;
        while (end < value.length() && "/?#".indexOf(value.charAt(end)) < 0) {
            end++;
        }
        int colon = value.indexOf(':', start);
        int hostEnd = colon >= 0 && colon < end ? colon : end;
        if (!isPlainHostName(value, start, hostEnd) || !isPort(value, hostEnd, end)) {
            return false;
        }
        boolean inFragment = false;
        for (int i = end; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%') {
                if (i + 2 >= value.length() || !isHexDigit(value.charAt(i + 1)) || !isHexDigit(value.charAt(i + 2))) {
                    return false;
                }
                i += 2;
            } else if (c == '#') {
                if (inFragment) {
                    return false;
                }
                inFragment = true;
            } else if (!isAsciiLetterOrDigit(c) && URL_SYMBOLS.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Labels of ASCII letters, digits and inner hyphens, the last beginning with a letter. */
    private static boolean isPlainHostName(String value, int start, int end) {
        int labelStart = start;
        for (int i = start; i <= end; i++) {
            if (i == end || value.charAt(i) == '.') {
                if (i == labelStart || value.charAt(labelStart) == '-' || value.charAt(i - 1) == '-') {
                    return false;
                }
                if (i == end && !isAsciiLetter(value.charAt(labelStart))) {
                    return false;
                }
                labelStart = i + 1;
            } else if (!isAsciiLetterOrDigit(value.charAt(i)) && value.charAt(i) != '-') {
                return false;
            }
        }
        return true;
    }

    /** Nothing, or a colon and 1 to 5 digits. */
    private static boolean isPort(String value, int start, int end) {
        if (start == end) {
            return true;
        }
        if (end - start < 2 || end - start > 6) {
            return false;
        }
        for (int i = start + 1; i < end; i++) {
            if (!isAsciiDigit(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The full rule: whatever {@link URI} parses as an http or https URL with a host. */
    static boolean isHttpUrlByUri(String value) {
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

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return isAsciiLetter(c) || isAsciiDigit(c);
    }

    private static boolean isHexDigit(char c) {
        return isAsciiDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
