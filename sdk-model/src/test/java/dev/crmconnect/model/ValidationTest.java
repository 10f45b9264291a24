package dev.crmconnect.model;

import static dev.crmconnect.model.Fixtures.application;
import static dev.crmconnect.model.Fixtures.contact;
import static dev.crmconnect.model.Fixtures.contractScope;
import static dev.crmconnect.model.Fixtures.crmUser;
import static dev.crmconnect.model.Fixtures.deletionNotice;
import static dev.crmconnect.model.Fixtures.deletionRequest;
import static dev.crmconnect.model.Fixtures.destination;
import static dev.crmconnect.model.Fixtures.emailInteraction;
import static dev.crmconnect.model.Fixtures.exportRequest;
import static dev.crmconnect.model.Fixtures.exportedCandidate;
import static dev.crmconnect.model.Fixtures.match;
import static dev.crmconnect.model.Fixtures.note;
import static dev.crmconnect.model.Fixtures.owner;
import static dev.crmconnect.model.Fixtures.phone;
import static dev.crmconnect.model.Fixtures.pool;
import static dev.crmconnect.model.Fixtures.poolMember;
import static dev.crmconnect.model.Fixtures.resume;
import static dev.crmconnect.model.Fixtures.seatScope;
import static dev.crmconnect.model.Fixtures.stage;
import static dev.crmconnect.model.Fixtures.step;
import static dev.crmconnect.model.Fixtures.vacancy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One row per rule and side: a record that must build, or one that must fail with exactly the
 * message naming the field and the rule.
 */
class ValidationTest {

    private static final String EMOJI = "\uD83D\uDE00";

    /** A case: {@code expected} is the failure message, or null when the record must build. */
    record Case(String name, String expected, Supplier<Object> build) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case ok(String name, Supplier<Object> build) {
        return new Case("ok: " + name, null, build);
    }

    static Case bad(String expected, Supplier<Object> build) {
        return new Case(expected, expected, build);
    }

    static String chars(int n) {
        return "x".repeat(n);
    }

    static List<String> emails(int n) {
        return IntStream.range(0, n).mapToObj(i -> "user" + i + "@example.com").toList();
    }

    static Stream<Case> contactCases() {
        return Stream.of(
                ok("a full contact", () -> contact().build()),
                ok("only a first name", () -> Contact.builder().firstName("J").build()),
                bad("contact.firstName: is required", () -> contact().firstName(null).build()),
                bad("contact.firstName: is required", () -> contact().firstName(" \t").build()),
                ok("500 characters", () -> contact().lastName(chars(500)).build()),
                ok("500 code points in 1,000 chars", () -> contact().lastName(EMOJI.repeat(500)).build()),
                bad("contact.lastName: must be at most 500 characters", () -> contact().lastName(chars(501)).build()),
                bad("contact.firstName: must not contain control characters", () -> contact().firstName("Ja\u0000ne").build()),
                bad("contact.firstName: must not contain control characters", () -> contact().firstName("Jane\n").build()),
                bad("contact.lastName: must not contain unpaired surrogates", () -> contact().lastName("Do\uD800e").build()),
                bad("contact.lastName: must not contain unpaired surrogates", () -> contact().lastName("Doe\uDE00").build()),
                ok("crmId of 64 code points", () -> contact().crmId(EMOJI.repeat(64)).build()),
                ok("crmId of any Unicode", () -> contact().crmId("Zoë (ä,b):c").build()),
                ok("no crmId (a body read from the wire)", () -> contact().crmId(null).build()),
                bad("contact.crmId: must be 1 to 64 characters", () -> contact().crmId(EMOJI.repeat(65)).build()),
                bad("contact.crmId: must be 1 to 64 characters", () -> contact().crmId("").build()),
                bad("contact.crmId: must not contain control characters", () -> contact().crmId("c\u001f").build()),
                ok("50 email addresses", () -> contact().emailAddresses(emails(50)).build()),
                bad("contact.emailAddresses: must have at most 50 elements", () -> contact().emailAddresses(emails(51)).build()),
                bad("contact.emailAddresses[1]: must be a syntactically valid email address",
                        () -> contact().emailAddresses("jane@example.com", "jane(at)example.com").build()),
                bad("contact.emailAddresses[0]: must not be null",
                        () -> contact().emailAddresses(Arrays.asList(null, "jane@example.com")).build()),
                ok("50 phone numbers", () -> contact().phoneNumbers(Collections.nCopies(50, phone().build())).build()),
                bad("contact.phoneNumbers: must have at most 50 elements",
                        () -> contact().phoneNumbers(Collections.nCopies(51, phone().build())).build()),
                bad("contact.phoneNumbers[0]: must not be null", () -> contact().phoneNumbers((PhoneNumber) null).build()),
                bad("contact.addresses: must have at most 50 elements",
                        () -> contact().addresses(Collections.nCopies(51, Fixtures.address().build())).build()),
                ok("an http profile URL", () -> contact().linkedInProfileUrl("http://www.linkedin.com/in/x").build()),
                bad("contact.linkedInProfileUrl: must be an absolute http or https URL",
                        () -> contact().linkedInProfileUrl("www.linkedin.com/in/jane").build()),
                bad("contact.linkedInProfileUrl: must be an absolute http or https URL",
                        () -> contact().linkedInProfileUrl("ftp://www.linkedin.com/in/jane").build()),
                ok("20 resumes", () -> contact().resumes(Collections.nCopies(20, resume().build())).build()),
                bad("contact.resumes: must have at most 20 elements",
                        () -> contact().resumes(Collections.nCopies(21, resume().build())).build()));
    }

