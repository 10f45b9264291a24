package dev.crmconnect.testkit.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmconnect.model.Address;
import dev.crmconnect.model.Application;
import dev.crmconnect.model.Contact;
import dev.crmconnect.model.CrmUser;
import dev.crmconnect.model.DataCategory;
import dev.crmconnect.model.DataRequest;
import dev.crmconnect.model.DataRequestScope;
import dev.crmconnect.model.DataRequestType;
import dev.crmconnect.model.EmailInteraction;
import dev.crmconnect.model.Note;
import dev.crmconnect.model.Owner;
import dev.crmconnect.model.PhoneNumber;
import dev.crmconnect.model.Pool;
import dev.crmconnect.model.PoolMember;
import dev.crmconnect.model.PoolStep;
import dev.crmconnect.model.PoolType;
import dev.crmconnect.model.Resume;
import dev.crmconnect.model.ScopeType;
import dev.crmconnect.model.Vacancy;
import dev.crmconnect.model.VacancyStage;
import dev.crmconnect.sdk.BatchResult;
import dev.crmconnect.sdk.CrmConnectClient;
import dev.crmconnect.sdk.RecordResult;
import dev.crmconnect.testkit.FakeCrmConnect;
import dev.crmconnect.testkit.FakeCrmConnectExtension;
import dev.crmconnect.testkit.FakeTenant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed input, each refused before anything reaches the wire (the fake's journal stays
 * empty, not even a token request) with an exception naming the field and the rule, and never
 * echoing the value.
 */
class BadInputTest {

    private static final String ORG = "urn:li:organization:1001";

    @RegisterExtension
    static FakeCrmConnectExtension fake = FakeCrmConnectExtension.of(FakeCrmConnect.builder()
            .tenant(new FakeTenant("client-a", "secret-a", ORG)));

    private static CrmConnectClient client;

    @BeforeAll
    static void connect() {
        client = fake.server().client();
    }

    @AfterAll
    static void close() {
        client.close();
    }

    /**
     * One malformed input.
     *
     * @param name    what is wrong
     * @param action  builds the input and hands it to the client
     * @param message the exact message expected
     * @param value   a part of the bad value that the message must not repeat, or null
     */
    record Case(String name, Consumer<CrmConnectClient> action, String message, String value) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final String LONG_501 = "x".repeat(501);

    private static Contact.Builder contact() {
        return Contact.builder().crmId("c-1").firstName("Ada");
    }

    private static void upsert(CrmConnectClient c, Contact.Builder contact) {
        c.contacts().upsert(List.of(contact.build()));
    }

    private static Case contactCase(String name, Consumer<Contact.Builder> breakIt, String message, String value) {
        return new Case(name, c -> {
            Contact.Builder b = contact();
            breakIt.accept(b);
            upsert(c, b);
        }, message, value);
    }

    private static Case noteCase(String name, Consumer<Note.Builder> breakIt, String message, String value) {
        return new Case(name, c -> {
            Note.Builder b = Note.builder().crmId("n-1").contactId("c-1").content("ok");
            breakIt.accept(b);
            c.notes().upsert(List.of(b.build()));
        }, message, value);
    }

    private static Case poolCase(String name, Consumer<Pool.Builder> breakIt, String message, String value) {
        return new Case(name, c -> {
            Pool.Builder b = Pool.builder().crmId("p-1").title("Pool");
            breakIt.accept(b);
            c.pools().upsert(List.of(b.build()));
        }, message, value);
    }

    private static Case dataRequestCase(String name, Consumer<DataRequest.Builder> breakIt, String message,
                                        String value) {
        return new Case(name, c -> {
            DataRequest.Builder b = DataRequest.builder().type(DataRequestType.EXPORT)
                    .scope(DataRequestScope.builder().type(ScopeType.SEAT).seat("urn:li:seat:9").build())
                    .categories(DataCategory.NOTES);
            breakIt.accept(b);
            DataRequest request = b.build();
            c.dataRequests().requestExport(request.scope(), request.categories());
        }, message, value);
    }

