package dev.crmconnect.model.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hand-written URL, email and phone checks against reference implementations of the same
 * rules (URI parsing, regular expressions, streams): on tricky cases and on random strings, they
 * must agree.
 */
class CheckFastPathTest {

    private static final String[] URLS = {
        "https://www.linkedin.com/in/jane-doe", "http://example.com", "HTTPS://EXAMPLE.COM/A?b=c#d",
        "https://a.b.c.example.org:8443/p;x=1/q?r=s&t=u%20v#frag", "https://example.com?x", "https://example.com#f",
        "https://example.com/%zz", "https://example.com/%4", "https://example.com/a#b#c", "https://exa_mple.com/",
        "https://-example.com", "https://example-.com", "https://example.com-", "https://1.2.3.4/", "https://1.2.3.x",
        "https://x.1", "https://example.com:", "https://example.com:123456", "https://example.com:80x",
        "https://user:pw@example.com/", "https://[::1]:8080/", "https://exämple.com/", "https://example.com/ä",
        "https://example.com/a b", "https://example.com/[x]", "https://example.com/?q=[x]", "https://", "http:/x.com",
        "ftp://example.com", "https://example..com", "https://.example.com", "https://example.com.", "mailto:a@b.c",
        "https://example.com/\"", "https://example.com/<a>", "https://example.com/{a}", "https://example.com/a|b",
        "https://example.com/a\\b", "https://example.com/a^b", "https://example.com/`", "https://ex:ample.com",
        "https://example.com:8080:9090/", "http://localhost", "http://localhost:8080/x", "https://a", "https://a-",
        "https://x.y-z.com/~user/*(1)!'$,;=+@:", "https://example.com/%41%2f", "https://example.com//double",
    };

    @Test
    void theUrlFastPathOnlyAcceptsWhatUriAccepts() {
        for (String url : URLS) {
            checkUrl(url);
        }
        Random random = new Random(7);
        String alphabet = "aZ09.-_:/?#%@[]!~*'();&=+$, \"<>{}|\\^`äé\u0001";
        String[] prefixes = {"http://", "https://", "HtTp://", "http:/", ""};
        for (int n = 0; n < 200_000; n++) {
            StringBuilder url = new StringBuilder(prefixes[random.nextInt(prefixes.length)]);
            int length = random.nextInt(24);
            for (int i = 0; i < length; i++) {
                url.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            checkUrl(url.toString());
        }
    }

    @Test
    void theUrlFastPathTakesTheUsualUrls() {
        for (String url : List.of("https://www.linkedin.com/in/jane-doe", "https://example.com/a/b?c=d&e=f#g",
                "http://localhost:8080/v2/crmContacts", "https://cdn.example.com/resumes/r%20-1.pdf")) {
            assertTrue(Check.isPlainHttpUrl(url), url);
        }
    }

    private static void checkUrl(String url) {
        if (Check.isPlainHttpUrl(url)) {
            assertTrue(Check.isHttpUrlByUri(url), () -> "the fast path accepted what URI refuses: " + url);
        }
    }

    private static final Pattern PHONE_CHARS = Pattern.compile("[0-9 +\\-().\\/]+");
    private static final String EMAIL_LOCAL_SYMBOLS = "!#$%&'*+/=?^_`{|}~-";

    @Test
    void phoneAndEmailChecksAgreeWithTheirReferences() {
        List<String> cases = new ArrayList<>(List.of("+44 (20) 7946-0958", "555.1234", "ext/12", "()", "+", "",
                "１２３", "12a", "jane@example.com", "j.a.n.e+tag@mail.example.co.uk", ".j@example.com",
                "j.@example.com", "j..a@example.com", "jane@example", "jane@-example.com", "jane@example-.com",
                "jane@exa_mple.com", "jäne@exämple.com", "@example.com", "a@b@c.com", "jane@.com", "jane@com.",
                "a".repeat(64) + "@example.com", "a".repeat(65) + "@example.com", "a@" + "b".repeat(63) + ".com",
                "a@" + "b".repeat(64) + ".com", "a@b.c", "\uD83D\uDE00@example.com", "a@\uD83D\uDE00.com",
                "a b@example.com", "a@b c.com", "a@1.2"));
        Random random = new Random(11);
        String alphabet = "aZ09.-_@+ ()/äé😀x";
        for (int n = 0; n < 100_000; n++) {
            StringBuilder value = new StringBuilder();
            int length = 1 + random.nextInt(16);
            for (int i = 0; i < length; i++) {
                value.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0,
                        random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
            }
            cases.add(value.toString());
        }
        for (String value : cases) {
            assertEquals(referencePhone(value), Check.isPhoneNumber(value), () -> "phone: " + value);
            assertEquals(referenceEmail(value), Check.isEmail(value), () -> "email: " + value);
        }
    }

    private static boolean referencePhone(String value) {
        return PHONE_CHARS.matcher(value).matches() && value.chars().anyMatch(c -> c >= '0' && c <= '9');
    }

    private static boolean referenceEmail(String value) {
        int at = value.indexOf('@');
        if (at < 1 || at != value.lastIndexOf('@')) {
            return false;
        }
        String local = value.substring(0, at);
        String domain = value.substring(at + 1);
        if (local.length() > 64 || local.startsWith(".") || local.endsWith(".") || local.contains("..")
                || !local.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || c == '.'
                        || EMAIL_LOCAL_SYMBOLS.indexOf(c) >= 0)) {
            return false;
        }
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
}
