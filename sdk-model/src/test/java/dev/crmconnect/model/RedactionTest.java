package dev.crmconnect.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code toString()} of every record that holds personal data shows none of it in full. */
class RedactionTest {

    record Case(Object record, List<String> hidden, List<String> shown) {
        @Override
        public String toString() {
            return record.getClass().getSimpleName();
        }
    }

    static Stream<Case> records() {
        return Stream.of(
                new Case(Fixtures.contact().build(),
                        List.of("Jane", "Doe", "jane.doe@", "jd@", "7946", "0958", "Baker", "6XE", "jane-doe", "secret"),
                        List.of("crmId=c-42", "firstName=J***", "lastName=D***", "j***@example.com", "j***@work.example.org",
                                "number=***58", "line1=2***", "postalCode=N***", "city=London", "currentJobTitle=Engineer",
                                "linkedInProfileUrl=https://www.linkedin.com/***", "fileName=***.pdf",
                                "url=https://files.example.com/***")),
                new Case(Fixtures.phone().build(), List.of("7946", "0958"), List.of("number=***58", "extension=***12")),
                new Case(Fixtures.address().build(), List.of("Baker", "6XE"), List.of("line1=2***", "country=GB")),
                new Case(Fixtures.resume().fileName("Jane.Doe").build(), List.of("Jane", "Doe", "secret"),
                        List.of("fileName=***,", "sizeBytes=48213")),
                new Case(Fixtures.contact().match(Fixtures.match().build()).build(), List.of("jane-doe"),
                        List.of("status=MATCHED", "member=urn:li:person:AbC-12_x", "profileUrl=https://www.linkedin.com/***")),
                new Case(Fixtures.owner().build(), List.of("Olivia", "Owens", "olivia.owens"),
                        List.of("firstName=O***", "lastName=O***", "emailAddress=o***@vendor.example")),
                new Case(Fixtures.pool().build(), List.of("Olivia", "Owens", "olivia.owens"),
                        List.of("title=Java engineers", "o***@vendor.example")),
                new Case(Fixtures.vacancy().build(), List.of("Olivia", "Owens", "olivia.owens"),
                        List.of("title=Senior Java engineer", "o***@vendor.example")),
                new Case(Fixtures.crmUser().build(), List.of("Rita", "Recruiter", "rita@"),
                        List.of("name=R***", "emailAddress=r***@vendor.example")),
                new Case(Fixtures.emailInteraction().build(), List.of("Rita", "Recruiter", "rita@"),
                        List.of("contactId=c-42", "direction=OUTBOUND", "r***@vendor.example")),
                new Case(Fixtures.note().build(), List.of("prefers", "555", "0100", "Rita", "rita@"),
                        List.of("content=<43 chars>", "contactId=c-42")),
                new Case(Fixtures.exportedCandidate().build(), List.of("Marta", "Member", "marta-member"),
                        List.of("firstName=M***", "lastName=M***", "profileUrl=https://www.linkedin.com/***",
                                "member=urn:li:person:AbC-12_x", "exportedBy=urn:li:seat:9001")),
                new Case(Fixtures.exportRequest().downloadUrl("https://dl.example.com/export.zip?token=s3cr3t").build(),
                        List.of("s3cr3t", "export.zip"), List.of("downloadUrl=https://dl.example.com/***", "type=EXPORT")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void toStringHidesPersonalData(Case c) {
        String text = c.record().toString();
        for (String hidden : c.hidden()) {
            assertFalse(text.contains(hidden), () -> "'" + hidden + "' shown in " + text);
        }
        for (String shown : c.shown()) {
            assertTrue(text.contains(shown), () -> "'" + shown + "' missing from " + text);
        }
    }
}