    private static <T> List<T> times(int n, T value) {
        return new ArrayList<>(Collections.nCopies(n, value));
    }

    static List<Case> cases() {
        String emailRule = "must be a syntactically valid email address";
        String urlRule = "must be an absolute http or https URL";
        String phoneRule = "must be a phone number of digits, spaces and + - ( ) . /";
        return List.of(
                // contact: names
                contactCase("null first name", b -> b.firstName(null), "contact.firstName: is required", null),
                contactCase("blank first name", b -> b.firstName(" \t "), "contact.firstName: is required", null),
                contactCase("oversize first name", b -> b.firstName(LONG_501),
                        "contact.firstName: must be at most 500 characters", LONG_501),
                contactCase("bell in first name", b -> b.firstName("Ada\u0007"),
                        "contact.firstName: must not contain control characters", "Ada"),
                contactCase("line break in a one-line field", b -> b.firstName("Ada\nLovelace"),
                        "contact.firstName: must not contain control characters", "Lovelace"),
                contactCase("unpaired high surrogate", b -> b.lastName("Lov\uD83Delace"),
                        "contact.lastName: must not contain unpaired surrogates", "Lov"),
                contactCase("unpaired low surrogate", b -> b.lastName("\uDE00Lovelace"),
                        "contact.lastName: must not contain unpaired surrogates", "Lovelace"),
                contactCase("escape sequence in a title", b -> b.currentJobTitle("\u001B[31mred"),
                        "contact.currentJobTitle: must not contain control characters", "red"),
                contactCase("NUL in a company", b -> b.currentCompanyName("Acme\u0000"),
                        "contact.currentCompanyName: must not contain control characters", "Acme"),
                // contact: emails
                contactCase("email without @", b -> b.emailAddresses("ada.example.com"),
                        "contact.emailAddresses[0]: " + emailRule, "ada.example"),
                contactCase("email without a dotted domain", b -> b.emailAddresses("ok@example.com", "ada@localhost"),
                        "contact.emailAddresses[1]: " + emailRule, "localhost"),
                contactCase("email with two dots", b -> b.emailAddresses("ada..l@example.com"),
                        "contact.emailAddresses[0]: " + emailRule, "ada..l"),
                contactCase("email with two @", b -> b.emailAddresses("ada@b@example.com"),
                        "contact.emailAddresses[0]: " + emailRule, "ada@b"),
                contactCase("email with a space", b -> b.emailAddresses("ada lovelace@example.com"),
                        "contact.emailAddresses[0]: " + emailRule, "lovelace"),
                contactCase("oversize email", b -> b.emailAddresses("a".repeat(250) + "@example.com"),
                        "contact.emailAddresses[0]: must be at most 254 characters", "aaaaaaaaaa"),
                contactCase("null email", b -> b.emailAddresses(Arrays.asList("ok@example.com", null)),
                        "contact.emailAddresses[1]: must not be null", null),
                contactCase("51 emails", b -> b.emailAddresses(IntStream.range(0, 51).mapToObj(i -> "a" + i + "@example.com")
                        .toList()), "contact.emailAddresses: must have at most 50 elements", "a50@"),
                // contact: phones
                contactCase("words for a phone number", b -> b.phoneNumbers(PhoneNumber.builder().number("call me")
                        .build()), "phoneNumber.number: " + phoneRule, "call me"),
                contactCase("phone number without digits", b -> b.phoneNumbers(PhoneNumber.builder().number("+() -")
                        .build()), "phoneNumber.number: " + phoneRule, null),
                contactCase("missing phone number", b -> b.phoneNumbers(PhoneNumber.builder().extension("12").build()),
                        "phoneNumber.number: is required", null),
                contactCase("oversize phone number", b -> b.phoneNumbers(PhoneNumber.builder().number("1".repeat(51))
                        .build()), "phoneNumber.number: must be at most 50 characters", "1111111111"),
                contactCase("letters in an extension", b -> b.phoneNumbers(PhoneNumber.builder().number("555 0100")
                        .extension("ext. 12").build()), "phoneNumber.extension: " + phoneRule, "ext. 12"),
                contactCase("51 phone numbers", b -> b.phoneNumbers(times(51, PhoneNumber.builder().number("1").build())),
                        "contact.phoneNumbers: must have at most 50 elements", null),
                // contact: URLs
                contactCase("relative profile URL", b -> b.linkedInProfileUrl("linkedin.com/in/ada"),
                        "contact.linkedInProfileUrl: " + urlRule, "linkedin.com/in/ada"),
                contactCase("ftp profile URL", b -> b.linkedInProfileUrl("ftp://linkedin.com/in/ada"),
                        "contact.linkedInProfileUrl: " + urlRule, "ftp://"),
                contactCase("URL without a host", b -> b.linkedInProfileUrl("https:///in/ada"),
                        "contact.linkedInProfileUrl: " + urlRule, "/in/ada"),
                contactCase("javascript URL", b -> b.linkedInProfileUrl("javascript:alert(1)"),
                        "contact.linkedInProfileUrl: " + urlRule, "alert"),
                contactCase("URL with a space", b -> b.linkedInProfileUrl("https://www.linkedin.com/in/ada lovelace"),
                        "contact.linkedInProfileUrl: " + urlRule, "ada lovelace"),
                contactCase("oversize URL", b -> b.linkedInProfileUrl("https://example.com/" + "a".repeat(2030)),
                        "contact.linkedInProfileUrl: must be at most 2048 characters", "aaaaaaaaaa"),
                // contact: ids, resumes, addresses
                contactCase("empty crmId", b -> b.crmId(""), "contact.crmId: must be 1 to 64 characters", null),
                contactCase("oversize crmId", b -> b.crmId("c".repeat(65)),
                        "contact.crmId: must be 1 to 64 characters", "cccccccccc"),
                contactCase("control character in crmId", b -> b.crmId("c-1\r\n"),
                        "contact.crmId: must not contain control characters", null),
                contactCase("resume without URL", b -> b.resumes(Resume.builder().fileName("cv.pdf").build()),
                        "resume.url: is required", null),
                contactCase("resume with a bad media type", b -> b.resumes(Resume.builder().contentType("pdf")
                        .url("https://files.example.com/cv.pdf").build()),
                        "resume.contentType: must be a media type such as application/pdf", null),
                contactCase("resume of negative size", b -> b.resumes(Resume.builder().sizeBytes(-1)
                        .url("https://files.example.com/cv.pdf").build()), "resume.sizeBytes: must not be negative", null),
                contactCase("21 resumes", b -> b.resumes(times(21, Resume.builder().url("https://f.example.com/cv")
                        .build())), "contact.resumes: must have at most 20 elements", null),
                contactCase("oversize city", b -> b.addresses(Address.builder().city(LONG_501).build()),
                        "address.city: must be at most 500 characters", LONG_501),
                contactCase("51 addresses", b -> b.addresses(times(51, Address.builder().city("London").build())),
                        "contact.addresses: must have at most 50 elements", null),
                // pools, members, vacancies, applications
                poolCase("pool without title", b -> b.title(null), "pool.title: is required", null),
                poolCase("oversize pool title", b -> b.title("t".repeat(201)),
                        "pool.title: must be at most 200 characters", "tttttttttt"),
                poolCase("repeated step id", b -> b.steps(PoolStep.builder().stepId("s1").build(),
                        PoolStep.builder().stepId("s1").build()), "pool.steps[1].stepId: must be unique within the pool",
                        null),
                poolCase("negative step position", b -> b.steps(PoolStep.builder().stepId("s1").position(-1).build()),
                        "poolStep.position: must not be negative", null),
                poolCase("step without id", b -> b.steps(PoolStep.builder().name("Sourced").build()),
                        "poolStep.stepId: is required", null),
                poolCase("owner with a bad email", b -> b.owner(Owner.builder().emailAddress("olivia(at)vendor").build()),
                        "owner.emailAddress: " + emailRule, "olivia"),
                poolCase("UNKNOWN pool type", b -> b.poolType(PoolType.UNKNOWN),
                        "pool.poolType: must not be UNKNOWN (a placeholder for values this SDK version does not know)",
                        null),
                poolCase("501 steps", b -> b.steps(IntStream.range(0, 501).mapToObj(i -> PoolStep.builder()
                        .stepId("s" + i).build()).toList()), "pool.steps: must have at most 500 elements", null),
                new Case("pool member with an oversize step id", c -> c.pools().members("p-1").upsert(List.of(
                        PoolMember.builder().contactCrmId("c-1").stepId("s".repeat(65)).build())),
                        "poolMember.stepId: must be 1 to 64 characters", "ssssssssss"),
                new Case("vacancy with an oversize description", c -> c.vacancies().upsert(List.of(Vacancy.builder()
                        .crmId("v-1").title("Engineer").description("d".repeat(20_001)).build())),
                        "vacancy.description: must be at most 20000 characters", "dddddddddd"),
                new Case("vacancy with a blank skill", c -> c.vacancies().upsert(List.of(Vacancy.builder()
                        .crmId("v-1").title("Engineer").skills("Java", " ").build())),
                        "vacancy.skills[1]: is required", null),
                new Case("vacancy stage with an oversize id", c -> c.vacancies().upsert(List.of(Vacancy.builder()
                        .crmId("v-1").title("Engineer").stages(VacancyStage.builder().stageId("s".repeat(65)).build())
                        .build())), "vacancyStage.stageId: must be 1 to 64 characters", "ssssssssss"),
                new Case("application without contact", c -> c.applications().upsert(List.of(Application.builder()
                        .crmId("a-1").vacancyId("v-1").build())), "application.contactId: is required", null),
                new Case("application with an empty vacancy id", c -> c.applications().upsert(List.of(
                        Application.builder().crmId("a-1").contactId("c-1").vacancyId("").build())),
                        "application.vacancyId: must be 1 to 64 characters", null),
                // notes and email interactions
                noteCase("note without content", b -> b.content(null), "note.content: is required", null),
                noteCase("blank note", b -> b.content("\n\n "), "note.content: is required", null),
                noteCase("oversize note", b -> b.content("n".repeat(10_001)),
                        "note.content: must be at most 10000 characters", "nnnnnnnnnn"),
                noteCase("NUL in a note", b -> b.content("secret\u0000note"),
                        "note.content: must not contain control characters", "secret"),
                noteCase("unpaired surrogate in a note", b -> b.content("secret \uD800 note"),
                        "note.content: must not contain unpaired surrogates", "secret"),
                noteCase("note without contact", b -> b.contactId(null), "note.contactId: is required", null),
                noteCase("note author with a bad email", b -> b.author(CrmUser.builder().emailAddress("rita@").build()),
                        "crmUser.emailAddress: " + emailRule, "rita"),
                new Case("email interaction with an oversize contact id", c -> c.emailInteractions().upsert(List.of(
                        EmailInteraction.builder().crmId("e-1").contactId("c".repeat(65)).build())),
                        "emailInteraction.contactId: must be 1 to 64 characters", "cccccccccc"),
                // data requests
                dataRequestCase("data request without type", b -> b.type((DataRequestType) null),
                        "dataRequest.type: is required", null),
                dataRequestCase("data request without scope", b -> b.scope(null), "dataRequest.scope: is required", null),
                dataRequestCase("data request without categories", b -> b.categories(List.of()),
                        "dataRequest.categories: must not be empty", null),
                dataRequestCase("export of a deletion-only category", b -> b.categories(DataCategory.USER_INFORMATION),
                        "dataRequest.categories[0]: USER_INFORMATION can be deleted but not exported", null),
                dataRequestCase("unconfirmed deletion", b -> b.type(DataRequestType.DELETION),
                        "dataRequest.confirmIrreversible: must be true for a DELETION request (a deletion cannot be"
                                + " undone)", null),
                dataRequestCase("UNKNOWN category", b -> b.categories(DataCategory.NOTES, DataCategory.UNKNOWN),
                        "dataRequest.categories[1]: must not be UNKNOWN (a placeholder for values this SDK version does"
                                + " not know)", null),
                dataRequestCase("oversize category", b -> b.categoriesAsStrings(List.of("C".repeat(101))),
                        "dataRequest.categories[0]: must be at most 100 characters", "CCCCCCCCCC"),
                dataRequestCase("51 categories", b -> b.categories(times(51, DataCategory.NOTES)),
                        "dataRequest.categories: must have at most 50 elements", null),
                dataRequestCase("seat scope without seat", b -> b.scope(DataRequestScope.builder().type(ScopeType.SEAT)
                        .build()), "dataRequestScope.seat: is required", null),
                dataRequestCase("person URN for a seat", b -> b.scope(DataRequestScope.builder().type(ScopeType.SEAT)
                        .seat("urn:li:person:9").build()), "dataRequestScope.seat: must be a urn:li:seat:<id> URN",
                        "person:9"),
                dataRequestCase("contract URN without id", b -> b.scope(DataRequestScope.builder()
                        .type(ScopeType.CONTRACT).contract("urn:li:contract:").build()),
                        "dataRequestScope.contract: must be a urn:li:contract:<id> URN", null),
                dataRequestCase("URN id with a slash", b -> b.scope(DataRequestScope.builder().type(ScopeType.SEAT)
                        .seat("urn:li:seat:9/../1").build()), "dataRequestScope.seat: must be a urn:li:seat:<id> URN",
                        "9/../1"),
                // arguments of the services
                new Case("manual match to an organization URN", c -> c.contacts().matchManually("c-1",
                        "urn:li:organization:1"), "contact.manualMatchedMember: must be a urn:li:person:<id> URN",
                        "organization:1"),
                new Case("manual match to nobody", c -> c.contacts().matchManually("c-1", null),
                        "contact.manualMatchedMember: is required", null),
                new Case("get with an empty crmId", c -> c.contacts().get(List.of("c-1", "")),
                        "contact.crmIds[1]: must be 1 to 64 characters", null),
                new Case("delete with a null crmId", c -> c.pools().delete(Arrays.asList("p-1", null)),
                        "pool.crmIds[1]: is required", null),
                new Case("blank data request id", c -> c.dataRequests().get(" "), "dataRequest.id: is required", null),
                new Case("blank export request id", c -> c.exportedCandidates().listByRequest(""),
                        "exportedCandidate.requestId: is required", null),
                new Case("notes of an oversize contact id", c -> c.notes().listByContact("c".repeat(65)),
                        "note.contactId: must be 1 to 64 characters", "cccccccccc"),
                new Case("members of a pool with a control character", c -> c.pools().members("p\u00001"),
                        "recordKey.crmId: must not contain control characters", null));
    }

    @Test
    void thereAreAtLeastFiftyCases() {
        assertTrue(cases().size() >= 50, "cases: " + cases().size());
        assertEquals(cases().size(), cases().stream().map(Case::name).distinct().count(), "names are unique");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedBeforeTheWireNamingTheFieldAndTheRule(Case c) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.action().accept(client));
        assertEquals(c.message(), e.getMessage());
        if (c.value() != null) {
            assertFalse(e.getMessage().contains(c.value()), "the message repeats the value: " + e.getMessage());
        }
        assertEquals(List.of(), fake.server().journal(), "nothing reached the fake");
    }

    @Test
    void recordsWithoutAnIdOrNullRecordsFailAloneWithoutBeingSent() {
        BatchResult result = client.contacts().upsert(Arrays.asList(Contact.builder().firstName("Ada").build(), null));
        List<RecordResult> results = result.results();
        assertEquals("contact.crmId: is required to upsert", results.get(0).message());
        assertEquals("records[1]: must not be null", results.get(1).message());
        assertEquals(0, results.get(0).status(), "never sent");
        assertEquals(List.of(), fake.server().journal(), "nothing reached the fake");
    }
}