    static Stream<Case> contactPartCases() {
        return Stream.of(
                ok("a phone number without extension", () -> PhoneNumber.builder().number("(555) 010-0100").build()),
                bad("phoneNumber.number: is required", () -> phone().number(null).build()),
                bad("phoneNumber.number: must be a phone number of digits, spaces and + - ( ) . /",
                        () -> phone().number("call after 5").build()),
                bad("phoneNumber.number: must be a phone number of digits, spaces and + - ( ) . /",
                        () -> phone().number("+ ()").build()),
                bad("phoneNumber.number: must be at most 50 characters", () -> phone().number("1".repeat(51)).build()),
                bad("phoneNumber.extension: must be a phone number of digits, spaces and + - ( ) . /",
                        () -> phone().extension("x12").build()),
                ok("an empty address", () -> Address.builder().build()),
                bad("address.postalCode: must be at most 500 characters", () -> Fixtures.address().postalCode(chars(501)).build()),
                ok("a resume of 0 bytes with parameters in its type",
                        () -> resume().sizeBytes(0).contentType("text/plain; charset=utf-8").build()),
                bad("resume.sizeBytes: must not be negative", () -> resume().sizeBytes(-1).build()),
                bad("resume.url: is required", () -> resume().url(null).build()),
                bad("resume.url: must be an absolute http or https URL", () -> resume().url("/files/cv.pdf").build()),
                bad("resume.contentType: must be a media type such as application/pdf", () -> resume().contentType("pdf").build()),
                ok("an unmatched contact", () -> Match.builder().status(MatchStatus.UNMATCHED).build()),
                bad("match.status: is required", () -> match().status((String) null).build()),
                bad("match.member: must be a urn:li:person:<id> URN", () -> match().member("urn:li:member:123").build()),
                bad("match.member: must be a urn:li:person:<id> URN", () -> match().member("urn:li:person:").build()),
                bad("match.profileUrl: must be an absolute http or https URL", () -> match().profileUrl("https://").build()));
    }

    static Stream<Case> poolCases() {
        return Stream.of(
                ok("a full pool", () -> pool().build()),
                ok("a title of 200 characters", () -> pool().title(chars(200)).build()),
                bad("pool.title: must be at most 200 characters", () -> pool().title(chars(201)).build()),
                bad("pool.title: is required", () -> pool().title("").build()),
                bad("pool.crmId: must be 1 to 64 characters", () -> pool().crmId(chars(65)).build()),
                ok("500 steps", () -> pool().steps(steps(500)).build()),
                bad("pool.steps: must have at most 500 elements", () -> pool().steps(steps(501)).build()),
                bad("pool.steps[1].stepId: must be unique within the pool",
                        () -> pool().steps(step("s1", 0).build(), step("s1", 1).build()).build()),
                bad("poolStep.stepId: is required", () -> step(null, 0).build()),
                bad("poolStep.stepId: must be 1 to 64 characters", () -> step(chars(65), 0).build()),
                bad("poolStep.position: must not be negative", () -> step("s1", -1).build()),
                ok("an owner with only an email", () -> Owner.builder().emailAddress("o@vendor.example").build()),
                bad("owner.emailAddress: must be a syntactically valid email address",
                        () -> owner().emailAddress("olivia@").build()),
                ok("a member without step", () -> poolMember().stepId(null).build()),
                bad("poolMember.contactCrmId: must be 1 to 64 characters", () -> poolMember().contactCrmId(chars(65)).build()),
                bad("poolMember.stepId: must be 1 to 64 characters", () -> poolMember().stepId("").build()));
    }

