package dev.crmconnect.sdk.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crmconnect.model.Application;
import dev.crmconnect.model.ApplicationStatus;
import dev.crmconnect.model.Contact;
import dev.crmconnect.model.DataCategory;
import dev.crmconnect.model.DataRequest;
import dev.crmconnect.model.DataRequestStatus;
import dev.crmconnect.model.DataRequestType;
import dev.crmconnect.model.DeletionNotice;
import dev.crmconnect.model.DestinationType;
import dev.crmconnect.model.Direction;
import dev.crmconnect.model.EmailInteraction;
import dev.crmconnect.model.ExportedCandidate;
import dev.crmconnect.model.MatchStatus;
import dev.crmconnect.model.Note;
import dev.crmconnect.model.Pool;
import dev.crmconnect.model.PoolMember;
import dev.crmconnect.model.PoolType;
import dev.crmconnect.model.ScopeType;
import dev.crmconnect.model.Vacancy;
import dev.crmconnect.model.VacancyStatus;
import dev.crmconnect.model.Visibility;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every model record against hand-written JSON that uses the contract's field names, through the
 * SDK's one mapper: read, check, write back, compare as trees. Its samples seed the fuzz tests.
 */
public class ModelJsonTest {

    private static final ObjectMapper MAPPER = Json.mapper();
    private static final Instant T1 = Instant.ofEpochMilli(1_700_000_000_000L);
    private static final Instant T2 = Instant.ofEpochMilli(1_700_000_360_000L);

    static final String CONTACT = """
            {"firstName":"Jane","lastName":"Doe",
             "emailAddresses":["jane.doe@example.com","jd@work.example.org"],
             "phoneNumbers":[{"number":"+44 20 7946 0958","extension":"12"},{"number":"555 0100"}],
             "addresses":[{"line1":"221B Baker Street","city":"London","geographicArea":"Greater London",
                           "postalCode":"NW1 6XE","country":"GB"}],
             "currentJobTitle":"Engineer","currentCompanyName":"Acme",
             "linkedInProfileUrl":"https://www.linkedin.com/in/jane-doe","doNotContact":true,
             "resumes":[{"fileName":"cv.pdf","contentType":"application/pdf","sizeBytes":48213,
                         "url":"https://files.example.com/cv.pdf","attachedAt":1700000000000}],
             "crmCreatedAt":1700000000000,"crmLastModifiedAt":1700000360000,
             "match":{"status":"MATCHED","member":"urn:li:person:AbC-12_x",
                      "profileUrl":"https://www.linkedin.com/in/jane-doe"}}
            """;
    static final String POOL = """
            {"title":"Java engineers","poolType":"SOURCING",
             "steps":[{"stepId":"s1","name":"Sourced","position":0},{"stepId":"s2","name":"Contacted","position":1}],
             "owner":{"firstName":"Olivia","lastName":"Owens","emailAddress":"olivia@vendor.example"},
             "crmCreatedAt":1700000000000,"crmLastModifiedAt":1700000360000}
            """;
    static final String POOL_MEMBER = """
            {"stepId":"s2","addedAt":1700000000000}
            """;
    static final String VACANCY = """
            {"title":"Senior Java engineer","description":"Build things.\\nWith care.","status":"ON_HOLD",
             "stages":[{"stageId":"screen","name":"Screen","position":0},{"stageId":"onsite","name":"Onsite","position":1}],
             "owner":{"firstName":"Olivia","emailAddress":"olivia@vendor.example"},
             "skills":["Java","SQL"],"location":{"city":"Dublin","geographicArea":"Leinster","country":"IE"},
             "crmCreatedAt":1700000000000,"crmLastModifiedAt":1700000360000}
            """;
    static final String APPLICATION = """
            {"contactId":"c-42","vacancyId":"v-7","stageId":"onsite","status":"HIRED",
             "appliedAt":1700000000000,"crmLastModifiedAt":1700000360000}
            """;
    static final String EMAIL_INTERACTION = """
            {"contactId":"c-42","user":{"name":"Rita Recruiter","emailAddress":"rita@vendor.example"},
             "direction":"INBOUND","crmCreatedAt":1700000000000}
            """;
    static final String NOTE = """
            {"contactId":"c-42","author":{"name":"Rita Recruiter","emailAddress":"rita@vendor.example"},
             "content":"Prefers calls.\\nAfter 5pm.","crmCreatedAt":1700000000000}
            """;
    static final String EXPORTED_CANDIDATE = """
            {"requestId":"req-1","member":"urn:li:person:AbC-12_x","firstName":"Marta","lastName":"Member",
             "currentJobTitle":"Engineer","currentCompanyName":"Globex",
             "location":{"city":"Dublin","country":"IE"},"profileUrl":"https://www.linkedin.com/in/marta",
             "exportedAt":1700000000000,"exportedBy":"urn:li:seat:9001",
             "destination":{"type":"VACANCY","crmId":"v-7"},"integrationContext":"urn:li:organization:1001"}
            """;
    static final String DELETION_NOTICE = """
            {"noticeId":"dn-1","member":"urn:li:person:AbC-12_x","exportRequestIds":["req-1","req-2"],
             "exportedAt":1700000000000,"memberDeletedAt":1700000360000,"publishedAt":1700000360000}
            """;
    static final String DATA_REQUEST = """
            {"type":"EXPORT","scope":{"type":"SEAT","seat":"urn:li:seat:9001"},
             "categories":["NOTES","SAVED_ACCOUNTS"],"confirmIrreversible":false,
             "id":"dr-1","status":"COMPLETED","createdAt":1700000000000,"completedAt":1700000360000,
             "downloadUrl":"https://dl.example.com/dr-1.zip"}
            """;
    static final String DELETION_REQUEST = """
            {"type":"DELETION","scope":{"type":"CONTRACT","contract":"urn:li:contract:77"},
             "categories":["USER_INFORMATION","CRM_SYNCED_DATA"],"confirmIrreversible":true}
            """;

