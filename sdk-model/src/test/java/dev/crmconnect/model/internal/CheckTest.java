package dev.crmconnect.model.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CheckTest {

    @ParameterizedTest
    @ValueSource(strings = {"a@b.co", "first.last+tag@sub.example.com", "o'brien@example.ie", "jörg@exämple.de",
            "x_y-z@123.example", "user@xn--bcher-kva.example"})
    void acceptsEmailAddresses(String email) {
        assertEquals(email, Check.email("x.email", email));
    }

    @ParameterizedTest
    @ValueSource(strings = {"plainaddress", "@example.com", "jane@", "jane@localhost", "jane..doe@example.com",
            ".jane@example.com", "jane.@example.com", "a@b@example.com", "jane doe@example.com", "jane@-example.com",
            "jane@example-.com", "jane@example..com", "\"jane\"@example.com", "jane@exa_mple.com", "jane@example.com.",
            "jane(at)example.com"})
    void refusesWhatIsNotAnEmailAddress(String email) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Check.email("x.email", email));
        assertEquals("x.email: must be a syntactically valid email address", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {65})
    void refusesALocalPartLongerThan64(int length) {
        assertThrows(IllegalArgumentException.class, () -> Check.email("x.email", "a".repeat(length) + "@example.com"));
        assertEquals("a".repeat(64) + "@example.com", Check.email("x.email", "a".repeat(64) + "@example.com"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.com", "http://localhost:8080/x", "HTTPS://Example.com/a?b=c#d",
            "https://www.linkedin.com/in/zo%C3%AB"})
    void acceptsHttpUrls(String url) {
        assertEquals(url, Check.url("x.url", url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "/relative/path", "ftp://example.com/file", "mailto:jane@example.com",
            "https://", "https:///path", "http://exa mple.com", "javascript:alert(1)", "https://exa[mple.com"})
    void refusesWhatIsNotAnAbsoluteHttpUrl(String url) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Check.url("x.url", url));
        assertEquals("x.url: must be an absolute http or https URL", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"+1 (555) 010-0100", "555.0100", "020/7946 0958", "7"})
    void acceptsPhoneNumbers(String phone) {
        assertEquals(phone, Check.phone("x.phone", phone));
    }

    @ParameterizedTest
    @ValueSource(strings = {"call me", "+", "12 ext 3", "555\u00a00100", "０１２３"})
    void refusesWhatIsNotAPhoneNumber(String phone) {
        assertThrows(IllegalArgumentException.class, () -> Check.phone("x.phone", phone));
    }

    @ParameterizedTest
    @ValueSource(strings = {"urn:li:person:", "urn:li:person:a:b", "urn:li:person:" + "a", "URN:LI:PERSON:abc",
            "urn:li:person:abc "})
    void checksUrnIds(String urn) {
        if (urn.equals("urn:li:person:a")) {
            assertEquals(urn, Check.urn("x.member", urn, "person"));
        } else {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Check.urn("x.member", urn, "person"));
            assertEquals("x.member: must be a urn:li:person:<id> URN", e.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"urn:li:organization:1", "urn:li:organization:1234567890123456789"})
    void acceptsOrganizationUrns(String urn) {
        assertEquals(urn, Check.organizationUrn("x.integrationContext", urn));
    }

    @ParameterizedTest
    @ValueSource(strings = {"urn:li:organization:12345678901234567890", "urn:li:organization:-1", "urn:li:organization:1a"})
    void refusesOrganizationUrnsThatAreNotDigits(String urn) {
        assertThrows(IllegalArgumentException.class, () -> Check.organizationUrn("x.integrationContext", urn));
    }

    @Test
    void aVendorIdIsAtMost64AndAStoredIdAtMost255Characters() {
        assertEquals("x".repeat(64), Check.id("contact.crmId", "x".repeat(64)));
        assertEquals("contact.crmId: must be 1 to 64 characters",
                assertThrows(IllegalArgumentException.class, () -> Check.id("contact.crmId", "x".repeat(65))).getMessage());
        String member = "urn:li:person:" + "a".repeat(100);
        assertEquals(member, Check.storedId("member", member));
        assertEquals("x".repeat(255), Check.storedId("tenant", "x".repeat(255)));
        assertEquals("tenant: must be at most 255 characters",
                assertThrows(IllegalArgumentException.class, () -> Check.storedId("tenant", "x".repeat(256))).getMessage());
        assertEquals("tenant: is required",
                assertThrows(IllegalArgumentException.class, () -> Check.storedId("tenant", " ")).getMessage());
        assertEquals("tenant: is required",
                assertThrows(IllegalArgumentException.class, () -> Check.storedId("tenant", null)).getMessage());
    }

    @Test
    void aPositiveDurationIsLongerThanZero() {
        assertEquals(Duration.ofMillis(1), Check.positive("ttl", Duration.ofMillis(1)));
        assertEquals("ttl: must be positive",
                assertThrows(IllegalArgumentException.class, () -> Check.positive("ttl", Duration.ZERO)).getMessage());
        assertEquals("ttl: is required",
                assertThrows(IllegalArgumentException.class, () -> Check.positive("ttl", null)).getMessage());
        assertEquals("pageSize: must be between 1 and 100",
                assertThrows(IllegalArgumentException.class, () -> Check.between("pageSize", 101, 1, 100)).getMessage());
    }

    @Test
    void problemsNameEveryFailureInOneException() {
        Check.Problems problems = new Check.Problems("invalid poller configuration");
        assertEquals("h-1", problems.check(() -> Check.storedId("handlerId", "h-1")));
        problems.check(() -> Check.storedId("tenant", ""));
        problems.check(() -> Check.positive("ttl", Duration.ofSeconds(-1)));
        problems.add("pollInterval", "must not exceed ttl");
        assertEquals(List.of("tenant: is required", "ttl: must be positive", "pollInterval: must not exceed ttl"),
                problems.messages());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, problems::throwIfAny);
        assertEquals("invalid poller configuration: tenant: is required; ttl: must be positive;"
                + " pollInterval: must not exceed ttl", e.getMessage());
        new Check.Problems("nothing wrong").throwIfAny();
    }
}