    static Stream<Case> vacancyCases() {
        return Stream.of(
                ok("a full vacancy", () -> vacancy().build()),
                bad("vacancy.title: is required", () -> vacancy().title(null).build()),
                bad("vacancy.title: must be at most 200 characters", () -> vacancy().title(chars(201)).build()),
                ok("a description of 20,000 characters with line breaks",
                        () -> vacancy().description("line\r\n\t".repeat(2_000) + chars(6_000)).build()),
                bad("vacancy.description: must be at most 20000 characters", () -> vacancy().description(chars(20_001)).build()),
                bad("vacancy.description: must not contain control characters", () -> vacancy().description("bell\u0007").build()),
                bad("vacancy.skills[0]: is required", () -> vacancy().skills(" ").build()),
                bad("vacancy.skills: must have at most 500 elements",
                        () -> vacancy().skills(Collections.nCopies(501, "Java")).build()),
                bad("vacancy.stages[1].stageId: must be unique within the vacancy",
                        () -> vacancy().stages(stage("a", 0).build(), stage("a", 1).build()).build()),
                bad("vacancyStage.stageId: is required", () -> stage(null, 0).build()),
                bad("vacancyStage.position: must not be negative", () -> stage("a", -5).build()),
                bad("location.city: must not contain control characters", () -> Location.builder().city("Dub\tlin").build()));
    }

    static Stream<Case> activityCases() {
        return Stream.of(
                ok("a minimal application", () -> Application.builder().contactId("c").vacancyId("v").build()),
                bad("application.contactId: is required", () -> application().contactId(null).build()),
                bad("application.vacancyId: is required", () -> application().vacancyId(null).build()),
                bad("application.stageId: must be 1 to 64 characters", () -> application().stageId(chars(65)).build()),
                ok("a minimal email interaction", () -> EmailInteraction.builder().contactId("c").build()),
                bad("emailInteraction.contactId: is required", () -> emailInteraction().contactId(null).build()),
                bad("crmUser.emailAddress: must be a syntactically valid email address",
                        () -> crmUser().emailAddress("rita@vendor").build()),
                bad("crmUser.name: must be at most 500 characters", () -> crmUser().name(chars(501)).build()),
                ok("content of 10,000 characters with line breaks",
                        () -> note().content("a\n".repeat(4_000) + chars(2_000)).build()),
                bad("note.content: must be at most 10000 characters", () -> note().content(chars(10_001)).build()),
                bad("note.content: is required", () -> note().content(null).build()),
                bad("note.content: must not contain control characters", () -> note().content("esc\u001b[0m").build()),
                bad("note.contactId: is required", () -> note().contactId(null).build()));
    }

    static Stream<Case> exportCases() {
        return Stream.of(
                ok("a full exported candidate", () -> exportedCandidate().build()),
                ok("only what visibility allows",
                        () -> ExportedCandidate.builder().requestId("r").member("urn:li:person:1").build()),
                bad("exportedCandidate.requestId: is required", () -> exportedCandidate().requestId(null).build()),
                bad("exportedCandidate.member: is required", () -> exportedCandidate().member(null).build()),
                bad("exportedCandidate.member: must be a urn:li:person:<id> URN",
                        () -> exportedCandidate().member("urn:li:person:a b").build()),
                bad("exportedCandidate.exportedBy: must be a urn:li:seat:<id> URN",
                        () -> exportedCandidate().exportedBy("urn:li:person:1").build()),
                bad("exportedCandidate.integrationContext: must be a urn:li:organization:<digits> URN",
                        () -> exportedCandidate().integrationContext("urn:li:organization:acme").build()),
                bad("exportedCandidate.profileUrl: must be an absolute http or https URL",
                        () -> exportedCandidate().profileUrl("javascript:alert(1)").build()),
                bad("destination.type: is required", () -> destination().type((String) null).build()),
                bad("destination.crmId: is required", () -> destination().crmId(null).build()),
                ok("a notice without export request ids",
                        () -> deletionNotice().exportRequestIds((List<String>) null).build()),
                bad("deletionNotice.noticeId: is required", () -> deletionNotice().noticeId(null).build()),
                bad("deletionNotice.member: is required", () -> deletionNotice().member(null).build()),
                bad("deletionNotice.publishedAt: is required", () -> deletionNotice().publishedAt(null).build()),
                bad("deletionNotice.exportRequestIds[1]: is required",
                        () -> deletionNotice().exportRequestIds("req-1", "").build()));
    }