    /** A valid body of one entity, with the model type it reads into. */
    public record Sample(String name, String json, Class<?> type) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** One valid body per entity (two for data requests). */
    public static Stream<Sample> samples() {
        return Stream.of(
                new Sample("contact", CONTACT, Contact.class),
                new Sample("pool", POOL, Pool.class),
                new Sample("pool member", POOL_MEMBER, PoolMember.class),
                new Sample("vacancy", VACANCY, Vacancy.class),
                new Sample("application", APPLICATION, Application.class),
                new Sample("email interaction", EMAIL_INTERACTION, EmailInteraction.class),
                new Sample("note", NOTE, Note.class),
                new Sample("exported candidate", EXPORTED_CANDIDATE, ExportedCandidate.class),
                new Sample("deletion notice", DELETION_NOTICE, DeletionNotice.class),
                new Sample("export request", DATA_REQUEST, DataRequest.class),
                new Sample("deletion request", DELETION_REQUEST, DataRequest.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void roundTripsToTheSameTree(Sample sample) throws Exception {
        Object record = MAPPER.readValue(sample.json(), sample.type());
        String written = MAPPER.writeValueAsString(record);
        assertEquals(MAPPER.readTree(sample.json()), MAPPER.readTree(written), written);
        assertEquals(record, MAPPER.readValue(written, sample.type()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void ignoresUnknownFieldsAtEveryLevel(Sample sample) throws Exception {
        String withExtras = sample.json().trim().replaceFirst("^\\{", "{\"addedInV3\":{\"x\":[1,2]},");
        assertEquals(MAPPER.readValue(sample.json(), sample.type()), MAPPER.readValue(withExtras, sample.type()));
    }

    @Test
    void readsAContact() throws Exception {
        Contact contact = MAPPER.readValue(CONTACT, Contact.class);
        assertNull(contact.crmId());
        assertEquals(Visibility.PUBLIC, contact.visibility());
        assertEquals("Jane", contact.firstName());
        assertEquals(List.of("jane.doe@example.com", "jd@work.example.org"), contact.emailAddresses());
        assertEquals("12", contact.phoneNumbers().get(0).extension());
        assertNull(contact.phoneNumbers().get(1).extension());
        assertEquals("NW1 6XE", contact.addresses().get(0).postalCode());
        assertEquals(Boolean.TRUE, contact.doNotContact());
        assertEquals(48_213L, contact.resumes().get(0).sizeBytes());
        assertEquals(T1, contact.resumes().get(0).attachedAt());
        assertEquals(T1, contact.crmCreatedAt());
        assertEquals(T2, contact.crmLastModifiedAt());
        assertEquals(MatchStatus.MATCHED, contact.match().status());
        assertEquals("urn:li:person:AbC-12_x", contact.match().member());
    }

    @Test
    void readsPoolsMembersAndVacancies() throws Exception {
        Pool pool = MAPPER.readValue(POOL, Pool.class);
        assertEquals("Java engineers", pool.title());
        assertEquals(PoolType.SOURCING, pool.poolType());
        assertEquals(List.of("s1", "s2"), pool.steps().stream().map(s -> s.stepId()).toList());
        assertEquals(1, pool.steps().get(1).position());
        assertEquals("olivia@vendor.example", pool.owner().emailAddress());

        PoolMember member = MAPPER.readValue(POOL_MEMBER, PoolMember.class);
        assertEquals("s2", member.stepId());
        assertEquals(T1, member.addedAt());
        assertNull(member.contactCrmId());

        Vacancy vacancy = MAPPER.readValue(VACANCY, Vacancy.class);
        assertEquals(VacancyStatus.ON_HOLD, vacancy.status());
        assertEquals("Build things.\nWith care.", vacancy.description());
        assertEquals(List.of("Java", "SQL"), vacancy.skills());
        assertEquals("onsite", vacancy.stages().get(1).stageId());
        assertEquals("Leinster", vacancy.location().geographicArea());
        assertNull(vacancy.owner().lastName());
    }

    @Test
    void readsActivities() throws Exception {
        Application application = MAPPER.readValue(APPLICATION, Application.class);
        assertEquals("c-42", application.contactId());
        assertEquals("v-7", application.vacancyId());
        assertEquals(ApplicationStatus.HIRED, application.status());
        assertEquals(T1, application.appliedAt());

        EmailInteraction email = MAPPER.readValue(EMAIL_INTERACTION, EmailInteraction.class);
        assertEquals(Direction.INBOUND, email.direction());
        assertEquals("Rita Recruiter", email.user().name());

        Note note = MAPPER.readValue(NOTE, Note.class);
        assertEquals("Prefers calls.\nAfter 5pm.", note.content());
        assertEquals("rita@vendor.example", note.author().emailAddress());
    }

    @Test
    void readsExportsNoticesAndDataRequests() throws Exception {
        ExportedCandidate candidate = MAPPER.readValue(EXPORTED_CANDIDATE, ExportedCandidate.class);
        assertEquals("req-1", candidate.requestId());
        assertEquals(DestinationType.VACANCY, candidate.destination().type());
        assertEquals("v-7", candidate.destination().crmId());
        assertEquals("urn:li:seat:9001", candidate.exportedBy());
        assertEquals("urn:li:organization:1001", candidate.integrationContext());
        assertNull(candidate.location().geographicArea());

        DeletionNotice notice = MAPPER.readValue(DELETION_NOTICE, DeletionNotice.class);
        assertEquals("dn-1", notice.noticeId());
        assertEquals(List.of("req-1", "req-2"), notice.exportRequestIds());
        assertEquals(T2, notice.publishedAt());

        DataRequest export = MAPPER.readValue(DATA_REQUEST, DataRequest.class);
        assertEquals(DataRequestType.EXPORT, export.type());
        assertEquals(ScopeType.SEAT, export.scope().type());
        assertEquals(List.of(DataCategory.NOTES, DataCategory.SAVED_ACCOUNTS), export.categories());
        assertEquals(DataRequestStatus.COMPLETED, export.status());
        assertEquals("https://dl.example.com/dr-1.zip", export.downloadUrl());

        DataRequest deletion = MAPPER.readValue(DELETION_REQUEST, DataRequest.class);
        assertEquals(Boolean.TRUE, deletion.confirmIrreversible());
        assertEquals("urn:li:contract:77", deletion.scope().contract());
    }

    @Test
    void unknownEnumValuesSurviveARoundTripAsTheirRawString() throws Exception {
        String json = """
                {"title":"t","status":"ARCHIVED"}""";
        Vacancy vacancy = MAPPER.readValue(json, Vacancy.class);
        assertEquals(VacancyStatus.UNKNOWN, vacancy.status());
        assertEquals(MAPPER.readTree(json), MAPPER.readTree(MAPPER.writeValueAsString(vacancy)));

        String request = """
                {"type":"ARCHIVE","scope":{"type":"TEAM","team":"urn:li:team:1"},"categories":["NOTES","HOLOGRAMS"],
                 "status":"QUEUED"}""";
        DataRequest dataRequest = MAPPER.readValue(request, DataRequest.class);
        assertEquals(DataRequestType.UNKNOWN, dataRequest.type());
        assertEquals(ScopeType.UNKNOWN, dataRequest.scope().type());
        assertEquals(List.of(DataCategory.NOTES, DataCategory.UNKNOWN), dataRequest.categories());
        assertEquals(DataRequestStatus.UNKNOWN, dataRequest.status());
        JsonNode written = MAPPER.readTree(MAPPER.writeValueAsString(dataRequest));
        assertEquals(MAPPER.readTree("""
                {"type":"ARCHIVE","scope":{"type":"TEAM"},"categories":["NOTES","HOLOGRAMS"],"status":"QUEUED"}"""),
                written);
    }

    @Test
    void enumAccessorsAreNotWrittenBesideTheRawValue() throws Exception {
        Application application = Application.builder().contactId("c").vacancyId("v")
                .status(ApplicationStatus.REJECTED).build();
        assertSameJson("{\"contactId\":\"c\",\"vacancyId\":\"v\",\"status\":\"REJECTED\"}",
                MAPPER.writeValueAsString(application));
        DataRequest request = DataRequest.builder().type(DataRequestType.EXPORT).categories(DataCategory.NOTES)
                .scope(dev.crmconnect.model.DataRequestScope.builder().type(ScopeType.SEAT).seat("urn:li:seat:1").build())
                .build();
        assertSameJson("{\"type\":\"EXPORT\",\"scope\":{\"type\":\"SEAT\",\"seat\":\"urn:li:seat:1\"},"
                + "\"categories\":[\"NOTES\"]}", MAPPER.writeValueAsString(request));
    }

    @Test
    void crmIdAndVisibilityAreNeverWritten() throws Exception {
        Contact contact = Contact.builder().crmId("c-42").visibility(Visibility.PRIVATE).firstName("Jane").build();
        assertSameJson("{\"firstName\":\"Jane\"}", MAPPER.writeValueAsString(contact));
        PoolMember member = PoolMember.builder().contactCrmId("c-42").visibility(Visibility.PRIVATE).stepId("s1").build();
        assertSameJson("{\"stepId\":\"s1\"}", MAPPER.writeValueAsString(member));
        List<Object> synced = List.of(
                MAPPER.readValue(POOL, Pool.class).toBuilder().crmId("p-1").build(),
                MAPPER.readValue(VACANCY, Vacancy.class).toBuilder().crmId("v-1").visibility(Visibility.PRIVATE).build(),
                MAPPER.readValue(APPLICATION, Application.class).toBuilder().crmId("a-1").build(),
                MAPPER.readValue(EMAIL_INTERACTION, EmailInteraction.class).toBuilder().crmId("e-1").build(),
                MAPPER.readValue(NOTE, Note.class).toBuilder().crmId("n-1").build());
        for (Object record : synced) {
            JsonNode tree = MAPPER.valueToTree(record);
            assertFalse(tree.has("crmId"), tree::toString);
            assertFalse(tree.has("visibility"), tree::toString);
            assertFalse(tree.has("contactCrmId"), tree::toString);
        }
    }

    @Test
    void crmIdAndVisibilityInABodyAreNotRead() throws Exception {
        Note note = MAPPER.readValue("""
                {"crmId":"n-9","visibility":"PRIVATE","contactId":"c-42","content":"x"}""", Note.class);
        assertNull(note.crmId());
        assertEquals(Visibility.PUBLIC, note.visibility());
        PoolMember member = MAPPER.readValue("""
                {"contactCrmId":"c-9","crmId":"c-9","visibility":"PRIVATE"}""", PoolMember.class);
        assertNull(member.contactCrmId());
        assertEquals(Visibility.PUBLIC, member.visibility());
    }

    @Test
    void emptyListsAndAbsentFieldsAreLeftOut() throws Exception {
        Contact contact = MAPPER.readValue("{\"firstName\":\"Jane\",\"emailAddresses\":[],\"lastName\":null}", Contact.class);
        assertTrue(contact.emailAddresses().isEmpty());
        assertSameJson("{\"firstName\":\"Jane\"}", MAPPER.writeValueAsString(contact));
    }

    @Test
    void anInvalidEntityFailsWithTheModelsMessage() {
        JsonMappingException e = assertThrows(JsonMappingException.class,
                () -> MAPPER.readValue("{\"title\":\"" + "x".repeat(201) + "\"}", Pool.class));
        IllegalArgumentException cause = assertInstanceOf(IllegalArgumentException.class, e.getCause());
        assertEquals("pool.title: must be at most 200 characters", cause.getMessage());
        assertTrue(e.getOriginalMessage().contains("pool.title: must be at most 200 characters"), e.getOriginalMessage());

        e = assertThrows(JsonMappingException.class, () -> MAPPER.readValue("""
                {"firstName":"Jane","emailAddresses":["jane@example.com","not an email"]}""", Contact.class));
        assertEquals("contact.emailAddresses[1]: must be a syntactically valid email address", e.getCause().getMessage());
        assertFalse(e.getMessage().contains("not an email"), "the message does not echo the value");

        e = assertThrows(JsonMappingException.class, () -> MAPPER.readValue("""
                {"type":"DELETION","scope":{"type":"SEAT","seat":"urn:li:seat:1"},"categories":["NOTES"]}""",
                DataRequest.class));
        assertEquals("dataRequest.confirmIrreversible: must be true for a DELETION request (a deletion cannot be undone)",
                e.getCause().getMessage());
    }

    @Test
    void aNestedValueFailsWithItsOwnNameAndJacksonLocatesIt() {
        JsonMappingException e = assertThrows(JsonMappingException.class, () -> MAPPER.readValue("""
                {"firstName":"Jane","phoneNumbers":[{"number":"555 0100"},{"number":"call me"}]}""", Contact.class));
        assertEquals("phoneNumber.number: must be a phone number of digits, spaces and + - ( ) . /", e.getCause().getMessage());
        assertEquals("phoneNumbers[1]", e.getPath().get(0).getFieldName() + "[" + e.getPath().get(1).getIndex() + "]");
    }

    @Test
    void aMissingRequiredFieldFails() {
        JsonMappingException e = assertThrows(JsonMappingException.class,
                () -> MAPPER.readValue("{\"lastName\":\"Doe\"}", Contact.class));
        assertEquals("contact.firstName: is required", e.getCause().getMessage());
    }

    /** Compares JSON as trees: property order differs between Jackson 2.x releases, and readers ignore it. */
    private static void assertSameJson(String expected, String written) throws Exception {
        assertEquals(MAPPER.readTree(expected), MAPPER.readTree(written), written);
    }
}