    static Stream<Case> dataRequestCases() {
        return Stream.of(
                ok("an export of a seat", () -> exportRequest().build()),
                ok("a deletion of a contract", () -> deletionRequest().build()),
                ok("an export of every exportable category", () -> exportRequest().categories(
                        Stream.of(DataCategory.values()).filter(c -> !c.deletionOnly() && c != DataCategory.UNKNOWN).toList())
                        .build()),
                ok("a deletion of every category", () -> deletionRequest().categories(
                        Stream.of(DataCategory.values()).filter(c -> c != DataCategory.UNKNOWN).toList()).build()),
                bad("dataRequest.type: is required", () -> exportRequest().type((String) null).build()),
                bad("dataRequest.scope: is required", () -> exportRequest().scope(null).build()),
                bad("dataRequest.categories: must not be empty", () -> exportRequest().categories(List.of()).build()),
                bad("dataRequest.categories: must not be empty",
                        () -> exportRequest().categories((List<DataCategory>) null).build()),
                bad("dataRequest.categories[0]: must not be null",
                        () -> exportRequest().categories((DataCategory) null).build()),
                bad("dataRequest.categories: must have at most 50 elements",
                        () -> exportRequest().categories(Collections.nCopies(51, DataCategory.NOTES)).build()),
                bad("dataRequest.confirmIrreversible: must be true for a DELETION request (a deletion cannot be undone)",
                        () -> deletionRequest().confirmIrreversible(null).build()),
                bad("dataRequest.confirmIrreversible: must be true for a DELETION request (a deletion cannot be undone)",
                        () -> deletionRequest().confirmIrreversible(false).build()),
                bad("dataRequest.categories[1]: USER_INFORMATION can be deleted but not exported",
                        () -> exportRequest().categories(DataCategory.NOTES, DataCategory.USER_INFORMATION).build()),
                bad("dataRequest.categories[0]: SALES_ASSISTANT_MESSAGES can be deleted but not exported",
                        () -> exportRequest().categories(DataCategory.SALES_ASSISTANT_MESSAGES).build()),
                ok("an export with a category newer than this SDK",
                        () -> exportRequest().categoriesAsStrings(List.of("NOTES", "HOLOGRAMS")).build()),
                ok("a request of a type newer than this SDK, unconfirmed", () -> deletionRequest().type("ARCHIVE")
                        .confirmIrreversible(null).build()),
                bad("dataRequest.downloadUrl: must be an absolute http or https URL",
                        () -> exportRequest().downloadUrl("s3://bucket/key").build()),
                ok("a seat scope", () -> seatScope().build()),
                ok("a contract scope", () -> contractScope().build()),
                ok("a scope of a type newer than this SDK", () -> DataRequestScope.builder().type("TEAM").build()),
                bad("dataRequestScope.type: is required", () -> seatScope().type((ScopeType) null).build()),
                bad("dataRequestScope.seat: is required", () -> seatScope().seat(null).build()),
                bad("dataRequestScope.contract: must be absent when type is SEAT",
                        () -> seatScope().contract("urn:li:contract:77").build()),
                bad("dataRequestScope.contract: is required", () -> contractScope().contract(null).build()),
                bad("dataRequestScope.seat: must be absent when type is CONTRACT",
                        () -> contractScope().seat("urn:li:seat:1").build()),
                bad("dataRequestScope.seat: must be a urn:li:seat:<id> URN", () -> seatScope().seat("seat-1").build()),
                bad("dataRequestScope.contract: must be a urn:li:contract:<id> URN",
                        () -> contractScope().contract("urn:li:seat:77").build()));
    }

    static Stream<Case> keyCases() {
        return Stream.of(
                ok("a key", () -> RecordKey.of("c-42", "urn:li:organization:1001")),
                ok("a key of 64 code points", () -> RecordKey.of(EMOJI.repeat(64), "urn:li:organization:1")),
                bad("recordKey.crmId: is required", () -> RecordKey.of(null, "urn:li:organization:1001")),
                bad("recordKey.crmId: must be 1 to 64 characters", () -> RecordKey.of(EMOJI.repeat(65), "urn:li:organization:1")),
                bad("recordKey.integrationContext: is required", () -> RecordKey.of("c-42", null)),
                bad("recordKey.integrationContext: must be a urn:li:organization:<digits> URN",
                        () -> RecordKey.of("c-42", "urn:li:organization:")),
                bad("recordKey.integrationContext: must be a urn:li:organization:<digits> URN",
                        () -> RecordKey.of("c-42", "urn:li:company:1001")));
    }

    static List<PoolStep> steps(int n) {
        List<PoolStep> steps = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            steps.add(step("s" + i, i).build());
        }
        return steps;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"contactCases", "contactPartCases", "poolCases", "vacancyCases", "activityCases", "exportCases",
            "dataRequestCases", "keyCases"})
    void ruleHoldsOrFailsNamingFieldAndRule(Case c) {
        if (c.expected() == null) {
            assertNotNull(c.build().get());
        } else {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, c.build()::get);
            assertEquals(c.expected(), e.getMessage());
        }
    }
}
